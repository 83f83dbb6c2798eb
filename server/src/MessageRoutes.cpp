#include "MessageRoutes.h"

#include "MessageDelivery.h"
#include "MessageStore.h"
#include "RateLimiter.h"
#include "ServerContext.h"
#include "SessionStore.h"

#include <pusher/RestClient.h>
#include <pusher/Signer.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace {

bool validClientId(const QString &id)
{
    if (id.isEmpty() || id.size() > MessageRoutes::MaxClientIdLength)
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace

MessageRoutes::MessageRoutes(ServerContext &context)
    : m_context(context)
{
}

bool MessageRoutes::checkRoom(HttpExchange &exchange, const QString &room) const
{
    if (!ServerContext::validRoomName(room)) {
        exchange.sendError(400, QStringLiteral("bad_request"),
                           QStringLiteral("A room name is 1 to 40 letters, digits, '-' or '_'."));
        return false;
    }
    if (!m_context.roomExists(room)) {
        exchange.sendError(404, QStringLiteral("not_found"),
                           QStringLiteral("This server has no room %1.").arg(room));
        return false;
    }
    return true;
}

void MessageRoutes::post(const ExchangePtr &exchange, const QString &room)
{
    m_context.authenticate(exchange, [this, exchange, room](const Session &session) {
        if (checkRoom(*exchange, room))
            store(exchange, room, session);
    });
}

void MessageRoutes::store(const ExchangePtr &exchange, const QString &room, const Session &session)
{
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->body());
    const QJsonObject body = doc.object();
    const QJsonValue textValue = body.value(QStringLiteral("text"));
    const QJsonValue clientIdValue = body.value(QStringLiteral("client_id"));
    const QJsonValue socketValue = body.value(QStringLiteral("socket_id"));
    const QJsonValue replyValue = body.value(QStringLiteral("reply_to"));
    auto bad = [&exchange](const QString &message) {
        exchange->sendError(400, QStringLiteral("bad_request"), message);
    };
    if (!doc.isObject())
        return bad(QStringLiteral("The body must be a JSON object with text and client_id."));
    if (!textValue.isString() || textValue.toString().trimmed().isEmpty())
        return bad(QStringLiteral("text must be a non-empty string."));
    if (!clientIdValue.isString() || !validClientId(clientIdValue.toString()))
        return bad(QStringLiteral("client_id must be 1 to 100 printable ASCII characters."));
    const QString socketId = socketValue.toString();
    if (!socketValue.isUndefined() && !socketValue.isNull()
        && (!socketValue.isString() || !natter::pusher::Signer::validSocketId(socketId)))
        return bad(QStringLiteral("socket_id is malformed."));
    // A reply names its original by client_id; whether that exists is not checked (clients
    // show the quote only from an original they have loaded, so naming a missing one shows
    // nothing false).
    if (!replyValue.isUndefined() && !replyValue.isNull()
        && (!replyValue.isString() || !validClientId(replyValue.toString())))
        return bad(QStringLiteral("reply_to must be a client_id: 1 to 100 printable ASCII "
                                  "characters."));
    const QString text = textValue.toString();
    if (text.size() > MaxTextLength) {
        exchange->sendError(
            413, QStringLiteral("too_large"),
            QStringLiteral("A message is at most %1 characters.").arg(MaxTextLength));
        return;
    }
    StoredMessage message;
    message.room = room;
    message.clientId = clientIdValue.toString();
    message.text = text;
    message.userId = session.userId;
    message.userName = session.name;
    message.replyTo = replyValue.toString();
    // The event must fit Pusher's limit with the longest id and timestamp it can get.
    StoredMessage widest = message;
    widest.id = std::numeric_limits<qint64>::max();
    widest.sentAtMs = 253402300799999; // 9999-12-31T23:59:59.999Z
    if (widest.eventData().toUtf8().size() > natter::pusher::RestClient::MaxDataBytes) {
        exchange->sendError(
            413, QStringLiteral("too_large"),
            QStringLiteral("This message is too large for a Pusher event (10 KB)."));
        return;
    }
    if (const int retryAfter = m_context.rateLimiter.acquire(session.tokenHash)) {
        exchange->sendError(429, QStringLiteral("rate_limited"),
                            QStringLiteral("Too many messages; wait %1 s.").arg(retryAfter),
                            {{"Retry-After", QByteArray::number(retryAfter)}});
        return;
    }
    struct Stored
    {
        MessageStore::Insert result = MessageStore::Insert::Error;
        StoredMessage message;
    };
    m_context.query<Stored>(
        [message](Stores &stores) {
            Stored stored{MessageStore::Insert::Error, message};
            stored.result = stores.messages.insert(stored.message);
            return stored;
        },
        [this, exchange, socketId, senderName = session.name](Stored stored) {
            answerStored(exchange, stored.result, stored.message, socketId, senderName);
        });
}

