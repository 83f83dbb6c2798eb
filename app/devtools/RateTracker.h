#pragma once

#include <QHash>
#include <QString>

#include <vector>

namespace natter::devtools {

// Events per second in and out over the last `seconds` seconds, and per-channel totals, for
// the rates plot. Time is passed in (ms since the epoch), so tests drive it.
class RateTracker
{
public:
    struct ChannelCount
    {
        quint64 in = 0;
        quint64 out = 0;
    };

    explicit RateTracker(int seconds = 180);

    void record(qint64 timeMs, bool incoming, const QString &channel);
    // Per-second counts, oldest first, for the seconds ending with the one containing `nowMs`
    // (seconds without events count 0).
    std::vector<int> ratesIn(qint64 nowMs) const { return series(nowMs, true); }
    std::vector<int> ratesOut(qint64 nowMs) const { return series(nowMs, false); }
    const QHash<QString, ChannelCount> &channels() const { return m_channels; }
    quint64 totalIn() const { return m_totalIn; }
    quint64 totalOut() const { return m_totalOut; }
    int seconds() const { return int(m_buckets.size()); }
    void clear();

private:
    struct Bucket
    {
        qint64 second = -1;
        int in = 0;
        int out = 0;
    };
    std::vector<int> series(qint64 nowMs, bool incoming) const;

    std::vector<Bucket> m_buckets; // indexed by second % size
    QHash<QString, ChannelCount> m_channels;
    quint64 m_totalIn = 0;
    quint64 m_totalOut = 0;
};

} // namespace natter::devtools
