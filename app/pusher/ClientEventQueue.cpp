#include "ClientEventQueue.h"

#include "Channel.h"
#include "Clock.h"
#include "Connection.h"
#include "Timer.h"

namespace natter::pusher {

namespace {
constexpr qint64 kWindowMs = 1000;
}

ClientEventQueue::ClientEventQueue(Connection *connection, Clock *clock, int perSecond,
                                   QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_clock(clock)
    , m_perSecond(perSecond)
    , m_timer(clock->createTimer())
{
    m_timer->setCallback([this] { flush(); });
}

ClientEventQueue::~ClientEventQueue() = default;

void ClientEventQueue::enqueue(Channel *channel, const QString &event, const QString &rawJsonData)
{
    m_queue.push_back({channel, event, rawJsonData});
    flush();
}

void ClientEventQueue::channelReady(Channel *)
{
    flush();
}

void ClientEventQueue::dropChannel(Channel *channel)
{
    std::erase_if(m_queue, [channel](const Entry &e) { return e.channel == channel || !e.channel; });
}

void ClientEventQueue::flush()
{
    if (m_timer->isActive())
        return; // a paced flush is already scheduled
    const qint64 now = m_clock->nowMs();
    while (!m_sentAt.empty() && now - m_sentAt.front() >= kWindowMs)
        m_sentAt.pop_front();
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (!it->channel) {
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
            return;
        }
        const Entry entry = *it;
        it = m_queue.erase(it);
        m_sentAt.push_back(now);
        m_connection->sendEvent(entry.event, entry.data, entry.channel->name());
        emit sent(entry.channel->name(), entry.event);
    }
}

} // namespace natter::pusher
