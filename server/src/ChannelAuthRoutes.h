#pragma once

#include "HttpExchange.h"
#include "SessionStore.h"

#include <QJsonObject>

struct ServerContext;

// POST /pusher/auth (one channel, or a batch in the pusher-js-auth format) and
// POST /pusher/user-auth. Only presence-R and private-R of existing rooms are signed, always with
// the session's own user id and name, so nobody can appear as someone else.
class ChannelAuthRoutes
{
public:
    static constexpr int MaxBatch = 100;

    explicit ChannelAuthRoutes(const ServerContext &context);

    void channelAuth(const ExchangePtr &exchange);
    void userAuth(const ExchangePtr &exchange);

private:
    struct Outcome
    {
        int status = 200;
        QJsonObject body; // {auth[, channel_data]} or {error, code}
    };
    // The answers once the session is known.
    void answerChannelAuth(const ExchangePtr &exchange, const Session &session);
    void answerUserAuth(const ExchangePtr &exchange, const Session &session);
    Outcome authorize(const Session &session, const QString &socketId, const QString &channel) const;

    const ServerContext &m_context;
};
