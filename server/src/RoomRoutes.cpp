#include "RoomRoutes.h"

#include "DebugRoutes.h"

#include "Database.h"
#include "Log.h"
#include "MessageDelivery.h"
#include "MessageRoutes.h"
#include "MessageStore.h"
#include "OccupancyStore.h"
#include "ServerConfig.h"
#include "ServerContext.h"
#include "SessionStore.h"

#include <pusher/RestClient.h>
#include <pusher/RestReply.h>
#include <pusher/Signer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

using natter::pusher::RestReply;

namespace {
const QString kPresence = QStringLiteral("presence-");
}

RoomRoutes::RoomRoutes(ServerContext &context, DebugRoutes &debug)
    : m_context(context)
    , m_debug(debug)
{
}

void RoomRoutes::list(const ExchangePtr &exchange)
{
    m_context.authenticate(exchange, [this, exchange](const Session &) { countMembers(exchange); });
}

void RoomRoutes::countMembers(const ExchangePtr &exchange)
{
    RestReply *reply = m_context.rest.channels(kPresence, {QStringLiteral("user_count")});
    QObject::connect(reply, &RestReply::finished, reply, [this, exchange, reply] {
        reply->deleteLater();
        auto members = std::make_shared<QMap<QString, int>>(); // room -> count
        if (!reply->ok()) {
            qCInfo(lcServer) << "channels API unavailable, using webhook occupancy:"
                             << reply->errorString();
            using Counts = std::optional<QMap<QString, int>>;
            m_context.query<Counts>(
                [](Stores &stores) { return stores.occupancy.counts(); },
                [this, exchange, members](Counts occupancy) {
                    if (occupancy) {
                        for (auto it = occupancy->cbegin(); it != occupancy->cend(); ++it) {
                            if (it.key().startsWith(kPresence))
                                members->insert(it.key().mid(kPresence.size()), it.value());
                        }
                    }
                    answerRooms(exchange, *members);
                });
            return;
        }
        // Hosted Pusher fills in user_count here; soketi does not, so ask per channel (at most
        // MaxChannelLookups, in parallel) for those that lack it.
        QStringList lookups;
        const QJsonObject channels = reply->json().value(QStringLiteral("channels")).toObject();
        for (auto it = channels.begin(); it != channels.end(); ++it) {
            if (!it.key().startsWith(kPresence))
                continue;
            const QJsonObject info = it.value().toObject();
            if (info.contains(QStringLiteral("user_count")))
                members->insert(it.key().mid(kPresence.size()),
                                info.value(QStringLiteral("user_count")).toInt());
            else if (lookups.size() < MaxChannelLookups)
                lookups << it.key();
            else
                members->insert(it.key().mid(kPresence.size()),
                                info.value(QStringLiteral("subscription_count")).toInt());
        }
        if (lookups.isEmpty()) {
            answerRooms(exchange, *members);
            return;
        }
        auto pending = std::make_shared<int>(int(lookups.size()));
        for (const QString &channel : std::as_const(lookups)) {
            RestReply *one = m_context.rest.channelInfo(channel, {QStringLiteral("user_count")});
            QObject::connect(
                one, &RestReply::finished, one, [this, exchange, one, channel, members, pending] {
                    one->deleteLater();
                    members->insert(channel.mid(kPresence.size()),
                                    one->json().value(QStringLiteral("user_count")).toInt());
                    if (--*pending == 0)
                        answerRooms(exchange, *members);
                });
        }
    });
}

void RoomRoutes::answerRooms(const ExchangePtr &exchange, const QMap<QString, int> &members)
{
    using Rooms = std::optional<QStringList>;
    m_context.query<Rooms>([](Stores &stores) { return stores.messages.rooms(); },
                           [this, exchange, members](Rooms stored) {
                               if (!stored) {
                                   m_context.databaseUnavailable(*exchange);
                                   return;
                               }
                               listRooms(exchange, members, *stored);
                           });
}

void RoomRoutes::listRooms(const ExchangePtr &exchange, const QMap<QString, int> &members,
                           const QStringList &stored)
{
    QStringList names = m_context.config.rooms;
    if (names.isEmpty())
        names << QStringLiteral("lobby");
    names << stored << members.keys();
    QJsonArray rooms;
    QStringList seen;
    for (const QString &name : std::as_const(names)) {
        if (seen.contains(name) || !m_context.roomExists(name))
            continue;
        seen << name;
        rooms.append(QJsonObject{{QStringLiteral("name"), name},
                                 {QStringLiteral("members"), members.value(name, 0)}});
    }
    exchange->sendJson(200, {{QStringLiteral("rooms"), rooms}});
}

