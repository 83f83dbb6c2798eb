#include "MessageListModel.h"

#include "LogChat.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace natter::chat {

namespace {
constexpr qint64 kGroupWindowSecs = 5 * 60;
}

MessageListModel::MessageListModel(QObject *parent)
    : MessageListModel(DefaultMaxMessages, parent)
{
}

MessageListModel::MessageListModel(int maxMessages, QObject *parent)
    : QAbstractListModel(parent)
    , m_maxMessages(qMax(1, maxMessages))
{
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

bool MessageListModel::isGrouped(int row) const
{
    if (row <= 0)
        return false;
    const ChatMessage &m = m_messages.at(row);
    const ChatMessage &prev = m_messages.at(row - 1);
    // A name that only claims itself never hides under a verified sender's header.
    if (m.senderId != prev.senderId || m.senderVerified != prev.senderVerified
        || m.senderName != prev.senderName || !m.sentAt.isValid() || !prev.sentAt.isValid())
        return false;
    const qint64 gap = prev.sentAt.secsTo(m.sentAt);
    // A message older than the previous one (clock skew, late delivery) still groups when close.
    if (qAbs(gap) > kGroupWindowSecs)
        return false;
    return m.sentAt.toLocalTime().date() == prev.sentAt.toLocalTime().date();
}

QDate MessageListModel::daySeparator(int row) const
{
    const ChatMessage &m = m_messages.at(row);
    if (!m.sentAt.isValid())
        return {};
    const QDate day = m.sentAt.toLocalTime().date();
    if (row == 0)
        return day;
    const ChatMessage &prev = m_messages.at(row - 1);
    if (prev.sentAt.isValid() && prev.sentAt.toLocalTime().date() == day)
        return {};
    return day;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    // Quietly empty for an out-of-range index (a view racing a removal), not a warning.
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_messages.size())
        return {};
    const int row = index.row();
    const ChatMessage &m = m_messages.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case Qt::ToolTipRole:
        return m.sentAt.toLocalTime().toString(Qt::TextDate);
    case Qt::AccessibleTextRole: {
        // What a screen reader says for the row: who, when, what, and whether it went out.
        const QString who = data(index, SenderNameRole).toString();
        const QString when = m.sentAt.toLocalTime().toString(QStringLiteral("HH:mm"));
        QString spoken = tr("%1 at %2: %3").arg(who, when, m.deleted ? deletedText() : m.text);
        if (m.editedAt.isValid() && !m.deleted)
            spoken += u' ' + editedMarker();
        if (!m.replyTo.isEmpty()) {
            const QString author = data(index, ReplyAuthorRole).toString();
            spoken += author.isEmpty()
                ? tr(" (reply to a message not loaded)")
                : tr(" (reply to %1: %2)").arg(author, data(index, ReplyTextRole).toString());
        }
        if (m.state == ChatMessage::State::Pending)
            spoken += tr(" (sending)");
        else if (m.state == ChatMessage::State::Failed)
            spoken += tr(" (not sent: %1)").arg(m.error);
        return spoken;
    }
    case IdRole:
        return m.id;
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole: {
        const QString name = m.senderName.isEmpty() ? m.senderId : m.senderName;
        // Only the sender's own claim vouches for this name: say so.
        return m.senderVerified ? name : tr("%1 (not in the room)").arg(name);
    }
    case SentAtRole:
        return m.sentAt;
    case StateRole:
        return int(m.state);
    case OwnRole:
        return m.own;
    case ErrorRole:
        return m.error;
    case GroupedRole:
        return isGrouped(row);
    case DaySeparatorRole:
        return daySeparator(row);
    case ReplyToRole:
        return m.replyTo;
    case ReplyLoadedRole:
        return !m.replyTo.isEmpty() && rowOf(m.replyTo) >= 0;
    case ReplyAuthorRole:
    case ReplyAuthorIdRole:
    case ReplyTextRole: {
        const int original = m.replyTo.isEmpty() ? -1 : rowOf(m.replyTo);
        if (original < 0)
            return QString();
        if (role == ReplyAuthorRole)
            return data(this->index(original), SenderNameRole);
        if (role == ReplyAuthorIdRole)
            return m_messages.at(original).senderId;
        const ChatMessage &o = m_messages.at(original);
        return o.deleted ? deletedText() : ReplyIndex::firstLine(o.text);
    }
    case EditedAtRole:
        return m.editedAt;
    case DeletedRole:
        return m.deleted;
    case MentionsMeRole:
        return m.mentionsMe;
    case UnreadDividerRole:
        return !m_unreadMarker.isEmpty() && m.id == m_unreadMarker;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    auto roles = QAbstractListModel::roleNames();
    roles.insert(IdRole, "messageId");
    roles.insert(SenderIdRole, "senderId");
    roles.insert(SenderNameRole, "senderName");
    roles.insert(TextRole, "text");
    roles.insert(SentAtRole, "sentAt");
    roles.insert(StateRole, "state");
    roles.insert(OwnRole, "own");
    roles.insert(ErrorRole, "error");
    roles.insert(GroupedRole, "grouped");
    roles.insert(DaySeparatorRole, "daySeparator");
    roles.insert(ReplyToRole, "replyTo");
    roles.insert(ReplyLoadedRole, "replyLoaded");
    roles.insert(ReplyAuthorRole, "replyAuthor");
    roles.insert(ReplyAuthorIdRole, "replyAuthorId");
    roles.insert(ReplyTextRole, "replyText");
    roles.insert(EditedAtRole, "editedAt");
    roles.insert(DeletedRole, "deleted");
    roles.insert(MentionsMeRole, "mentionsMe");
    roles.insert(UnreadDividerRole, "unreadDivider");
    return roles;
}

