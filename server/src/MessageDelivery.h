#pragma once

#include "StoredMessage.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class DatabaseWorker;

namespace natter::pusher {
class RestClient;
}

// Triggers new_message on presence-ROOM for stored messages and keeps retrying the ones Pusher
// did not take: 1 s, doubling to 30 s, in id order, until the API answers again.
class MessageDelivery : public QObject
{
    Q_OBJECT
public:
    static constexpr int FirstRetryMs = 1000;
    static constexpr int MaxRetryMs = 30000;

    MessageDelivery(natter::pusher::RestClient &rest, DatabaseWorker &database,
                    QObject *parent = nullptr);
    ~MessageDelivery() override;

    // Triggers `message` once, excluding `socketId`; `done(true)` when Pusher accepted it (and it
    // is marked delivered). A failure leaves it undelivered and schedules the retry.
    void deliver(const StoredMessage &message, const QString &socketId,
                 std::function<void(bool)> done);
    // Looks for undelivered messages now (at start-up, and after a send that worked).
    void kick();
    // Milliseconds until the next retry, -1 if none is scheduled.
    int retryInMs() const;
    bool retrying() const { return m_running; }

private:
    void scheduleRetry();
    // Asks the database for the next undelivered messages, then retryWith()s them.
    void retryNext();
    void retryWith(const std::optional<QList<StoredMessage>> &pending, int limit);
    void markDelivered(qint64 id);
    void flushDelivered();
    bool busy(qint64 id) const
    {
        return m_inFlight.contains(id) || m_toMark.contains(id) || m_marking.contains(id);
    }

    natter::pusher::RestClient &m_rest;
    DatabaseWorker &m_database;
    QTimer m_timer;
    int m_delayMs = FirstRetryMs;
    bool m_running = false; // a retry pass is triggering
    // A retryNext() query is with the database; what asked for another pass meanwhile (a kick,
    // a failed first trigger) is remembered, because the answer may predate that message.
    bool m_querying = false;
    bool m_kickWanted = false;
    bool m_retryWanted = false;
    // First triggers still waiting for Pusher: the retry pass must not send them a second time.
    QSet<qint64> m_inFlight;
    // Accepted by Pusher, not yet marked in the database: marked together once per event-loop
    // turn, so a burst of sends costs one commit instead of one each (a lost mark only means a
    // second trigger after a crash, which clients drop by id).
    QSet<qint64> m_toMark;
    // Marks with the database: an undelivered() answer computed before them still lists them.
    QSet<qint64> m_marking;
    QTimer m_markTimer;
};
