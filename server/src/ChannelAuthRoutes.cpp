#include "ChannelAuthRoutes.h"

#include "ServerContext.h"

#include <pusher/Signer.h>

#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>

using natter::pusher::Signer;

namespace {

// Pusher's channel name alphabet and length limit.
bool wellFormedChannel(const QString &channel)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_\\-=@,.;]{1,164}$"));
    return re.match(channel).hasMatch();
}

QJsonObject errorBody(const QString &code, const QString &message)
{
    return {{QStringLiteral("error"), message}, {QStringLiteral("code"), code}};
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

ChannelAuthRoutes::ChannelAuthRoutes(const ServerContext &context)
    : m_context(context)
{
}

ChannelAuthRoutes::Outcome ChannelAuthRoutes::authorize(const Session &session,
                                                        const QString &socketId,
                                                        const QString &channel) const
{
    if (!wellFormedChannel(channel))
        return {400,
                errorBody(QStringLiteral("bad_request"),
                          QStringLiteral("That is not a valid channel name."))};
    if (channel == ServerContext::DebugChannel) {
        // Not a room: the server's webhooks, for the operators it names.
        if (!m_context.isDebugUser(session))
            return {403,
                    errorBody(QStringLiteral("forbidden"),
                              QStringLiteral("Only the server's debug users may subscribe to %1.")
                                  .arg(channel))};
        return {200, {{QStringLiteral("auth"), m_context.signer.channelAuth(socketId, channel)}}};
    }
    QString room;
    bool presence = false;
    if (channel.startsWith(QLatin1String("presence-"))) {
        room = channel.mid(9);
        presence = true;
    } else if (channel.startsWith(QLatin1String("private-"))
               && !channel.startsWith(QLatin1String("private-encrypted-"))) {
        room = channel.mid(8);
    }
    if (room.isEmpty() || !m_context.roomExists(room))
        return {403,
                errorBody(QStringLiteral("forbidden"),
                          QStringLiteral("This server does not let you join %1.").arg(channel))};
    if (!presence)
        return {200, {{QStringLiteral("auth"), m_context.signer.channelAuth(socketId, channel)}}};
    const QString channelData = compact(
        {{QStringLiteral("user_id"), session.userId},
         {QStringLiteral("user_info"), QJsonObject{{QStringLiteral("name"), session.name}}}});
    return {200,
            {{QStringLiteral("auth"), m_context.signer.presenceAuth(socketId, channel, channelData)},
             {QStringLiteral("channel_data"), channelData}}};
}

void ChannelAuthRoutes::channelAuth(const ExchangePtr &exchange)
{
    m_context.authenticate(exchange, [this, exchange](const Session &session) {
        answerChannelAuth(exchange, session);
    });
}

void ChannelAuthRoutes::answerChannelAuth(const ExchangePtr &exchange, const Session &session)
{
    QString socketId;
    QString single;
    bool hasSingle = false;
    QMap<int, QString> batch;
    bool badIndex = false;
    static const QRegularExpression indexed(QStringLiteral("^channel_name\\[(\\d{1,4})\\]$"));
    for (const auto &field : exchange->formFields()) {
        if (field.first == QLatin1String("socket_id")) {
            socketId = field.second;
        } else if (field.first == QLatin1String("channel_name")) {
            single = field.second;
            hasSingle = true;
        } else if (const auto m = indexed.match(field.first); m.hasMatch()) {
            batch.insert(m.captured(1).toInt(), field.second);
        } else if (field.first.startsWith(QLatin1String("channel_name["))) {
            badIndex = true;
        }
    }
    if (!Signer::validSocketId(socketId)) {
        exchange->sendError(400, QStringLiteral("bad_request"),
                            QStringLiteral("socket_id is missing or malformed."));
        return;
    }
    if (batch.isEmpty()) {
        if (!hasSingle || badIndex) {
            exchange->sendError(400, QStringLiteral("bad_request"),
                                QStringLiteral("channel_name is missing."));
            return;
        }
        const Outcome outcome = authorize(session, socketId, single);
        exchange->sendJson(outcome.status, outcome.body);
        return;
    }
    if (batch.size() > MaxBatch || badIndex || hasSingle) {
        exchange->sendError(400, QStringLiteral("bad_request"),
                            QStringLiteral("A batch is channel_name[0] ... channel_name[%1] only.")
                                .arg(MaxBatch - 1));
        return;
    }
    QJsonObject answer;
    for (const QString &channel : std::as_const(batch)) {
        const Outcome outcome = authorize(session, socketId, channel);
        answer.insert(channel,
                      QJsonObject{{QStringLiteral("status"), outcome.status},
                                  {QStringLiteral("data"), outcome.body}});
    }
    exchange->sendJson(200, answer);
}

void ChannelAuthRoutes::userAuth(const ExchangePtr &exchange)
{
    m_context.authenticate(
        exchange, [this, exchange](const Session &session) { answerUserAuth(exchange, session); });
}

void ChannelAuthRoutes::answerUserAuth(const ExchangePtr &exchange, const Session &session)
{
    QString socketId;
    for (const auto &field : exchange->formFields()) {
        if (field.first == QLatin1String("socket_id"))
            socketId = field.second;
    }
    if (!Signer::validSocketId(socketId)) {
        exchange->sendError(400, QStringLiteral("bad_request"),
                            QStringLiteral("socket_id is missing or malformed."));
        return;
    }
    const QString userData = compact(
        {{QStringLiteral("id"), session.userId},
         {QStringLiteral("user_info"), QJsonObject{{QStringLiteral("name"), session.name}}}});
    exchange->sendJson(200,
                       {{QStringLiteral("auth"), m_context.signer.userAuth(socketId, userData)},
                        {QStringLiteral("user_data"), userData}});
}
