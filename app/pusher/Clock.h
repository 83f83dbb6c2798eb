#pragma once

#include <QtGlobal>

#include <memory>

namespace natter::pusher {

class Timer;

// Time source and timer factory. SystemClock is the real one; tests inject a FakeClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // monotonic milliseconds
    virtual std::unique_ptr<Timer> createTimer() = 0;
    // Uniform random in [0, 1): the jitter source, injectable so tests are deterministic.
    virtual double random() = 0;
};

} // namespace natter::pusher
