#include "RateTracker.h"

namespace natter::devtools {

RateTracker::RateTracker(int seconds)
    : m_buckets(size_t(qMax(1, seconds)))
{
}

void RateTracker::record(qint64 timeMs, bool incoming, const QString &channel)
{
    const qint64 second = timeMs / 1000;
    Bucket &b = m_buckets[size_t(second % qint64(m_buckets.size()))];
    if (b.second != second)
        b = Bucket{second, 0, 0};
    if (incoming) {
        ++b.in;
        ++m_totalIn;
    } else {
        ++b.out;
        ++m_totalOut;
    }
    if (!channel.isEmpty()) {
        ChannelCount &c = m_channels[channel];
        incoming ? ++c.in : ++c.out;
    }
}

std::vector<int> RateTracker::series(qint64 nowMs, bool incoming) const
{
    const qint64 n = qint64(m_buckets.size());
    const qint64 last = nowMs / 1000;
    std::vector<int> out(size_t(n), 0);
    for (qint64 i = 0; i < n; ++i) {
        const qint64 second = last - n + 1 + i;
        if (second < 0)
            continue;
        const Bucket &b = m_buckets[size_t(second % n)];
        if (b.second == second)
            out[size_t(i)] = incoming ? b.in : b.out;
    }
    return out;
}

void RateTracker::clear()
{
    std::fill(m_buckets.begin(), m_buckets.end(), Bucket{});
    m_channels.clear();
    m_totalIn = 0;
    m_totalOut = 0;
}

} // namespace natter::devtools
