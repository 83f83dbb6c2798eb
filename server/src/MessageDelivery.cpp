#include "MessageDelivery.h"

#include "DatabaseWorker.h"
#include "Log.h"
#include "MessageStore.h"

#include <pusher/RestClient.h>
#include <pusher/RestReply.h>

#include <algorithm>

using natter::pusher::RestReply;

namespace {
const QString kEvent = QStringLiteral("new_message");

QString channelOf(const StoredMessage &m)
{
    return QStringLiteral("presence-") + m.room;
}
} // namespace

MessageDelivery::MessageDelivery(natter::pusher::RestClient &rest, DatabaseWorker &database,
                                 QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_database(database)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MessageDelivery::retryNext);
    m_markTimer.setSingleShot(true);
    m_markTimer.setInterval(0);
    connect(&m_markTimer, &QTimer::timeout, this, &MessageDelivery::flushDelivered);
}

MessageDelivery::~MessageDelivery()
{
    // The worker, stopped after this, still runs this last job (behind a mark in flight, whose
    // answer no longer comes back here).
    m_marking.clear();
    flushDelivered();
}

void MessageDelivery::markDelivered(qint64 id)
{
    m_toMark.insert(id);
    m_markTimer.start();
}

void MessageDelivery::flushDelivered()
{
    // One mark at a time: while one is with the database, the next ones gather here, so a burst
    // still costs one commit per database round trip (as when the marks blocked the event loop).
    if (m_toMark.isEmpty() || !m_marking.isEmpty())
        return;
    QList<qint64> ids = m_toMark.values();
    m_toMark.clear();
    std::sort(ids.begin(), ids.end());
    for (const qint64 id : std::as_const(ids))
        m_marking.insert(id);
    m_database.run<bool>([ids](Stores &stores) { return stores.messages.markDelivered(ids); }, this,
                         [this, ids](bool marked) {
                             for (const qint64 id : ids)
                                 m_marking.remove(id);
                             if (!marked)
                                 qCWarning(lcServer)
                                     << ids.size()
                                     << "messages not marked delivered; they will be sent again";
                             flushDelivered();
                         });
}

void MessageDelivery::deliver(const StoredMessage &message, const QString &socketId,
                              std::function<void(bool)> done)
{
    RestReply *reply = m_rest.trigger({channelOf(message)}, kEvent, message.eventData(), socketId);
    const qint64 id = message.id;
    m_inFlight.insert(id);
    connect(reply, &RestReply::finished, this, [this, reply, id, done = std::move(done)] {
        reply->deleteLater();
        m_inFlight.remove(id);
        const bool ok = reply->ok();
        if (ok) {
            markDelivered(id);
            // Pusher answers again: older undelivered messages need not wait for the timer.
            if (m_timer.isActive() && !m_running) {
                m_timer.stop();
                m_delayMs = FirstRetryMs;
                retryNext();
            }
        } else {
            qCWarning(lcServer) << "trigger of message" << id
                                << "failed, will retry:" << reply->errorString();
            scheduleRetry();
        }
        done(ok);
    });
}

void MessageDelivery::kick()
{
    if (m_querying)
        m_kickWanted = true;
    if (m_running || m_querying)
        return;
    m_timer.stop();
    retryNext();
}

int MessageDelivery::retryInMs() const
{
    return m_timer.isActive() ? m_timer.remainingTime() : -1;
}

void MessageDelivery::scheduleRetry()
{
    if (m_querying)
        m_retryWanted = true;
    if (m_running || m_querying || m_timer.isActive())
        return;
    qCInfo(lcServer) << "undelivered messages: next retry in" << m_delayMs << "ms";
    m_timer.start(m_delayMs);
}

void MessageDelivery::retryNext()
{
    if (m_querying) {
        m_kickWanted = true;
        return;
    }
    m_querying = true;
    m_kickWanted = false;
    m_retryWanted = false;
    const int limit = int(m_inFlight.size() + m_toMark.size() + m_marking.size()) + 1;
    using Pending = std::optional<QList<StoredMessage>>;
    m_database.run<Pending>([limit](Stores &stores) { return stores.messages.undelivered(limit); },
                            this,
                            [this, limit](Pending pending) {
                                m_querying = false;
                                retryWith(pending, limit);
                            });
}

void MessageDelivery::retryWith(const std::optional<QList<StoredMessage>> &pending, int limit)
{
    if (!pending) { // database trouble: try again later
        m_running = false;
        scheduleRetry();
        return;
    }
    const auto next = std::find_if(pending->cbegin(), pending->cend(),
                                   [this](const StoredMessage &m) { return !busy(m.id); });
    if (next == pending->cend()) {
        // More sends may have become busy while the query ran: ask again with a larger limit.
        if (pending->size() >= limit) {
            retryNext();
            return;
        }
        m_running = false;
        m_delayMs = FirstRetryMs;
        if (m_kickWanted)
            retryNext();
        else if (m_retryWanted)
            scheduleRetry();
        return;
    }
    m_running = true;
    const StoredMessage message = *next;
    // Re-triggered without an excluded socket: the sender's socket may be gone, and a client
    // that already shows its message de-duplicates by id/client_id.
    RestReply *reply = m_rest.trigger({channelOf(message)}, kEvent, message.eventData());
    connect(reply, &RestReply::finished, this, [this, reply, id = message.id] {
        reply->deleteLater();
        if (reply->ok()) {
            qCInfo(lcServer) << "re-triggered message" << id;
            markDelivered(id);
            m_delayMs = FirstRetryMs;
            retryNext();
            return;
        }
        qCInfo(lcServer) << "retry of message" << id << "failed:" << reply->errorString();
        m_running = false;
        m_delayMs = qMin(m_delayMs * 2, int(MaxRetryMs));
        scheduleRetry();
    });
}
