#include "DatabaseWorker.h"

#include "Database.h"
#include "MessageStore.h"
#include "OccupancyStore.h"
#include "SessionStore.h"

DatabaseWorker::DatabaseWorker(QObject *parent)
    : QObject(parent)
    , m_runner(std::make_unique<QObject>())
{
    m_thread.setObjectName(QStringLiteral("natter-database"));
    m_runner->moveToThread(&m_thread);
}

DatabaseWorker::~DatabaseWorker()
{
    stop();
}

bool DatabaseWorker::open(const QString &url, QString *error)
{
    if (m_stopped || m_db)
        return false;
    m_thread.start();
    // Qt SQL connections belong to the thread that opens them: open on the worker's thread.
    QMetaObject::invokeMethod(
        m_runner.get(),
        [this, &url, error] {
            m_db = Database::open(url, error);
            if (!m_db)
                return;
            m_sessions = std::make_unique<SessionStore>(*m_db);
            m_messages = std::make_unique<MessageStore>(*m_db);
            m_occupancy = std::make_unique<OccupancyStore>(*m_db);
            m_stores.reset(new Stores{*m_db, *m_sessions, *m_messages, *m_occupancy});
            m_postgres = m_db->dialect() == Database::Dialect::Postgres;
            m_schemaVersion = m_db->schemaVersion();
        },
        Qt::BlockingQueuedConnection);
    if (!m_db) {
        stop();
        return false;
    }
    return true;
}

void DatabaseWorker::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (!m_thread.isRunning())
        return;
    // Queued behind every job already submitted, so they all finish first.
    QMetaObject::invokeMethod(m_runner.get(), [this] {
        m_stores.reset();
        m_occupancy.reset();
        m_messages.reset();
        m_sessions.reset();
        m_db.reset();
        m_runner->moveToThread(nullptr);
        m_thread.quit();
    });
    m_thread.wait();
}

void DatabaseWorker::post(std::function<void(Stores &)> job)
{
    if (m_stopped)
        return;
    QMetaObject::invokeMethod(m_runner.get(), [this, job = std::move(job)] { job(*m_stores); });
}
