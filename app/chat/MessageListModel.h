#pragma once

#include "ChatMessage.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

namespace natter::chat {

// The messages of one room, oldest first. Incoming bursts are appended in batches (one
// beginInsertRows per event-loop turn) so 100,000 messages do not stall the GUI.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SenderIdRole,
        SenderNameRole,
        TextRole,
        SentAtRole, // QDateTime (UTC)
        StateRole, // int(ChatMessage::State)
        OwnRole, // bool
        ErrorRole, // QString
        GroupedRole, // bool: same sender as the previous message, within 5 minutes, same day
        DaySeparatorRole, // QDate when this message starts a new (local) day, else invalid
    };

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return rowCount(); }

    // Returns false for a duplicate id (already present): nothing is added twice.
    bool append(const ChatMessage &message);
    // Buffers and appends on the next event-loop turn, many at once. Returns false for a
    // duplicate id (in the model or already buffered).
    bool appendLater(const ChatMessage &message);
    void flushPending();
    int pendingCount() const { return int(m_pending.size()); }
    // In the model or buffered by appendLater().
    bool contains(const QString &id) const
    {
        return m_rows.contains(id) || m_pendingIds.contains(id);
    }
    bool setState(const QString &id, ChatMessage::State state, const QString &error = {});
    bool remove(const QString &id);
    int rowOf(const QString &id) const;
    const ChatMessage &at(int row) const { return m_messages.at(row); }

signals:
    void countChanged(int count);
    void messagesAppended(int first, int last, bool anyOwn);

private:
    bool isGrouped(int row) const;
    QDate daySeparator(int row) const;
    void reindexFrom(int row);

    QList<ChatMessage> m_messages;
    QHash<QString, int> m_rows;
    QList<ChatMessage> m_pending;
    QSet<QString> m_pendingIds;
    bool m_flushScheduled = false;
};

} // namespace natter::chat