void RoomRoutes::webhook(const ExchangePtr &exchange)
{
    const QByteArray key = exchange->header("X-Pusher-Key");
    const QByteArray signature = exchange->header("X-Pusher-Signature");
    if (key != m_context.signer.key().toUtf8()
        || !m_context.signer.verifyWebhook(exchange->body(), signature)) {
        exchange->sendError(401, QStringLiteral("unauthorized"),
                            QStringLiteral("The webhook key or signature is wrong."));
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->body());
    const QJsonArray events = doc.object().value(QStringLiteral("events")).toArray();
    if (!doc.isObject()) {
        exchange->sendError(400, QStringLiteral("bad_request"),
                            QStringLiteral("A webhook body is {\"time_ms\", \"events\": [...]}."));
        return;
    }
    m_debug.republish(events, doc.object().value(QStringLiteral("time_ms")).toInteger());
    // Applied in one job, in the order Pusher sent them.
    m_context.query<bool>(
        [events](Stores &stores) {
            OccupancyStore &store = stores.occupancy;
            bool ok = true;
            for (const QJsonValue &value : events) {
                const QJsonObject event = value.toObject();
                const QString name = event.value(QStringLiteral("name")).toString();
                const QString channel = event.value(QStringLiteral("channel")).toString();
                const QString userId = event.value(QStringLiteral("user_id")).toString();
                if (channel.isEmpty())
                    continue;
                if (name == QLatin1String("channel_occupied"))
                    ok &= store.channelOccupied(channel);
                else if (name == QLatin1String("channel_vacated"))
                    ok &= store.channelVacated(channel);
                else if (name == QLatin1String("member_added") && !userId.isEmpty())
                    ok &= store.memberAdded(channel, userId);
                else if (name == QLatin1String("member_removed") && !userId.isEmpty())
                    ok &= store.memberRemoved(channel, userId);
            }
            return ok;
        },
        [this, exchange](bool ok) {
            if (!ok) {
                // Pusher retries a webhook that did not get a 2xx.
                m_context.databaseUnavailable(*exchange);
                return;
            }
            exchange->sendJson(200, {{QStringLiteral("ok"), true}});
        });
}

void RoomRoutes::config(const ExchangePtr &exchange)
{
    const ServerConfig &c = m_context.config;
    QJsonArray rooms;
    for (const QString &room : c.rooms.isEmpty() ? QStringList{QStringLiteral("lobby")} : c.rooms)
        rooms.append(room);
    exchange->sendJson(
        200,
        {
            {QStringLiteral("app_key"), c.pusherKey},
            {QStringLiteral("ws_host"), c.effectiveWsHost()},
            {QStringLiteral("ws_port"), c.effectiveWsPort()},
            {QStringLiteral("tls"), c.effectiveWsTls()},
            {QStringLiteral("cluster"), c.pusherCluster},
            {QStringLiteral("auth_endpoint"), QStringLiteral("/pusher/auth")},
            {QStringLiteral("user_auth_endpoint"), QStringLiteral("/pusher/user-auth")},
            {QStringLiteral("batch_auth"), true},
            {QStringLiteral("join_password_required"), !c.joinPassword.isEmpty()},
            {QStringLiteral("max_message_length"), MessageRoutes::MaxTextLength},
            {QStringLiteral("rooms"), rooms},
        });
}

void RoomRoutes::health(const ExchangePtr &exchange)
{
    m_context.query<std::optional<int>>(
        [](Stores &stores) {
            return stores.db.ping() ? stores.messages.undeliveredCount() : std::nullopt;
        },
        [this, exchange](std::optional<int> undelivered) {
            if (!undelivered) {
                exchange->sendJson(503,
                                   {{QStringLiteral("status"), QStringLiteral("unavailable")},
                                    {QStringLiteral("code"), QStringLiteral("unavailable")}});
                return;
            }
            // undelivered / retry_in_ms: beyond api.md, for operators (and tests) watching the
            // retry.
            exchange->sendJson(200,
                               {{QStringLiteral("status"), QStringLiteral("ok")},
                                {QStringLiteral("undelivered"), *undelivered},
                                {QStringLiteral("retry_in_ms"), m_context.delivery.retryInMs()}});
        });
}
