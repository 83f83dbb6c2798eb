#include "Backoff.h"

#include "Clock.h"

#include <algorithm>
#include <cmath>

namespace natter::pusher {

Backoff::Backoff(Clock *clock, int initialMs, int maxMs, double factor, double jitter)
    : m_clock(clock)
    , m_initialMs(initialMs)
    , m_maxMs(maxMs)
    , m_factor(factor)
    , m_jitter(jitter)
{
}

int Backoff::next()
{
    const double base = std::min(double(m_maxMs), m_initialMs * std::pow(m_factor, m_attempt));
    ++m_attempt;
    const double spread = base * m_jitter * (2.0 * m_clock->random() - 1.0);
    return std::max(0, int(std::lround(std::min(double(m_maxMs), base + spread))));
}

} // namespace natter::pusher
