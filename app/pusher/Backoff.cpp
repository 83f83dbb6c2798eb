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

void Backoff::setQuickPhase(int windowMs, int capMs)
{
    m_quickWindowMs = windowMs;
    m_quickMaxMs = capMs;
}

int Backoff::next()
{
    const qint64 now = m_clock->nowMs();
    if (m_attempt == 0)
        m_firstMs = now;
    const bool quick = m_quickWindowMs > 0 && now - m_firstMs < m_quickWindowMs;
    // Never below the first delay: a caller asking for a slow start gets it.
    const double cap = quick ? std::min(m_maxMs, std::max(m_quickMaxMs, m_initialMs)) : m_maxMs;
    const double base = std::min(cap, m_initialMs * std::pow(m_factor, m_attempt));
    ++m_attempt;
    const double spread = base * m_jitter * (2.0 * m_clock->random() - 1.0);
    return std::max(0, int(std::lround(std::min(cap, base + spread))));
}

} // namespace natter::pusher