bool MessageListModel::append(const ChatMessage &message)
{
    if (message.id.isEmpty() || contains(message.id))
        return false;
    // Anything buffered arrived earlier: it goes first, so the order stays the arrival order.
    if (!m_pending.isEmpty())
        flushPending();
    int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(message);
    m_rows.insert(message.id, m_base + row);
    endInsertRows();
    repliesAdded(row, row);
    row -= dropOldest();
    emit countChanged(count());
    emit messagesAppended(row, row, message.own);
    return true;
}

bool MessageListModel::appendLater(const ChatMessage &message)
{
    if (message.id.isEmpty() || contains(message.id))
        return false;
    m_pending.append(message);
    m_pendingIds.insert(message.id);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        // One batch per event-loop turn: a burst of thousands of events costs one row insert.
        QMetaObject::invokeMethod(this, &MessageListModel::flushPending, Qt::QueuedConnection);
    }
    return true;
}

void MessageListModel::flushPending()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    const int first = int(m_messages.size());
    const int last = first + int(m_pending.size()) - 1;
    bool anyOwn = false;
    beginInsertRows({}, first, last);
    // No reserve(size + n) here: an exact reserve per batch defeats geometric growth and copies
    // every message on each batch (quadratic over a burst).
    for (ChatMessage &m : m_pending) {
        anyOwn = anyOwn || m.own;
        m_rows.insert(m.id, m_base + m_messages.size());
        m_messages.append(std::move(m));
    }
    m_pending.clear();
    m_pendingIds.clear();
    endInsertRows();
    repliesAdded(first, last);
    const int dropped = dropOldest();
    emit countChanged(count());
    emit messagesAppended(qMax(0, first - dropped), last - dropped, anyOwn);
}

bool MessageListModel::setState(const QString &id, ChatMessage::State state, const QString &error)
{
    const int row = rowOf(id);
    if (row < 0) {
        // Still buffered: update it there, it shows with the new state.
        for (ChatMessage &m : m_pending) {
            if (m.id == id) {
                m.state = state;
                m.error = error;
                return true;
            }
        }
        return false;
    }
    ChatMessage &m = m_messages[row];
    if (m.state == state && m.error == error)
        return true;
    m.state = state;
    m.error = error;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {StateRole, ErrorRole, Qt::AccessibleTextRole});
    return true;
}

void MessageListModel::reindexFrom(int row)
{
    for (int i = row; i < m_messages.size(); ++i)
        m_rows[m_messages.at(i).id] = m_base + i;
}

int MessageListModel::dropOldest()
{
    const int excess = int(m_messages.size()) - m_maxMessages;
    if (excess <= 0)
        return 0;
    qCDebug(lcChat) << "dropping the" << excess << "oldest messages beyond" << m_maxMessages;
    beginRemoveRows({}, 0, excess - 1);
    // Their ids stay duplicates for a while: a redelivered old message must not come back at
    // the bottom. Each id is in at most one place (shown, or dropped), so these stay bounded.
    for (int i = 0; i < excess; ++i) {
        const QString &id = m_messages.at(i).id;
        m_rows.remove(id);
        m_replyIndex.remove(m_messages.at(i));
        m_dropped.push_back(id);
        m_droppedIds.insert(id);
    }
    while (m_dropped.size() > size_t(m_maxMessages)) {
        m_droppedIds.remove(m_dropped.front());
        m_dropped.pop_front();
    }
    QStringList originals;
    for (int i = 0; i < excess; ++i) {
        if (m_replyIndex.hasReplies(m_messages.at(i).id))
            originals << m_messages.at(i).id;
    }
    m_messages.remove(0, excess);
    m_base += excess;
    endRemoveRows();
    for (const QString &original : std::as_const(originals))
        refreshRepliesTo(original); // their quotes now say "not loaded"
    if (!m_messages.isEmpty()) {
        // The new first row has nothing above it: its grouping and day header may change.
        const QModelIndex i = index(0);
        emit dataChanged(i, i, {GroupedRole, DaySeparatorRole});
    }
    return excess;
}

