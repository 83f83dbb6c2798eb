#pragma once

#include "HttpExchange.h"

#include <QMap>
#include <QStringList>

struct ServerContext;
class DebugRoutes;

// GET /rooms (member counts from the Pusher channels API, or webhook occupancy when that cannot
// be asked), POST /pusher/webhooks (occupancy; republished for debug users through DebugRoutes),
// and the public GET /config and GET /healthz.
class RoomRoutes
{
public:
    static constexpr int MaxChannelLookups = 50;

    // `debug` (not owned) outlives the routes.
    RoomRoutes(ServerContext &context, DebugRoutes &debug);

    void list(const ExchangePtr &exchange);
    void webhook(const ExchangePtr &exchange);
    void config(const ExchangePtr &exchange);
    void health(const ExchangePtr &exchange);

private:
    // The steps of GET /rooms once the session is known: member counts, stored rooms, answer.
    void countMembers(const ExchangePtr &exchange);
    void answerRooms(const ExchangePtr &exchange, const QMap<QString, int> &members);
    void listRooms(const ExchangePtr &exchange, const QMap<QString, int> &members,
                   const QStringList &stored);

    ServerContext &m_context;
    DebugRoutes &m_debug;
};
