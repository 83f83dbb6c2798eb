#include "MessageStore.h"

#include "Database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

const char kColumns[]
    = "id, room, client_id, text, user_id, user_name, sent_at, delivered, reply_to, edited_at,"
      " deleted_at";

StoredMessage fromRow(const QSqlQuery &q)
{
    StoredMessage m;
    m.id = q.value(0).toLongLong();
    m.room = q.value(1).toString();
    m.clientId = q.value(2).toString();
    m.text = q.value(3).toString();
    m.userId = q.value(4).toString();
    m.userName = q.value(5).toString();
    m.sentAtMs = q.value(6).toLongLong();
    m.delivered = q.value(7).toInt() != 0;
    m.replyTo = q.value(8).toString();
    m.editedAtMs = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
    m.deletedAtMs = q.value(10).isNull() ? 0 : q.value(10).toLongLong();
    return m;
}

} // namespace

MessageStore::MessageStore(Database &db)
    : m_db(db)
{
}

MessageStore::Insert MessageStore::insert(StoredMessage &message)
{
    QSqlQuery q(m_db.handle());
    message.sentAtMs = QDateTime::currentMSecsSinceEpoch();
    message.delivered = false;
    // RETURNING gives no row when the client_id exists (SQLite >= 3.35 and PostgreSQL agree).
    q.prepare(QStringLiteral(
        "INSERT INTO messages (room, client_id, text, user_id, user_name, "
        "sent_at, delivered, reply_to) VALUES (?, ?, ?, ?, ?, ?, 0, COALESCE(?, '')) "
        "ON CONFLICT (room, client_id) DO NOTHING RETURNING id"));
    q.addBindValue(message.room);
    q.addBindValue(message.clientId);
    q.addBindValue(message.text);
    q.addBindValue(message.userId);
    q.addBindValue(message.userName);
    q.addBindValue(message.sentAtMs);
    q.addBindValue(message.replyTo); // a null QString binds NULL: COALESCE makes it ''
    if (!m_db.exec(q))
        return Insert::Error;
    if (q.next()) {
        message.id = q.value(0).toLongLong();
        return Insert::Inserted;
    }
    q.finish();
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE room = ? AND client_id = ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(message.room);
    q.addBindValue(message.clientId);
    if (!m_db.exec(q) || !q.next())
        return Insert::Error;
    message = fromRow(q);
    return Insert::Existing;
}

std::optional<MessageStore::Page> MessageStore::page(const QString &room, Direction direction,
                                                     qint64 anchor, int limit)
{
    QSqlQuery q(m_db.handle());
    const QString columns = QLatin1String(kColumns);
    if (direction == Direction::After) {
        q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE room = ? AND id > ? "
                                 "ORDER BY id ASC LIMIT ?")
                      .arg(columns));
        q.addBindValue(room);
        q.addBindValue(anchor);
    } else if (direction == Direction::Before) {
        q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE room = ? AND id < ? "
                                 "ORDER BY id DESC LIMIT ?")
                      .arg(columns));
        q.addBindValue(room);
        q.addBindValue(anchor);
    } else {
        q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE room = ? ORDER BY id DESC LIMIT ?")
                      .arg(columns));
        q.addBindValue(room);
    }
    // One extra row tells whether there is more beyond the page.
    q.addBindValue(limit + 1);
    if (!m_db.exec(q))
        return std::nullopt;
    Page page;
    while (q.next())
        page.messages << fromRow(q);
    if (page.messages.size() > limit) {
        page.hasMore = true;
        page.messages.removeLast();
    }
    if (direction != Direction::After)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

std::optional<QList<StoredMessage>> MessageStore::undelivered(int limit)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE delivered = 0 ORDER BY id ASC LIMIT ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(limit);
    if (!m_db.exec(q))
        return std::nullopt;
    QList<StoredMessage> list;
    while (q.next())
        list << fromRow(q);
    return list;
}

std::optional<int> MessageStore::undeliveredCount()
{
    QSqlQuery q(m_db.handle());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE delivered = 0")) || !q.next())
        return std::nullopt;
    return q.value(0).toInt();
}

bool MessageStore::markDelivered(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return true;
    QStringList marks(ids.size(), QStringLiteral("?"));
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE messages SET delivered = 1 WHERE id IN (%1)")
                  .arg(marks.join(QLatin1Char(','))));
    for (const qint64 id : ids)
        q.addBindValue(id);
    return m_db.exec(q);
}

std::optional<QStringList> MessageStore::rooms()
{
    QSqlQuery q(m_db.handle());
    if (!q.exec(QStringLiteral("SELECT DISTINCT room FROM messages ORDER BY room")))
        return std::nullopt;
    QStringList rooms;
    while (q.next())
        rooms << q.value(0).toString();
    return rooms;
}

MessageStore::Change MessageStore::change(const QString &room, qint64 id, const QString &userId,
                                          const std::optional<QString> &text,
                                          StoredMessage *message)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE room = ? AND id = ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(room);
    q.addBindValue(id);
    if (!m_db.exec(q))
        return Change::Error;
    if (!q.next())
        return Change::NotFound;
    *message = fromRow(q);
    q.finish();
    if (message->userId != userId)
        return Change::Forbidden;
    if (message->deletedAtMs > 0)
        return Change::Deleted;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (text) {
        q.prepare(QStringLiteral("UPDATE messages SET text = ?, edited_at = ? WHERE id = ?"));
        q.addBindValue(*text);
        q.addBindValue(now);
        message->text = *text;
        message->editedAtMs = now;
    } else {
        // The text is gone from storage too, not only hidden.
        q.prepare(QStringLiteral("UPDATE messages SET text = '', deleted_at = ? WHERE id = ?"));
        q.addBindValue(now);
        message->text.clear();
        message->deletedAtMs = now;
    }
    q.addBindValue(id);
    return m_db.exec(q) ? Change::Changed : Change::Error;
}
