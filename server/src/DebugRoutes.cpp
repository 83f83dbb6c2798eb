#include "DebugRoutes.h"

#include "Log.h"
#include "ServerConfig.h"
#include "ServerContext.h"

#include <pusher/RestClient.h>
#include <pusher/RestReply.h>
#include <pusher/Signer.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Pusher's channel name alphabet and length limit.
bool wellFormedChannel(const QString &channel)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_\\-=@,.;]{1,164}$"));
    return re.match(channel).hasMatch();
}

} // namespace

const QStringList DebugRoutes::RepublishedEvents = {
    QStringLiteral("channel_occupied"), QStringLiteral("channel_vacated"),
    QStringLiteral("member_added"),     QStringLiteral("member_removed"),
    QStringLiteral("client_event"),
};

DebugRoutes::DebugRoutes(ServerContext &context)
    : m_context(context)
{
}

void DebugRoutes::status(const ExchangePtr &exchange)
{
    m_context.authenticate(exchange, [this, exchange](const Session &session) {
        if (!m_context.isDebugUser(session)) {
            exchange->sendError(403, QStringLiteral("forbidden"),
                                QStringLiteral("You are not one of this server's debug users."));
            return;
        }
        QJsonArray events;
        for (const QString &name : RepublishedEvents)
            events.append(name);
        exchange->sendJson(200,
                           {{QStringLiteral("channel"), ServerContext::DebugChannel},
                            {QStringLiteral("events"), events}});
    });
}

void DebugRoutes::trigger(const ExchangePtr &exchange)
{
    m_context.authenticate(exchange, [this, exchange](const Session &session) {
        if (!m_context.isDebugUser(session)) {
            exchange->sendError(403, QStringLiteral("forbidden"),
                                QStringLiteral("You are not one of this server's debug users."));
            return;
        }
        answerTrigger(exchange, session);
    });
}

void DebugRoutes::answerTrigger(const ExchangePtr &exchange, const Session &session)
{
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->body());
    const QJsonObject body = doc.object();
    auto bad = [&exchange](const QString &message) {
        exchange->sendError(400, QStringLiteral("bad_request"), message);
    };
    if (!doc.isObject())
        return bad(QStringLiteral("The body must be a JSON object with channel, event and data."));
    const QString channel = body.value(QStringLiteral("channel")).toString();
    const QString event = body.value(QStringLiteral("event")).toString();
    const QJsonValue dataValue = body.value(QStringLiteral("data"));
    const QString socketId = body.value(QStringLiteral("socket_id")).toString();
    if (!wellFormedChannel(channel))
        return bad(QStringLiteral("channel must be 1 to 164 of letters, digits and _-=@,.;"));
    if (channel.startsWith(QLatin1String("private-encrypted-")))
        return bad(QStringLiteral("Encrypted channels take data encrypted by a client, not by "
                                  "this server."));
    if (channel.startsWith(QLatin1String("#")))
        return bad(QStringLiteral("Server-to-user channels are not for triggers."));
    if (event.isEmpty() || event.size() > natter::pusher::RestClient::MaxEventNameLength)
        return bad(QStringLiteral("event must be 1 to 200 characters."));
    if (event.startsWith(QLatin1String("pusher:"))
        || event.startsWith(QLatin1String("pusher_internal:")))
        return bad(QStringLiteral("Event names starting with pusher: are the protocol's own."));
    if (!dataValue.isString())
        return bad(QStringLiteral("data must be a string (JSON text, as Pusher carries it)."));
    const QString data = dataValue.toString();
    if (data.toUtf8().size() > natter::pusher::RestClient::MaxDataBytes) {
        exchange->sendError(413, QStringLiteral("too_large"),
                            QStringLiteral("data is over Pusher's 10 KB limit."));
        return;
    }
    if (!socketId.isEmpty() && !natter::pusher::Signer::validSocketId(socketId))
        return bad(QStringLiteral("socket_id is malformed."));
    qCInfo(lcServer) << "debug trigger by" << session.name << "on" << channel << event;
    natter::pusher::RestReply *reply = m_context.rest.trigger({channel}, event, data, socketId);
    QObject::connect(reply, &natter::pusher::RestReply::finished, reply, [exchange, reply] {
        reply->deleteLater();
        if (reply->ok()) {
            exchange->sendJson(200,
                               {{QStringLiteral("ok"), true},
                                {QStringLiteral("pusher_status"), reply->httpStatus()}});
        } else if (reply->wasRejectedLocally()) {
            exchange->sendError(400, QStringLiteral("bad_request"), reply->errorString());
        } else {
            exchange->sendError(
                502, QStringLiteral("pusher_unavailable"),
                QStringLiteral("Pusher did not take the event: %1").arg(reply->errorString()));
        }
    });
}

void DebugRoutes::republish(const QJsonArray &events, qint64 timeMs)
{
    if (m_context.config.debugUsers.isEmpty())
        return;
    QList<natter::pusher::BatchEvent> batch;
    auto send = [this, &batch] {
        if (batch.isEmpty())
            return;
        natter::pusher::RestReply *reply = m_context.rest.triggerBatch(batch);
        QObject::connect(reply, &natter::pusher::RestReply::finished, reply, [reply] {
            reply->deleteLater();
            if (!reply->ok())
                qCWarning(lcServer) << "debug feed: Pusher refused the republished webhooks:"
                                    << reply->errorString();
        });
        batch.clear();
    };
    for (const QJsonValue &value : events) {
        QJsonObject event = value.toObject();
        const QString name = event.value(QStringLiteral("name")).toString();
        if (!RepublishedEvents.contains(name)
            || event.value(QStringLiteral("channel")).toString() == ServerContext::DebugChannel)
            continue;
        event.insert(QStringLiteral("time_ms"), timeMs);
        QString data = compact(event);
        if (data.toUtf8().size() > natter::pusher::RestClient::MaxDataBytes) {
            // A client event near the limit does not fit with its envelope: say so, keep the rest.
            const qsizetype size = event.value(QStringLiteral("data")).toString().toUtf8().size();
            event.remove(QStringLiteral("data"));
            event.insert(QStringLiteral("data_omitted_bytes"), qint64(size));
            data = compact(event);
        }
        batch.append({ServerContext::DebugChannel, name, data, {}});
        if (batch.size() == natter::pusher::RestClient::MaxBatchEvents)
            send();
    }
    send();
}
