#pragma once

#include "HttpExchange.h"

#include <QMap>

struct ServerContext;

// GET /rooms (member counts from the Pusher channels API, or webhook occupancy when that cannot
// be asked), POST /pusher/webhooks, and the public GET /config and GET /healthz.
class RoomRoutes
{
public:
    static constexpr int MaxChannelLookups = 50;

    explicit RoomRoutes(ServerContext &context);

    void list(const ExchangePtr &exchange);
    void webhook(const ExchangePtr &exchange);
    void config(const ExchangePtr &exchange);
    void health(const ExchangePtr &exchange);

private:
    void answerRooms(const ExchangePtr &exchange, const QMap<QString, int> &members);

    ServerContext &m_context;
};
