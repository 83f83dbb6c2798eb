#pragma once

#include "pusher/Clock.h"
#include "pusher/Timer.h"

#include <QtGlobal>

#include <memory>
#include <optional>
#include <vector>

// Virtual time for the protocol core. Timers only fire inside advance()/advanceTo()/
// runNextTimer(), in due-time order (ties: the order they were started), including timers that
// callbacks start while time is being advanced, as long as they fall due before the target.
// Before each timer fires (and once more at the end) Qt's posted events are delivered, so
// queued work such as AuthRequest answers runs at the virtual time it was posted; deferred
// deletes (deleteLater) are left alone unless flushDeletes() is called.
// Timers may outlive the clock (they then never fire).
class FakeClock : public natter::pusher::Clock
{
public:
    FakeClock();
    ~FakeClock() override;

    qint64 nowMs() const override;
    std::unique_ptr<natter::pusher::Timer> createTimer() override;
    double random() override;

    void setRandom(double value) { m_random = value; } // [0, 1); default 0.5 (no jitter)
    int randomCalls() const { return m_randomCalls; }

    // Moves virtual time forward by `ms`, firing every timer that falls due on the way.
    void advance(qint64 ms);
    void advanceTo(qint64 timeMs);
    // Jumps to the earliest due timer and fires it; false when no timer is active.
    bool runNextTimer();
    // The earliest due time (absolute, ms) of the active timers.
    std::optional<qint64> nextDueMs() const;
    // Milliseconds until the earliest active timer is due.
    std::optional<qint64> nextDueInMs() const;
    int activeTimerCount() const;
    int createdTimerCount() const;

    // Delivers queued Qt events (not deferred deletes).
    static void pumpEvents();
    // Delivers deferred deletes (deleteLater) too.
    static void flushDeletes();

    struct State;

private:
    std::shared_ptr<State> m_state;
    double m_random = 0.5;
    int m_randomCalls = 0;
};
