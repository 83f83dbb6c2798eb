#include "ServerContext.h"

#include "ServerConfig.h"

#include <QRegularExpression>

std::optional<Session> ServerContext::authenticate(HttpExchange &exchange) const
{
    const QString token = exchange.bearerToken();
    bool error = false;
    std::optional<Session> session = token.isEmpty() ? std::nullopt : sessions.find(token, &error);
    if (error) {
        databaseUnavailable(exchange);
        return std::nullopt;
    }
    if (!session) {
        exchange.sendError(
            401, QStringLiteral("unauthorized"),
            token.isEmpty() ? QStringLiteral("Log in first: this needs a session token.")
                            : QStringLiteral("The session has expired or was ended; log in again."),
            {{"WWW-Authenticate", "Bearer"}});
    }
    return session;
}

bool ServerContext::validRoomName(const QString &room)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    return re.match(room).hasMatch();
}

bool ServerContext::roomExists(const QString &room) const
{
    return validRoomName(room) && (config.rooms.isEmpty() || config.rooms.contains(room));
}

void ServerContext::databaseUnavailable(HttpExchange &exchange) const
{
    exchange.sendError(503, QStringLiteral("unavailable"),
                       QStringLiteral("The server's database is unavailable; try again shortly."));
}
