#pragma once

#include "HttpExchange.h"

struct ServerContext;

// POST /session (log in by name), GET /session (resume), DELETE /session (log out).
class SessionRoutes
{
public:
    explicit SessionRoutes(const ServerContext &context);

    void login(const ExchangePtr &exchange);
    void current(const ExchangePtr &exchange);
    void logout(const ExchangePtr &exchange);

    // Trimmed; 1-32 letters, digits, '_' or '-' (app/chat UserName's rule).
    static bool validName(const QString &name);

private:
    const ServerContext &m_context;
};
