#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>

// At most `count` accepted calls per key in any `seconds`-long window (a sliding log, so a burst
// at a window edge cannot double the rate). In memory: per instance.
class RateLimiter
{
public:
    RateLimiter(int count, int seconds);

    // 0 when the call is allowed (and counted); otherwise the seconds to wait (Retry-After).
    int acquire(const QByteArray &key);
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

private:
    int m_count;
    qint64 m_windowMs;
    QHash<QByteArray, QList<qint64>> m_log;
    std::function<qint64()> m_now;
    qint64 m_lastSweepMs = 0;
};
