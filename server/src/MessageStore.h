#pragma once

#include "StoredMessage.h"

#include <QList>
#include <QStringList>

#include <optional>

class Database;

// Chat messages: idempotent insert by (room, client_id), history pages, and the undelivered queue
// the background retry drains.
class MessageStore
{
public:
    enum class Insert { Inserted, Existing, Error };

    explicit MessageStore(Database &db);

    // Stores `message` (id and sent_at filled in) unless (room, client_id) exists; then
    // `message` becomes the stored one and the result is Existing.
    Insert insert(StoredMessage &message);

    struct Page
    {
        QList<StoredMessage> messages; // ascending by id
        bool hasMore = false;
    };
    enum class Direction { Newest, After, Before };
    // After: the oldest `limit` messages newer than `anchor`; Before: the newest `limit` older
    // than `anchor`; Newest: the newest `limit` (anchor unused).
    std::optional<Page> page(const QString &room, Direction direction, qint64 anchor, int limit);

    std::optional<QList<StoredMessage>> undelivered(int limit);
    std::optional<int> undeliveredCount();
    // One statement (one commit) for all of them.
    bool markDelivered(const QList<qint64> &ids);
    std::optional<QStringList> rooms();

    // The author edits (`text`) or deletes (nullopt: the text is blanked) message `id` of
    // `room`; `message` is it as stored afterwards (or as found, for Forbidden and Deleted:
    // deleted before, nothing changed).
    enum class Change { Changed, NotFound, Forbidden, Deleted, Error };
    Change change(const QString &room, qint64 id, const QString &userId,
                  const std::optional<QString> &text, StoredMessage *message);

private:
    Database &m_db;
};