bool MessageListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0) {
        if (!m_pendingIds.remove(id))
            return false;
        m_pending.removeIf([&id](const ChatMessage &m) { return m.id == id; });
        return true;
    }
    beginRemoveRows({}, row, row);
    const ChatMessage removed = m_messages.takeAt(row);
    m_rows.remove(id);
    reindexFrom(row);
    endRemoveRows();
    replyRowsRemoved(removed);
    // The message after it now follows another one: its grouping and day header may change.
    if (row < m_messages.size()) {
        const QModelIndex i = index(row);
        emit dataChanged(i, i, {GroupedRole, DaySeparatorRole});
    }
    emit countChanged(count());
    return true;
}

namespace {
// Rows without a server id (pending) sort after every stored message.
qint64 orderKey(const ChatMessage &m)
{
    return m.serverId > 0 ? m.serverId : std::numeric_limits<qint64>::max();
}
} // namespace

bool MessageListModel::confirm(const QString &id, qint64 serverId, const QDateTime &sentAt)
{
    const int row = rowOf(id);
    if (row < 0) {
        for (ChatMessage &m : m_pending) {
            if (m.id == id) {
                m.serverId = serverId;
                if (sentAt.isValid())
                    m.sentAt = sentAt;
                return true;
            }
        }
        return false;
    }
    ChatMessage &m = m_messages[row];
    m.serverId = serverId;
    QList<int> roles;
    if (sentAt.isValid() && sentAt != m.sentAt) {
        m.sentAt = sentAt;
        roles = {SentAtRole, GroupedRole, DaySeparatorRole, Qt::ToolTipRole, Qt::AccessibleTextRole};
    }
    if (!roles.isEmpty()) {
        const QModelIndex i = index(row);
        emit dataChanged(i, i, roles);
    }
    return true;
}

qint64 MessageListModel::oldestServerId() const
{
    qint64 oldest = 0;
    for (const ChatMessage &m : m_messages) {
        if (m.serverId > 0 && (oldest == 0 || m.serverId < oldest))
            oldest = m.serverId;
    }
    return oldest;
}

qint64 MessageListModel::newestServerId() const
{
    qint64 newest = 0;
    for (const ChatMessage &m : m_messages)
        newest = qMax(newest, m.serverId);
    return newest;
}

QList<ChatMessage> MessageListModel::merge(const QList<ChatMessage> &messages)
{
    if (!m_pending.isEmpty())
        flushPending();
    QList<ChatMessage> sorted;
    for (const ChatMessage &m : messages) {
        if (m.id.isEmpty())
            continue;
        const int row = rowOf(m.id);
        if (row >= 0) {
            // Ours (pending or sent) coming back from the server: the same message.
            const ChatMessage &shown = m_messages.at(row);
            if (shown.serverId == 0 && m.serverId > 0)
                confirm(m.id, m.serverId, m.sentAt);
            if (shown.state == ChatMessage::State::Pending
                || shown.state == ChatMessage::State::Failed)
                setState(m.id, ChatMessage::State::Sent);
            applyRevision(m);
            continue;
        }
        if (m_droppedIds.contains(m.id))
            continue;
        sorted.append(m);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const ChatMessage &a, const ChatMessage &b) {
        return orderKey(a) < orderKey(b);
    });
    // Duplicates within the batch.
    sorted.erase(
        std::unique(sorted.begin(), sorted.end(),
                    [](const ChatMessage &a, const ChatMessage &b) { return a.id == b.id; }),
        sorted.end());
    QList<ChatMessage> added;
    int i = 0;
    while (i < sorted.size()) {
        // Where the first one goes; the following ones that sort before the next shown row go
        // with it, in one insert.
        const qint64 key = orderKey(sorted.at(i));
        const auto pos = std::upper_bound(
            m_messages.cbegin(), m_messages.cend(), key,
            [](qint64 k, const ChatMessage &row) { return k < orderKey(row); });
        const int row = int(pos - m_messages.cbegin());
        const qint64 limit = row < m_messages.size() ? orderKey(m_messages.at(row))
                                                     : std::numeric_limits<qint64>::max();
        int j = i + 1;
        while (j < sorted.size() && orderKey(sorted.at(j)) < limit)
            ++j;
        beginInsertRows({}, row, row + (j - i) - 1);
        for (int k = i; k < j; ++k) {
            m_messages.insert(row + (k - i), sorted.at(k));
            added.append(sorted.at(k));
        }
        reindexFrom(row);
        endInsertRows();
        repliesAdded(row, row + (j - i) - 1);
        const int after = row + (j - i);
        const bool atEnd = after == m_messages.size();
        if (!atEnd) {
            // The row after the inserted ones has a new predecessor.
            const QModelIndex next = index(after);
            emit dataChanged(next, next, {GroupedRole, DaySeparatorRole});
        }
        const bool anyOwn = std::any_of(sorted.cbegin() + i, sorted.cbegin() + j,
                                        [](const ChatMessage &m) { return m.own; });
        const int dropped = dropOldest();
        emit countChanged(count());
        // Only rows added at the bottom are "appended" (the view follows them); older history
        // inserted above keeps the view where it is.
        if (atEnd && row + (j - i) - 1 - dropped >= 0)
            emit messagesAppended(qMax(0, row - dropped), row + (j - i) - 1 - dropped, anyOwn);
        i = j;
    }
    return added;
}

