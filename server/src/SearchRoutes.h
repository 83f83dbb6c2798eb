#pragma once

#include "HttpExchange.h"

struct ServerContext;

// GET /rooms/R/messages/search?q=...&limit=N&before=ID: full-text search of a room's history
// (MessageSearch), newest first, each hit with a plain-text snippet.
class SearchRoutes
{
public:
    static constexpr int DefaultLimit = 20;
    static constexpr int MaxLimit = 100;
    static constexpr int MaxQueryLength = 200;

    explicit SearchRoutes(ServerContext &context);

    void search(const ExchangePtr &exchange, const QString &room);

private:
    void answer(const ExchangePtr &exchange, const QString &room);

    ServerContext &m_context;
};