void MessageRoutes::answerStored(const ExchangePtr &exchange, MessageStore::Insert result,
                                 const StoredMessage &message, const QString &socketId,
                                 const QString &senderName)
{
    switch (result) {
    case MessageStore::Insert::Error:
        m_context.databaseUnavailable(*exchange);
        return;
    case MessageStore::Insert::Existing:
        if (SessionStore::nameKey(message.userName) != SessionStore::nameKey(senderName)) {
            exchange->sendError(
                409, QStringLiteral("client_id_conflict"),
                QStringLiteral("That client_id belongs to another user's message."));
            return;
        }
        // A retried send: the stored message, never a second copy or a second trigger.
        if (!message.delivered)
            m_context.delivery.kick();
        exchange->sendJson(200, message.toJson());
        return;
    case MessageStore::Insert::Inserted:
        break;
    }
    m_context.delivery.deliver(message, socketId, [exchange, message](bool delivered) {
        if (delivered) {
            exchange->sendJson(201, message.toJson());
            return;
        }
        exchange->sendError(502, QStringLiteral("pusher_unavailable"),
                            QStringLiteral("The message is stored but Pusher did not take it yet; "
                                           "it will be delivered when Pusher answers again."),
                            {}, {{QStringLiteral("message"), message.toJson()}});
    });
}

void MessageRoutes::history(const ExchangePtr &exchange, const QString &room)
{
    m_context.authenticate(exchange, [this, exchange, room](const Session &) {
        if (checkRoom(*exchange, room))
            answerHistory(exchange, room);
    });
}

void MessageRoutes::answerHistory(const ExchangePtr &exchange, const QString &room)
{
    const QUrlQuery &query = exchange->query();
    auto number = [&query](const char *name, qint64 *out) {
        if (!query.hasQueryItem(QLatin1String(name)))
            return true;
        bool ok = false;
        *out = query.queryItemValue(QLatin1String(name)).toLongLong(&ok);
        return ok && *out >= 0;
    };
    qint64 after = 0, before = 0, limit = DefaultPage;
    if (!number("after", &after) || !number("before", &before) || !number("limit", &limit)
        || limit < 1 || limit > MaxPage) {
        exchange->sendError(
            400, QStringLiteral("bad_request"),
            QStringLiteral("after and before are message ids; limit is 1 to %1.").arg(MaxPage));
        return;
    }
    if (query.hasQueryItem(QStringLiteral("after"))
        && query.hasQueryItem(QStringLiteral("before"))) {
        exchange->sendError(400, QStringLiteral("bad_request"),
                            QStringLiteral("Give after or before, not both."));
        return;
    }
    using Direction = MessageStore::Direction;
    // after=0 reads from the very first message.
    const Direction direction = query.hasQueryItem(QStringLiteral("after")) ? Direction::After
        : query.hasQueryItem(QStringLiteral("before"))                      ? Direction::Before
                                                                            : Direction::Newest;
    const qint64 anchor = direction == Direction::After ? after
        : direction == Direction::Before                ? before
                                                        : 0;
    using Page = std::optional<MessageStore::Page>;
    m_context.query<Page>(
        [room, direction, anchor, limit](Stores &stores) {
            return stores.messages.page(room, direction, anchor, int(limit));
        },
        [this, exchange](Page page) {
            if (!page) {
                m_context.databaseUnavailable(*exchange);
                return;
            }
            QJsonArray list;
            for (const StoredMessage &m : page->messages)
                list.append(m.toJson());
            exchange->sendJson(
                200,
                {{QStringLiteral("messages"), list}, {QStringLiteral("has_more"), page->hasMore}});
        });
}