void MessageListModel::repliesAdded(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const ChatMessage &m = m_messages.at(row);
        m_replyIndex.add(m);
        // An original that arrives after its replies (an older page, a late delivery).
        if (m_replyIndex.hasReplies(m.id))
            refreshRepliesTo(m.id);
    }
}

void MessageListModel::replyRowsRemoved(const ChatMessage &message)
{
    m_replyIndex.remove(message);
    if (m_replyIndex.hasReplies(message.id))
        refreshRepliesTo(message.id);
}

void MessageListModel::refreshRepliesTo(const QString &originalId)
{
    const QSet<QString> replies = m_replyIndex.repliesTo(originalId);
    for (const QString &id : replies) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex i = index(row);
        emit dataChanged(i, i,
                         {ReplyLoadedRole, ReplyAuthorRole, ReplyAuthorIdRole, ReplyTextRole,
                          Qt::AccessibleTextRole});
    }
}

int MessageListModel::rowOf(const QString &id) const
{
    const auto it = m_rows.constFind(id);
    return it == m_rows.constEnd() ? -1 : int(it.value() - m_base);
}

QString MessageListModel::deletedText()
{
    return tr("This message was deleted.");
}

QString MessageListModel::editedMarker()
{
    return tr("(edited)");
}

bool MessageListModel::applyEdit(const QString &id, const QString &text, const QDateTime &editedAt)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    ChatMessage &m = m_messages[row];
    if (m.deleted || (m.editedAt.isValid() && editedAt.isValid() && editedAt < m.editedAt))
        return false;
    m.text = text;
    // Without a time: a message not sent yet changed before anyone saw it, not "edited".
    if (editedAt.isValid())
        m.editedAt = editedAt;
    const QModelIndex at = index(row);
    emit dataChanged(at, at, {Qt::DisplayRole, TextRole, EditedAtRole, Qt::AccessibleTextRole});
    return true;
}

bool MessageListModel::applyDelete(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0 || m_messages.at(row).deleted)
        return false;
    ChatMessage &m = m_messages[row];
    m.deleted = true;
    m.text.clear(); // gone for everybody: not even kept in memory
    const QModelIndex at = index(row);
    emit dataChanged(
        at, at, {Qt::DisplayRole, TextRole, DeletedRole, EditedAtRole, Qt::AccessibleTextRole});
    return true;
}

bool MessageListModel::restoreRevision(const ChatMessage &previous)
{
    const int row = rowOf(previous.id);
    if (row < 0)
        return false;
    ChatMessage &m = m_messages[row];
    m.text = previous.text;
    m.editedAt = previous.editedAt;
    m.deleted = previous.deleted;
    const QModelIndex at = index(row);
    emit dataChanged(
        at, at, {Qt::DisplayRole, TextRole, DeletedRole, EditedAtRole, Qt::AccessibleTextRole});
    return true;
}

bool MessageListModel::applyRevision(const ChatMessage &message)
{
    if (message.deleted)
        return applyDelete(message.id);
    if (message.editedAt.isValid())
        return applyEdit(message.id, message.text, message.editedAt);
    return false;
}

void MessageListModel::setUnreadMarker(const QString &id)
{
    if (id == m_unreadMarker)
        return;
    const int before = rowOf(m_unreadMarker);
    m_unreadMarker = id;
    // No roles: the line changes the row's height, and views re-measure on a full change.
    if (before >= 0)
        emit dataChanged(index(before), index(before));
    if (const int after = rowOf(id); after >= 0)
        emit dataChanged(index(after), index(after));
}

} // namespace natter::chat
