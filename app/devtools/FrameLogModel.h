#pragma once

#include "FrameEntry.h"

#include <QAbstractListModel>

#include <deque>
#include <vector>

namespace natter::devtools {

// The Debug console's buffer: the last `capacity` entries, oldest dropped first (and counted).
// Entries arrive in batches (FrameRecorder flushes a few times a second), so a flood of frames
// costs one insert, and at most one removal, per batch rather than per frame.
class FrameLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 50000;

    enum Role {
        TimeRole = Qt::UserRole + 1, // qint64 ms since the epoch
        KindRole, // int(FrameEntry::Kind)
        KindNameRole, // "in", "out", ...
        EventRole,
        ChannelRole,
        SizeRole,
        TextRole, // the masked frame
    };

    explicit FrameLogModel(QObject *parent = nullptr, int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }
    // Entries dropped because the buffer was full, since the last clear().
    quint64 droppedCount() const { return m_dropped; }
    const FrameEntry &at(int row) const { return m_entries.at(size_t(row)); }
    int size() const { return int(m_entries.size()); }

    void append(std::vector<FrameEntry> batch);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The line the list shows: "12:00:01.123  in   new_message  #lobby  120 B".
    static QString summary(const FrameEntry &entry);

signals:
    void droppedCountChanged(quint64 count);

private:
    std::deque<FrameEntry> m_entries;
    int m_capacity;
    quint64 m_dropped = 0;
};

} // namespace natter::devtools
