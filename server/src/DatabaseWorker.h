#pragma once

#include "Stores.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

class Database;
class MessageStore;
class OccupancyStore;
class SessionStore;

// Runs every SQL statement of the server on one thread of its own, so a slow database round
// trip or commit never stalls the event loop. Jobs run one at a time in submission order (a
// request's statements keep today's order); each result comes back to the main thread, to a
// callback that only runs while its context object is alive.
class DatabaseWorker : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseWorker(QObject *parent = nullptr);
    ~DatabaseWorker() override; // stop()s

    // Starts the thread, then opens and migrates `url` on it; waits for that (start-up only, before
    // the server listens). False with a one-line reason in *error.
    bool open(const QString &url, QString *error);
    // Lets the submitted jobs finish, closes the connection on its thread and ends the thread.
    // Later jobs are dropped; callbacks not yet delivered never run.
    void stop();

    // Schema facts for the start-up log line; valid after open().
    bool isPostgres() const { return m_postgres; }
    int schemaVersion() const { return m_schemaVersion; }

    template<class T>
    void run(std::function<T(Stores &)> job, QObject *context, std::function<void(T)> done)
    {
        post([this, job = std::move(job), guard = QPointer<QObject>(context),
              done = std::move(done)](Stores &stores) mutable {
            T result = job(stores);
            // Through this object, which outlives the thread, never straight to `context`, which
            // the main thread may be deleting right now.
            QMetaObject::invokeMethod(
                this,
                [guard, done = std::move(done), result = std::move(result)]() mutable {
                    if (guard)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

private:
    void post(std::function<void(Stores &)> job);

    QThread m_thread;
    // Lives on m_thread: the queue jobs are posted to.
    std::unique_ptr<QObject> m_runner;
    // Created, used and destroyed on m_thread only.
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<MessageStore> m_messages;
    std::unique_ptr<OccupancyStore> m_occupancy;
    std::unique_ptr<Stores> m_stores;
    bool m_postgres = false;
    int m_schemaVersion = 0;
    bool m_stopped = false;
};
