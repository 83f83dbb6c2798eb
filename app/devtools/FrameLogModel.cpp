#include "FrameLogModel.h"

#include <QDateTime>

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
        endRemoveRows();
        dropped += overflow;
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(batch.size()) - 1);
    for (FrameEntry &e : batch)
        m_entries.push_back(std::move(e));
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
    endResetModel();
    if (m_dropped != 0) {
        m_dropped = 0;
        emit droppedCountChanged(0);
    }
}

int FrameLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant FrameLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FrameEntry &e = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return summary(e);
    case Qt::ToolTipRole:
        return e.text.left(500);
    case TimeRole:
        return e.timeMs;
    case KindRole:
        return int(e.kind);
    case KindNameRole:
        return FrameEntry::kindName(e.kind);
    case EventRole:
        return e.event;
    case ChannelRole:
        return e.channel;
    case SizeRole:
        return e.size;
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
    const QString time
        = QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    QString line = time + QStringLiteral("  ") + FrameEntry::kindName(entry.kind).leftJustified(5);
    switch (entry.kind) {
    case FrameEntry::Kind::In:
    case FrameEntry::Kind::Out:
        line += QStringLiteral("  ") + entry.event;
        if (!entry.channel.isEmpty())
            line += QStringLiteral("  #") + entry.channel;
        line += QStringLiteral("  %1 B").arg(entry.size);
        break;
    default:
        line += QStringLiteral("  ") + entry.text.left(300);
        break;
    }
    return line;
}

} // namespace natter::devtools
