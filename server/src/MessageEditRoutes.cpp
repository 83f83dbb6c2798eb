#include "MessageEditRoutes.h"

#include "Log.h"
#include "MessageRoutes.h"
#include "MessageStore.h"
#include "RateLimiter.h"
#include "ServerContext.h"
#include "SessionStore.h"
#include "Stores.h"

#include <pusher/RestClient.h>
#include <pusher/RestReply.h>
#include <pusher/Signer.h>

#include <QJsonDocument>

#include <limits>

MessageEditRoutes::MessageEditRoutes(ServerContext &context)
    : m_context(context)
{
}

void MessageEditRoutes::edit(const ExchangePtr &exchange, const QString &room, const QString &id)
{
    handle(exchange, room, id, true);
}

void MessageEditRoutes::remove(const ExchangePtr &exchange, const QString &room, const QString &id)
{
    handle(exchange, room, id, false);
}

void MessageEditRoutes::handle(const ExchangePtr &exchange, const QString &room,
                               const QString &idText, bool isEdit)
{
    m_context.authenticate(exchange, [this, exchange, room, idText, isEdit](const Session &session) {
        if (!ServerContext::validRoomName(room)) {
            exchange->sendError(
                400, QStringLiteral("bad_request"),
                QStringLiteral("A room name is 1 to 40 letters, digits, '-' or '_'."));
            return;
        }
        bool numeric = false;
        const qint64 id = idText.toLongLong(&numeric);
        if (!m_context.roomExists(room) || !numeric || id <= 0) {
            exchange->sendError(404, QStringLiteral("not_found"),
                                QStringLiteral("There is no such message."));
            return;
        }
        // DELETE may come without a body; PATCH needs {"text"}.
        const QJsonDocument doc = QJsonDocument::fromJson(exchange->body());
        const QJsonObject body = doc.object();
        auto bad = [&exchange](const QString &message) {
            exchange->sendError(400, QStringLiteral("bad_request"), message);
        };
        if (isEdit && !doc.isObject())
            return bad(QStringLiteral("The body must be a JSON object with text."));
        const QJsonValue socketValue = body.value(QStringLiteral("socket_id"));
        const QString socketId = socketValue.toString();
        if (!socketValue.isUndefined() && !socketValue.isNull()
            && (!socketValue.isString() || !natter::pusher::Signer::validSocketId(socketId)))
            return bad(QStringLiteral("socket_id is malformed."));
        std::optional<QString> text;
        if (isEdit) {
            const QJsonValue textValue = body.value(QStringLiteral("text"));
            if (!textValue.isString() || textValue.toString().trimmed().isEmpty())
                return bad(QStringLiteral("text must be a non-empty string."));
            text = textValue.toString();
            if (text->size() > MessageRoutes::MaxTextLength) {
                exchange->sendError(413, QStringLiteral("too_large"),
                                    QStringLiteral("A message is at most %1 characters.")
                                        .arg(MessageRoutes::MaxTextLength));
                return;
            }
            // The event must fit Pusher's limit with the longest fields it can get.
            StoredMessage widest;
            widest.id = std::numeric_limits<qint64>::max();
            widest.room = room;
            widest.clientId = QString(MessageRoutes::MaxClientIdLength, u'x');
            widest.text = *text;
            widest.userId = session.userId;
            widest.userName = session.name;
            widest.sentAtMs = widest.editedAtMs = 253402300799999;
            if (widest.eventData().toUtf8().size() > natter::pusher::RestClient::MaxDataBytes) {
                exchange->sendError(
                    413, QStringLiteral("too_large"),
                    QStringLiteral("This message is too large for a Pusher event (10 KB)."));
                return;
            }
        }
        if (const int retryAfter = m_context.rateLimiter.acquire(session.tokenHash)) {
            exchange->sendError(429, QStringLiteral("rate_limited"),
                                QStringLiteral("Too many messages; wait %1 s.").arg(retryAfter),
                                {{"Retry-After", QByteArray::number(retryAfter)}});
            return;
        }
        change(exchange, room, id, session, text, socketId);
    });
}

void MessageEditRoutes::change(const ExchangePtr &exchange, const QString &room, qint64 id,
                               const Session &session, const std::optional<QString> &text,
                               const QString &socketId)
{
    struct Result
    {
        MessageStore::Change change = MessageStore::Change::Error;
        StoredMessage message;
    };
    m_context.query<Result>(
        [room, id, userId = session.userId, text](Stores &stores) {
            Result r;
            r.change = stores.messages.change(room, id, userId, text, &r.message);
            return r;
        },
        [this, exchange, socketId, isEdit = text.has_value()](Result r) {
            switch (r.change) {
            case MessageStore::Change::Error:
                m_context.databaseUnavailable(*exchange);
                return;
            case MessageStore::Change::NotFound:
                exchange->sendError(404, QStringLiteral("not_found"),
                                    QStringLiteral("There is no such message."));
                return;
            case MessageStore::Change::Forbidden:
                exchange->sendError(403, QStringLiteral("forbidden"),
                                    QStringLiteral("Only its author can change a message."));
                return;
            case MessageStore::Change::Deleted:
                if (isEdit) {
                    exchange->sendError(404, QStringLiteral("not_found"),
                                        QStringLiteral("This message was deleted."));
                    return;
                }
                // Deleting again (a retry after a 502): the same answer, and the room is told
                // again, since the first trigger may not have reached it.
                break;
            case MessageStore::Change::Changed:
                break;
            }
            const StoredMessage message = r.message;
            natter::pusher::RestReply *reply = m_context.rest.trigger(
                {QStringLiteral("presence-") + message.room},
                isEdit ? editedEvent() : deletedEvent(), message.eventData(), socketId);
            QObject::connect(
                reply, &natter::pusher::RestReply::finished, reply, [reply, exchange, message] {
                    reply->deleteLater();
                    if (reply->ok()) {
                        exchange->sendJson(200, message.toJson());
                        return;
                    }
                    qCWarning(lcServer) << "trigger of the change of message" << message.id
                                        << "failed:" << reply->errorString();
                    // Stored: a retry of the same request stores and sends again.
                    exchange->sendError(
                        502, QStringLiteral("pusher_unavailable"),
                        QStringLiteral("The change is stored but Pusher did not take "
                                       "it; send it again to tell the room."),
                        {}, {{QStringLiteral("message"), message.toJson()}});
                });
        });
}
