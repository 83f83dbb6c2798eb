#include "FrameLogModel.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace {
// "HH:mm:ss.zzz" in local time without QDateTime's local-time conversion per row, which asks
// the time zone database (a stat of /etc/localtime) every time: that showed in profiles of a
// flood with the console open. The offset is looked up again once a minute (DST changes).
QString clockTime(qint64 ms)
{
    static QElapsedTimer age;
    static qint64 offsetMs = 0;
    if (!age.isValid() || age.elapsed() > 60000) {
        offsetMs = qint64(QDateTime::currentDateTime().offsetFromUtc()) * 1000;
        age.start();
    }
    constexpr qint64 day = 24 * 3600 * 1000;
    const qint64 t = ((ms + offsetMs) % day + day) % day;
    const int h = int(t / 3600000), m = int(t / 60000 % 60), sec = int(t / 1000 % 60),
              z = int(t % 1000);
    const char16_t text[12] = {
        char16_t(u'0' + h / 10),   char16_t(u'0' + h % 10),      u':',
        char16_t(u'0' + m / 10),   char16_t(u'0' + m % 10),      u':',
        char16_t(u'0' + sec / 10), char16_t(u'0' + sec % 10),    u'.',
        char16_t(u'0' + z / 100),  char16_t(u'0' + z / 10 % 10), char16_t(u'0' + z % 10)};
    return QString(reinterpret_cast<const QChar *>(text), 12);
}
} // namespace

namespace natter::devtools {

FrameLogModel::FrameLogModel(QObject *parent, int capacity)
    : QAbstractListModel(parent)
    , m_capacity(qMax(1, capacity))
{
}

void FrameLogModel::append(std::vector<FrameEntry> batch)
{
    if (batch.empty())
        return;
    quint64 dropped = 0;
    if (batch.size() > size_t(m_capacity)) {
        // More than the buffer holds arrived at once: the oldest of them never get shown.
        const size_t excess = batch.size() - size_t(m_capacity);
        batch.erase(batch.begin(), batch.begin() + qsizetype(excess));
        dropped += excess;
    }
    const size_t overflow = m_entries.size() + batch.size() > size_t(m_capacity)
        ? m_entries.size() + batch.size() - size_t(m_capacity)
        : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + qsizetype(overflow));
        if (!m_entries.empty())
            m_text.releaseBefore(m_entries.front().text.offset);
        endRemoveRows();
        dropped += overflow;
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(batch.size()) - 1);
    for (FrameEntry &e : batch) {
        const FrameTextStore::Ref ref = m_text.append(e.text);
        // The store's UTF-8 length is the frame's size on the wire: measured for free.
        const int size = e.size == FrameEntry::Unmeasured ? int(ref.length) : e.size;
        m_entries.push_back({e.timeMs, e.kind, size, std::move(e.event), std::move(e.channel), ref});
    }
    endInsertRows();
    if (dropped > 0) {
        m_dropped += dropped;
        emit droppedCountChanged(m_dropped);
    }
}

void FrameLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_text.clear();
    endResetModel();
    if (m_dropped != 0) {
        m_dropped = 0;
        emit droppedCountChanged(0);
    }
}

FrameEntry FrameLogModel::at(int row) const
{
    const Stored &s = m_entries.at(size_t(row));
    FrameEntry e;
    e.timeMs = s.timeMs;
    e.kind = s.kind;
    e.event = s.event;
    e.channel = s.channel;
    e.size = s.size;
    e.text = m_masker.mask(m_text.text(s.text));
    return e;
}

int FrameLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant FrameLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Stored &stored = m_entries[size_t(index.row())];
    switch (role) {
    case TimeRole:
        return stored.timeMs;
    case KindRole:
        return int(stored.kind);
    case KindNameRole:
        return FrameEntry::kindName(stored.kind);
    case EventRole:
        return stored.event;
    case ChannelRole:
        return stored.channel;
    case SizeRole:
        return stored.size;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (stored.kind == FrameEntry::Kind::In || stored.kind == FrameEntry::Kind::Out) {
            // A frame's line does not show its text: no need to decode or mask it.
            FrameEntry line;
            line.timeMs = stored.timeMs;
            line.kind = stored.kind;
            line.event = stored.event;
            line.channel = stored.channel;
            line.size = stored.size;
            return summary(line);
        }
        break;
    default:
        break;
    }
    const FrameEntry e = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return summary(e);
    case Qt::ToolTipRole:
        return e.text.left(500);
    case TextRole:
        return e.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> FrameLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(KindRole, "kind");
    names.insert(KindNameRole, "kindName");
    names.insert(EventRole, "event");
    names.insert(ChannelRole, "channel");
    names.insert(SizeRole, "size");
    names.insert(TextRole, "text");
    return names;
}

QString FrameLogModel::summary(const FrameEntry &entry)
{
    const QString time = clockTime(entry.timeMs);
    QString line = time + QStringLiteral("  ") + FrameEntry::kindName(entry.kind).leftJustified(5);
    switch (entry.kind) {
    case FrameEntry::Kind::In:
    case FrameEntry::Kind::Out:
        line += QStringLiteral("  ") + entry.event;
        if (!entry.channel.isEmpty())
            line += QStringLiteral("  #") + entry.channel;
        line += QStringLiteral("  %1 B").arg(entry.size);
        break;
    case FrameEntry::Kind::Server:
        line += QStringLiteral("  ") + entry.event;
        if (!entry.channel.isEmpty())
            line += QStringLiteral("  #") + entry.channel;
        line += QStringLiteral("  ") + entry.text.left(300);
        break;
    default:
        line += QStringLiteral("  ") + entry.text.left(300);
        break;
    }
    return line;
}

} // namespace natter::devtools
