#include "NotificationPolicy.h"

#include <chat/ChatMessage.h>
#include <chat/MentionRule.h>
#include <pusher/Clock.h>

namespace natter::notify {

NotificationPolicy::NotificationPolicy(natter::pusher::Clock *clock)
    : m_clock(clock)
{
}

NotificationPolicy::Verdict NotificationPolicy::evaluate(const natter::chat::ChatMessage &message,
                                                         RoomMode mode, const QString &focusedRoom,
                                                         const QString &userName)
{
    Verdict verdict = screen(message, mode, focusedRoom, userName);
    if (!verdict.notify())
        return verdict;
    const qint64 now = m_clock->nowMs();
    while (!m_recent.isEmpty() && m_recent.first() <= now - BurstWindowMs)
        m_recent.removeFirst();
    m_recent.append(now);
    if (m_recent.size() > BurstCount || now < m_burstUntilMs) {
        // Every message of a burst pushes its end out: it is over after a quiet window.
        m_burstUntilMs = now + BurstWindowMs;
        verdict.reason = Reason::Burst;
        return verdict;
    }
    return verdict;
}

NotificationPolicy::Verdict NotificationPolicy::screen(const natter::chat::ChatMessage &message,
                                                       RoomMode mode, const QString &focusedRoom,
                                                       const QString &userName) const
{
    Verdict verdict;
    if (message.own || message.state != natter::chat::ChatMessage::State::Received) {
        verdict.reason = Reason::Own;
        return verdict;
    }
    if (!focusedRoom.isEmpty() && message.room == focusedRoom) {
        verdict.reason = Reason::FocusedRoom;
        return verdict;
    }
    if (mode == RoomMode::Muted) {
        verdict.reason = Reason::Muted;
        return verdict;
    }
    if (mode == RoomMode::Mentions && !mentions(message.text, userName)) {
        verdict.reason = Reason::NotMentioned;
        return verdict;
    }
    if (isDoNotDisturb())
        verdict.reason = Reason::DoNotDisturb;
    return verdict;
}

bool NotificationPolicy::takeSound()
{
    const qint64 now = m_clock->nowMs();
    if (m_lastSoundMs >= 0 && now - m_lastSoundMs < SoundGapMs)
        return false;
    m_lastSoundMs = now;
    return true;
}

bool NotificationPolicy::mentions(const QString &text, const QString &userName)
{
    // The rule of the message pane and the room list, so a "Mentions only" room notifies for
    // exactly the messages shown as mentions.
    return natter::chat::MentionRule::mentions(text, userName);
}

void NotificationPolicy::setDoNotDisturbFor(qint64 ms)
{
    m_dndUntilMs = m_clock->nowMs() + ms;
}

bool NotificationPolicy::isDoNotDisturb() const
{
    return m_dndUntilMs > 0 && m_clock->nowMs() < m_dndUntilMs;
}

bool NotificationPolicy::inBurst() const
{
    return m_clock->nowMs() < m_burstUntilMs;
}

void NotificationPolicy::startBurst()
{
    m_burstUntilMs = m_clock->nowMs() + BurstWindowMs;
}

} // namespace natter::notify
