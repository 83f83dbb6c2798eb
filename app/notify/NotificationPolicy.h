#pragma once

#include "RoomMode.h"

#include <QList>
#include <QString>

namespace natter::pusher {
class Clock;
}

namespace natter::chat {
struct ChatMessage;
}

namespace natter::notify {

// Decides, per received message, whether it may become a desktop notification, and whether a
// notification shown now may make a sound. Time comes from the injected clock (tests: FakeClock).
// Pure bookkeeping, no Qt objects.
class NotificationPolicy
{
public:
    enum class Reason { Notify, Own, FocusedRoom, Muted, NotMentioned, DoNotDisturb, Burst };

    struct Verdict
    {
        Reason reason = Reason::Notify;
        bool notify() const { return reason == Reason::Notify; }
        bool held() const { return reason == Reason::Burst; } // summarised after the burst
    };

    static constexpr int BurstCount = 5; // more than this many ...
    static constexpr qint64 BurstWindowMs = 2000; // ... within this time is a burst
    static constexpr qint64 SoundGapMs = 2000; // at most one sound per this time

    explicit NotificationPolicy(natter::pusher::Clock *clock); // not owned

    // `focusedRoom`: the room shown in the window while the window has focus, else empty.
    // `userName`: the local user's display name, for Mentions rooms.
    Verdict evaluate(const natter::chat::ChatMessage &message, RoomMode mode,
                     const QString &focusedRoom, const QString &userName);

    // The checks of evaluate() without the burst bookkeeping: for fetched history, which is
    // summarised in one notification anyway and must not start a burst.
    Verdict screen(const natter::chat::ChatMessage &message, RoomMode mode,
                   const QString &focusedRoom, const QString &userName) const;
    // Whether a notification shown now may play a sound (and counts as the sound if so).
    bool takeSound();

    // "@name" as a whole word, case-insensitive (MentionRule: "@bob" in "hi @Bob!", not in
    // "@bobby" or "bob@example.com").
    static bool mentions(const QString &text, const QString &userName);

    // Do not disturb: nothing is notified until the clock reaches untilMs (<= 0: off).
    void setDoNotDisturbUntil(qint64 clockMs) { m_dndUntilMs = clockMs; }
    void setDoNotDisturbFor(qint64 ms);
    void clearDoNotDisturb() { m_dndUntilMs = 0; }
    bool isDoNotDisturb() const;
    qint64 doNotDisturbUntil() const { return m_dndUntilMs; }

    // Messages are being held as a burst; burstEndsAt(): when it is over if nothing else arrives.
    bool inBurst() const;
    qint64 burstEndsAt() const { return m_burstUntilMs; }
    // A reconnect replays what was missed: treat what arrives in the next window as a burst.
    void startBurst();

private:
    natter::pusher::Clock *m_clock;
    QList<qint64> m_recent; // arrival times of notifiable messages within the burst window
    qint64 m_burstUntilMs = 0;
    qint64 m_lastSoundMs = -1;
    qint64 m_dndUntilMs = 0;
};

} // namespace natter::notify
