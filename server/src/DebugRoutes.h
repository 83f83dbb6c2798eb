#pragma once

#include "HttpExchange.h"

#include <QJsonArray>

struct ServerContext;
struct Session;

// The server-wide view of Natter's Developer tools, for the users named in --debug-users:
// GET /debug says whether the caller is one (and where the feed is), POST /debug/events triggers
// an event on any channel through the server's own Pusher credentials (the Event creator's
// "Send as natter-server"), and republish() puts the Pusher webhooks the server receives on the
// private debug channel, which /pusher/auth signs only for those users.
class DebugRoutes
{
public:
    // Webhook events republished on the debug channel, by Pusher's names.
    static const QStringList RepublishedEvents;

    explicit DebugRoutes(ServerContext &context);

    void status(const ExchangePtr &exchange);
    void trigger(const ExchangePtr &exchange);

    // Called with a verified webhook's events; a no-op without debug users. Events about the
    // debug channel itself are left out (a subscriber would otherwise feed its own feed).
    void republish(const QJsonArray &events, qint64 timeMs);

private:
    void answerTrigger(const ExchangePtr &exchange, const Session &session);

    ServerContext &m_context;
};
