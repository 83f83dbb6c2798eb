#pragma once

#include "FrameEntry.h"
#include "FrameMasker.h"
#include "FrameTextStore.h"

#include <QAbstractListModel>

#include <deque>
#include <vector>

namespace natter::devtools {

// The Debug console's buffer: the last `capacity` entries, oldest dropped first (and counted).
// Entries arrive in batches (FrameRecorder flushes a few times a second), so a flood of frames
// costs one insert, and at most one removal, per batch rather than per frame. Entries are kept
// as recorded, their text in a FrameTextStore; every way out of the model (data(), at()) masks,
// so only the lines someone looks at, filters, copies or exports pay for it, never the
// thousands that scroll by.
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
    // The entry as it may leave the model: text masked, size measured.
    FrameEntry at(int row) const;
    int size() const { return int(m_entries.size()); }

    // Values to take out wherever they appear (see FrameMasker).
    void setSecrets(const QStringList &secrets) { m_masker.setSecrets(secrets); }
    const FrameMasker &masker() const { return m_masker; }

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
    // An entry as kept: FrameEntry with its text in m_text.
    struct Stored
    {
        qint64 timeMs;
        FrameEntry::Kind kind;
        int size;
        QString event; // shared with the parser's cache, not copied
        QString channel;
        FrameTextStore::Ref text;
    };

    FrameMasker m_masker;
    FrameTextStore m_text;
    std::deque<Stored> m_entries;
    int m_capacity;
    quint64 m_dropped = 0;
};

} // namespace natter::devtools
