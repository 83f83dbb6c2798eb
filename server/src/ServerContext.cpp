#include "ServerContext.h"

#include "ServerConfig.h"
#include "SessionStore.h"

#include <QRegularExpression>

namespace {
struct Lookup
{
    std::optional<Session> session;
    bool error = false;
};

void unauthorized(HttpExchange &exchange, const QString &message)
{
    exchange.sendError(401, QStringLiteral("unauthorized"), message,
                       {{"WWW-Authenticate", "Bearer"}});
}
} // namespace

void ServerContext::authenticate(const ExchangePtr &exchange,
                                 std::function<void(const Session &)> next) const
{
    const QString token = exchange->bearerToken();
    if (token.isEmpty()) {
        unauthorized(*exchange, QStringLiteral("Log in first: this needs a session token."));
        return;
    }
    query<Lookup>(
        [token](Stores &stores) {
            Lookup lookup;
            lookup.session = stores.sessions.find(token, &lookup.error);
            return lookup;
        },
        [this, exchange, next = std::move(next)](Lookup lookup) {
            if (lookup.error) {
                databaseUnavailable(*exchange);
                return;
            }
            if (!lookup.session) {
                unauthorized(*exchange,
                             QStringLiteral("The session has expired or was ended; log in again."));
                return;
            }
            next(*lookup.session);
        });
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

bool ServerContext::isDebugUser(const Session &session) const
{
    return config.debugUsers.contains(session.name, Qt::CaseInsensitive);
}

void ServerContext::databaseUnavailable(HttpExchange &exchange) const
{
    exchange.sendError(503, QStringLiteral("unavailable"),
                       QStringLiteral("The server's database is unavailable; try again shortly."));
}
