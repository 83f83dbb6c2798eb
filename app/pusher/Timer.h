#pragma once

#include <functional>

namespace natter::pusher {

// A single-shot timer behind an interface, so the state machine can be driven by a fake clock.
class Timer
{
public:
    virtual ~Timer() = default;
    virtual void start(int msec) = 0; // restarts if running
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
    virtual int remainingMs() const = 0; // -1 when inactive
    void setCallback(std::function<void()> callback) { m_callback = std::move(callback); }

protected:
    void fire()
    {
        if (m_callback)
            m_callback();
    }

private:
    std::function<void()> m_callback;
};

} // namespace natter::pusher
