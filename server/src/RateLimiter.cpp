#include "RateLimiter.h"

#include <QDateTime>

RateLimiter::RateLimiter(int count, int seconds)
    : m_count(count)
    , m_windowMs(qint64(seconds) * 1000)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

int RateLimiter::acquire(const QByteArray &key)
{
    const qint64 now = m_now();
    // Forget idle keys now and then so the table does not grow with every token ever seen.
    if (now - m_lastSweepMs > m_windowMs) {
        m_lastSweepMs = now;
        for (auto it = m_log.begin(); it != m_log.end();) {
            if (it->isEmpty() || it->last() <= now - m_windowMs)
                it = m_log.erase(it);
            else
                ++it;
        }
    }
    QList<qint64> &log = m_log[key];
    while (!log.isEmpty() && log.first() <= now - m_windowMs)
        log.removeFirst();
    if (log.size() >= m_count) {
        const qint64 waitMs = log.first() + m_windowMs - now;
        return int(qMax<qint64>(1, (waitMs + 999) / 1000));
    }
    log.append(now);
    return 0;
}
