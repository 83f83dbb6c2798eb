#pragma once

#include "HttpExchange.h"

struct ServerContext;

// GET /rooms (member counts from the Pusher channels API, or webhook occupancy when that cannot
// be asked), POST /pusher/webhooks, and the public GET /config and GET /healthz.
class RoomRoutes
{
public:
    explicit RoomRoutes(ServerContext &context);

    void list(const ExchangePtr &exchange);
    void webhook(const ExchangePtr &exchange);
    void config(const ExchangePtr &exchange);
    void health(const ExchangePtr &exchange);

private:
    ServerContext &m_context;
};
