#include "FakeClock.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>
#include <limits>

class FakeTimer;

struct FakeClock::State
{
    qint64 now = 0;
    quint64 sequence = 0; // start order, breaks ties between timers due at the same time
    int created = 0;
    std::vector<FakeTimer *> timers;
};

class FakeTimer : public natter::pusher::Timer
{
public:
    explicit FakeTimer(const std::shared_ptr<FakeClock::State> &state)
        : m_state(state)
    {
        state->timers.push_back(this);
        ++state->created;
    }
    ~FakeTimer() override
    {
        if (auto state = m_state.lock())
            std::erase(state->timers, this);
    }

    void start(int msec) override
    {
        auto state = m_state.lock();
        if (!state)
            return;
        m_active = true;
        m_due = state->now + qMax(0, msec);
        m_sequence = ++state->sequence;
    }
    void stop() override { m_active = false; }
    bool isActive() const override { return m_active; }
    int remainingMs() const override
    {
        auto state = m_state.lock();
        if (!m_active || !state)
            return -1;
        return int(qMax<qint64>(0, m_due - state->now));
    }

    qint64 due() const { return m_due; }
    quint64 sequence() const { return m_sequence; }
    void trigger()
    {
        m_active = false;
        fire();
    }

private:
    std::weak_ptr<FakeClock::State> m_state;
    bool m_active = false;
    qint64 m_due = 0;
    quint64 m_sequence = 0;
};

namespace {
FakeTimer *earliest(const FakeClock::State &state)
{
    FakeTimer *best = nullptr;
    for (FakeTimer *t : state.timers) {
        if (!t->isActive())
            continue;
        if (!best || t->due() < best->due()
            || (t->due() == best->due() && t->sequence() < best->sequence()))
            best = t;
    }
    return best;
}
} // namespace

FakeClock::FakeClock()
    : m_state(std::make_shared<State>())
{
}
FakeClock::~FakeClock() = default;

qint64 FakeClock::nowMs() const
{
    return m_state->now;
}

std::unique_ptr<natter::pusher::Timer> FakeClock::createTimer()
{
    return std::make_unique<FakeTimer>(m_state);
}

double FakeClock::random()
{
    ++m_randomCalls;
    return m_random;
}

void FakeClock::pumpEvents()
{
    // Events posted while delivering are delivered too (a few rounds are plenty).
    for (int i = 0; i < 8; ++i)
        QCoreApplication::sendPostedEvents();
}

void FakeClock::flushDeletes()
{
    pumpEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    pumpEvents();
}

void FakeClock::advance(qint64 ms)
{
    advanceTo(m_state->now + qMax<qint64>(0, ms));
}

void FakeClock::advanceTo(qint64 timeMs)
{
    pumpEvents();
    for (;;) {
        FakeTimer *t = earliest(*m_state);
        if (!t || t->due() > timeMs)
            break;
        m_state->now = qMax(m_state->now, t->due());
        t->trigger();
        pumpEvents();
    }
    m_state->now = qMax(m_state->now, timeMs);
    pumpEvents();
}

bool FakeClock::runNextTimer()
{
    pumpEvents();
    FakeTimer *t = earliest(*m_state);
    if (!t)
        return false;
    m_state->now = qMax(m_state->now, t->due());
    t->trigger();
    pumpEvents();
    return true;
}

std::optional<qint64> FakeClock::nextDueMs() const
{
    if (FakeTimer *t = earliest(*m_state))
        return t->due();
    return std::nullopt;
}

std::optional<qint64> FakeClock::nextDueInMs() const
{
    if (auto due = nextDueMs())
        return *due - m_state->now;
    return std::nullopt;
}

int FakeClock::activeTimerCount() const
{
    return int(std::count_if(m_state->timers.begin(), m_state->timers.end(),
                             [](const FakeTimer *t) { return t->isActive(); }));
}

int FakeClock::createdTimerCount() const
{
    return m_state->created;
}
