#include "SearchRoutes.h"

#include "MessageSearch.h"
#include "ServerContext.h"

#include <QJsonArray>

SearchRoutes::SearchRoutes(ServerContext &context)
    : m_context(context)
{
}

void SearchRoutes::search(const ExchangePtr &exchange, const QString &room)
{
    m_context.authenticate(exchange, [this, exchange, room](const Session &) {
        if (!ServerContext::validRoomName(room)) {
            exchange->sendError(
                400, QStringLiteral("bad_request"),
                QStringLiteral("A room name is 1 to 40 letters, digits, '-' or '_'."));
            return;
        }
        if (!m_context.roomExists(room)) {
            exchange->sendError(404, QStringLiteral("not_found"),
                                QStringLiteral("This server has no room %1.").arg(room));
            return;
        }
        answer(exchange, room);
    });
}

void SearchRoutes::answer(const ExchangePtr &exchange, const QString &room)
{
    const QUrlQuery &query = exchange->query();
    const QString q = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    if (q.trimmed().isEmpty() || q.size() > MaxQueryLength) {
        exchange->sendError(
            400, QStringLiteral("bad_request"),
            QStringLiteral("q is the text to search for, 1 to %1 characters.").arg(MaxQueryLength));
        return;
    }
    auto number = [&query](const char *name, qint64 *out) {
        if (!query.hasQueryItem(QLatin1String(name)))
            return true;
        bool ok = false;
        *out = query.queryItemValue(QLatin1String(name)).toLongLong(&ok);
        return ok && *out >= 0;
    };
    qint64 limit = DefaultLimit, before = 0;
    if (!number("limit", &limit) || !number("before", &before) || limit < 1 || limit > MaxLimit) {
        exchange->sendError(
            400, QStringLiteral("bad_request"),
            QStringLiteral("before is a message id; limit is 1 to %1.").arg(MaxLimit));
        return;
    }
    const QStringList terms = MessageSearch::terms(q);
    using Result = std::optional<MessageSearch::Result>;
    m_context.query<Result>(
        [room, terms, before, limit](Stores &stores) {
            return MessageSearch(stores.db).find(room, terms, before, int(limit));
        },
        [this, exchange](Result result) {
            if (!result) {
                m_context.databaseUnavailable(*exchange);
                return;
            }
            QJsonArray list;
            for (const MessageSearch::Hit &hit : std::as_const(result->hits)) {
                QJsonObject m = hit.message.toJson();
                m.insert(QStringLiteral("snippet"), hit.snippet);
                list.append(m);
            }
            exchange->sendJson(200,
                               {{QStringLiteral("messages"), list},
                                {QStringLiteral("has_more"), result->hasMore}});
        });
}
