#pragma once

#include <QtGlobal>

namespace natter::pusher {

class Clock;

// Capped exponential backoff with jitter. Starts small so a short outage is bridged quickly
// (a 2 s server restart must be recovered within 2 s of the server's return), and is reset
// after a good connection.
class Backoff
{
public:
    Backoff(Clock *clock, int initialMs, int maxMs, double factor, double jitter);

    // While the first windowMs after the first next() (since a reset) have not passed, delays
    // stay under capMs. Off by default.
    void setQuickPhase(int windowMs, int capMs);

    int next(); // delay for the next attempt; grows each call
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

private:
    Clock *m_clock;
    int m_initialMs;
    int m_maxMs;
    double m_factor;
    double m_jitter;
    int m_attempt = 0;
    int m_quickWindowMs = 0;
    int m_quickMaxMs = 0;
    qint64 m_firstMs = 0;
};

} // namespace natter::pusher
