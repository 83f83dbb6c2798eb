#pragma once

#include "ChatMessage.h"
#include "ReplyIndex.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

#include <deque>

namespace natter::chat {

// The messages of one room, oldest first. Incoming bursts are appended in batches (one
// beginInsertRows per event-loop turn) so 100,000 messages do not stall the GUI.
//
// Peers decide how much arrives, so both the rows and the ids remembered for de-duplication are
// bounded: beyond maxMessages() the oldest rows are dropped, and the ids of the last
// maxMessages() dropped ones are still refused as duplicates (a redelivery of an old message
// does not reappear at the bottom).
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
        // Replies. The quote comes from the original as shown here (its verified sender and its
        // text), never from the reply's payload.
        ReplyToRole, // QString: the original's id; empty when not a reply
        ReplyLoadedRole, // bool: the original is shown in this model
        ReplyAuthorRole, // QString: the original's sender as SenderNameRole says it; else empty
        ReplyAuthorIdRole, // QString: the original's senderId (its colour); else empty
        ReplyTextRole, // QString: the original's first non-blank line; else empty
        EditedAtRole, // QDateTime (UTC) of the author's last edit, invalid when never edited
        DeletedRole, // bool: withdrawn by its author (the text is empty)
        MentionsMeRole, // bool: ChatMessage::mentionsMe
        UnreadDividerRole, // bool: the "New messages" line goes above this message
    };

    static constexpr int DefaultMaxMessages = 100000;

    explicit MessageListModel(QObject *parent = nullptr);
    explicit MessageListModel(int maxMessages, QObject *parent = nullptr);

    int maxMessages() const { return m_maxMessages; }
    // At most this many ids are kept for de-duplication: the shown ones, and as many of the
    // most recently dropped ones as maxMessages().
    int rememberedIds() const { return 2 * m_maxMessages; }
    // Ids currently held for de-duplication, shown and dropped.
    int idIndexSize() const { return int(m_rows.size() + m_droppedIds.size()); }

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
    // In the model, buffered by appendLater(), or dropped from the top not long ago.
    bool contains(const QString &id) const
    {
        return m_rows.contains(id) || m_pendingIds.contains(id) || m_droppedIds.contains(id);
    }
    bool setState(const QString &id, ChatMessage::State state, const QString &error = {});
    // natter-server mode. Inserts the messages by serverId (ascending; rows without one, our
    // own pending messages, stay at the bottom). One already shown under its id (our own
    // pending or sent message, by its client_id) is updated in place: server id, Sent.
    // Returns the messages that were added (not those updated or dropped as duplicates).
    QList<ChatMessage> merge(const QList<ChatMessage> &messages);
    // Our message was stored by the server under `serverId` at `sentAt` (if valid).
    bool confirm(const QString &id, qint64 serverId, const QDateTime &sentAt = {});
    // Smallest / largest serverId shown (0 when none).
    qint64 oldestServerId() const;
    qint64 newestServerId() const;
    bool remove(const QString &id);
    int rowOf(const QString &id) const;
    const ChatMessage &at(int row) const { return m_messages.at(row); }
    // The author changed the text at `editedAt`. False (nothing changes) for an unknown or
    // deleted message, or an edit older than the one shown (edits may arrive out of order).
    bool applyEdit(const QString &id, const QString &text, const QDateTime &editedAt);
    // The author withdrew the message: its text is dropped. False when unknown or already so.
    bool applyDelete(const QString &id);
    // A copy of `id` from the server (history, gap fill) carries its edit or deletion.
    bool applyRevision(const ChatMessage &message);
    // Puts text, edit time and deletion back as in `previous` (a refused edit or delete).
    bool restoreRevision(const ChatMessage &previous);
    // What the window shows for a deleted message, and after an edited one's text.
    static QString deletedText();
    static QString editedMarker();
    // Where the unread messages began when the room was opened (UnreadDividerRole); empty: none.
    void setUnreadMarker(const QString &id);
    QString unreadMarker() const { return m_unreadMarker; }

signals:
    void countChanged(int count);
    void messagesAppended(int first, int last, bool anyOwn);

private:
    bool isGrouped(int row) const;
    QDate daySeparator(int row) const;
    void reindexFrom(int row);
    int dropOldest(); // returns how many rows were removed from the top

    int m_maxMessages;
    QList<ChatMessage> m_messages;
    // Shown id -> m_base + row, so dropping rows from the top needs no reindexing.
    QHash<QString, qint64> m_rows;
    qint64 m_base = 0; // how many rows were ever dropped from the top
    // Ids of dropped rows, oldest first, at most m_maxMessages: still duplicates.
    std::deque<QString> m_dropped;
    QSet<QString> m_droppedIds;
    QList<ChatMessage> m_pending;
    QSet<QString> m_pendingIds;
    bool m_flushScheduled = false;
    // Replies shown -> their originals, to refresh a quote when its original comes or goes.
    ReplyIndex m_replyIndex;
    void repliesAdded(int first, int last); // rows just inserted
    void replyRowsRemoved(const ChatMessage &message);
    void refreshRepliesTo(const QString &originalId);
    QString m_unreadMarker;
};

} // namespace natter::chat
