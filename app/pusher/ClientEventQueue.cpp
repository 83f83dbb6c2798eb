#include "ClientEventQueue.h"

#include "Channel.h"
#include "Clock.h"
#include "Connection.h"
#include "LogPusher.h"
#include "Timer.h"

namespace natter::pusher {

namespace {
// `perSecond` events per this window: the margin over a second keeps us under a server that
// counts by arrival time, when network jitter bunches our events up.
constexpr qint64 kWindowMs = 1100;
// A typing indicator that could not leave within this is stale: dropped.
constexpr qint64 kBestEffortMaxWaitMs = 1500;
constexpr int kFirstHoldMs = 1000;
constexpr int kMaxHoldMs = 8000;
} // namespace

ClientEventQueue::ClientEventQueue(Connection *connection, Clock *clock, int perSecond,
                                   QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_clock(clock)
    , m_perSecond(perSecond)
    , m_timer(clock->createTimer())
{
    m_timer->setCallback([this] { flush(); });
    connect(connection, &Connection::writesConfirmed, this, &ClientEventQueue::onWritesConfirmed);
    connect(connection, &Connection::stateChanged, this, [this] {
        if (!m_connection->isConnected())
            onConnectionDown();
    });
}

ClientEventQueue::~ClientEventQueue() = default;

bool ClientEventQueue::isFinalRejection(const QString &message)
{
    return message.contains(QLatin1String("client messaging"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("client events disabled"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("should be less than"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("too long"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("too large"), Qt::CaseInsensitive);
}

void ClientEventQueue::enqueue(Channel *channel, const QString &event, const QString &rawJsonData,
                               const QString &tag, Delivery delivery)
{
    m_queue.push_back(
        {channel, channel->name(), event, rawJsonData, tag, delivery, m_clock->nowMs(), 0});
    flush();
}

void ClientEventQueue::channelReady(Channel *)
{
    flush();
}

void ClientEventQueue::dropChannel(Channel *channel)
{
    const auto gone = [channel](const Entry &e) { return e.channel == channel || !e.channel; };
    std::erase_if(m_queue, gone);
    std::erase_if(m_unconfirmed, gone);
}

void ClientEventQueue::onConnectionDown()
{
    // Whatever was written but not confirmed may never have arrived: it goes out again, first,
    // in its order. Typing indicators are stale by then.
    std::erase_if(m_queue, [](const Entry &e) { return e.delivery == Delivery::BestEffort; });
    for (auto it = m_unconfirmed.rbegin(); it != m_unconfirmed.rend(); ++it) {
        if (it->delivery == Delivery::Confirmed && it->channel)
            m_queue.push_front(*it);
    }
    m_unconfirmed.clear();
}

void ClientEventQueue::onWritesConfirmed(quint64 ping)
{
    while (!m_unconfirmed.empty() && m_unconfirmed.front().ping <= ping) {
        const Entry entry = m_unconfirmed.front();
        m_unconfirmed.pop_front();
        m_holdMs = 0;
        emit confirmed(entry.channelName, entry.event, entry.tag);
    }
}

void ClientEventQueue::serverRejected(Channel *channel, int code, const QString &message)
{
    const bool final = isFinalRejection(message);
    qCInfo(lcPusher) << "client event refused" << code << message.left(200)
                     << (channel ? channel->name() : QStringLiteral("(no channel)"));
    std::deque<Entry> affected;
    for (auto it = m_unconfirmed.begin(); it != m_unconfirmed.end();) {
        if (!channel || it->channel == channel) {
            affected.push_back(*it);
            it = m_unconfirmed.erase(it);
        } else {
            ++it;
        }
    }
    if (affected.empty())
        return; // a later refusal of a batch already put back
    if (final) {
        for (const Entry &e : affected)
            emit rejected(e.channelName, e.event, e.tag, message);
        return;
    }
    // The server does not say which event it refused: send every unconfirmed one again after
    // a pause (receivers drop duplicates), rather than guess and lose one.
    for (auto it = affected.rbegin(); it != affected.rend(); ++it) {
        if (it->delivery == Delivery::Confirmed)
            m_queue.push_front(*it);
    }
    m_holdMs = m_holdMs == 0 ? kFirstHoldMs : qMin(m_holdMs * 2, kMaxHoldMs);
    m_holdUntilMs = m_clock->nowMs() + m_holdMs;
    m_timer->start(m_holdMs);
}

void ClientEventQueue::flush()
{
    if (m_timer->isActive())
        return; // a paced flush is already scheduled
    const qint64 now = m_clock->nowMs();
    if (now < m_holdUntilMs) {
        m_timer->start(int(m_holdUntilMs - now));
        return;
    }
    while (!m_sentAt.empty() && now - m_sentAt.front() >= kWindowMs)
        m_sentAt.pop_front();
    quint64 ping = 0;
    // Signals go out after the loop: a handler may enqueue, which would disturb the iteration.
    std::deque<Entry> written;
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (!it->channel
            || (it->delivery == Delivery::BestEffort
                && now - it->queuedAtMs > kBestEffortMaxWaitMs)) {
            it = m_queue.erase(it);
            continue;
        }
        // Keep per-channel order: skip channels that are not ready, send the rest.
        if (!it->channel->isSubscribed() || !m_connection->isConnected()) {
            ++it;
            continue;
        }
        if (int(m_sentAt.size()) >= m_perSecond) {
            m_timer->start(int(kWindowMs - (now - m_sentAt.front())) + 1);
            break;
        }
        if (!m_connection->sendEvent(it->event, it->data, it->channel->name()))
            break; // the socket is going away: the next connection sends it
        Entry entry = *it;
        it = m_queue.erase(it);
        m_sentAt.push_back(now);
        if (entry.delivery == Delivery::Confirmed) {
            if (ping == 0)
                ping = m_connection->confirmWrites();
            entry.ping = ping;
            m_unconfirmed.push_back(entry);
        }
        written.push_back(std::move(entry));
    }
    for (const Entry &e : written)
        emit sent(e.channelName, e.event, e.tag);
}

} // namespace natter::pusher
