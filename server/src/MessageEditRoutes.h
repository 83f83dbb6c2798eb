#pragma once

#include "HttpExchange.h"

#include <optional>

struct ServerContext;
struct Session;

// PATCH /rooms/R/messages/ID {"text"} and DELETE /rooms/R/messages/ID: only the author changes
// or withdraws a stored message; the change is stored, then triggered as message_edited /
// message_deleted on presence-R with the MESSAGE as stored now.
class MessageEditRoutes
{
public:
    static QString editedEvent() { return QStringLiteral("message_edited"); }
    static QString deletedEvent() { return QStringLiteral("message_deleted"); }

    explicit MessageEditRoutes(ServerContext &context);

    void edit(const ExchangePtr &exchange, const QString &room, const QString &id);
    void remove(const ExchangePtr &exchange, const QString &room, const QString &id);

private:
    // `text` set: an edit; nullopt: a delete.
    void handle(const ExchangePtr &exchange, const QString &room, const QString &idText,
                bool isEdit);
    void change(const ExchangePtr &exchange, const QString &room, qint64 id, const Session &session,
                const std::optional<QString> &text, const QString &socketId);

    ServerContext &m_context;
};
