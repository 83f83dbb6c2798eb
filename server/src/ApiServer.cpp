#include "ApiServer.h"

#include "Log.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using Method = QHttpServerRequest::Method;

ApiServer::ApiServer(ServerContext &context, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_sessions(context)
    , m_channelAuth(context)
    , m_messages(context)
    , m_debug(context)
    , m_rooms(context, m_debug)
    , m_search(context)
    , m_messageEdits(context)
{
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_inFlight;
    // Guarded: an exchange still held by a pending Pusher reply may outlive this server at exit.
    auto exchange = std::make_shared<HttpExchange>(request, makeResponder(request, socket), socket,
                                                   [self = QPointer<ApiServer>(this)] {
                                                       if (self)
                                                           self->finished();
                                                   });
    if (m_draining) {
        // A keep-alive connection sent another request after SIGTERM.
        exchange->sendError(503, QStringLiteral("unavailable"),
                            QStringLiteral("The server is shutting down."),
                            {{"Connection", "close"}});
        return true;
    }
    if (exchange->body().size() > MaxBodyBytes) {
        exchange->sendError(413, QStringLiteral("too_large"),
                            QStringLiteral("The request body is too large."));
        return true;
    }
    dispatch(exchange);
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest answers every request.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

void ApiServer::dispatch(const ExchangePtr &exchange)
{
    const QString &path = exchange->path();
    const Method method = exchange->method();
    auto notAllowed = [&exchange] {
        exchange->sendError(405, QStringLiteral("bad_request"),
                            QStringLiteral("This method is not allowed here."));
    };
    if (path == QLatin1String("/healthz")) {
        method == Method::Get ? m_rooms.health(exchange) : notAllowed();
    } else if (path == QLatin1String("/config")) {
        method == Method::Get ? m_rooms.config(exchange) : notAllowed();
    } else if (path == QLatin1String("/session")) {
        if (method == Method::Post)
            m_sessions.login(exchange);
        else if (method == Method::Get)
            m_sessions.current(exchange);
        else if (method == Method::Delete)
            m_sessions.logout(exchange);
        else
            notAllowed();
    } else if (path == QLatin1String("/pusher/auth")) {
        method == Method::Post ? m_channelAuth.channelAuth(exchange) : notAllowed();
    } else if (path == QLatin1String("/pusher/user-auth")) {
        method == Method::Post ? m_channelAuth.userAuth(exchange) : notAllowed();
    } else if (path == QLatin1String("/pusher/webhooks")) {
        method == Method::Post ? m_rooms.webhook(exchange) : notAllowed();
    } else if (path == QLatin1String("/debug")) {
        method == Method::Get ? m_debug.status(exchange) : notAllowed();
    } else if (path == QLatin1String("/debug/events")) {
        method == Method::Post ? m_debug.trigger(exchange) : notAllowed();
    } else if (path == QLatin1String("/rooms")) {
        method == Method::Get ? m_rooms.list(exchange) : notAllowed();
    } else if (path.startsWith(QLatin1String("/rooms/"))
               && path.endsWith(QLatin1String("/messages")) && path.count(QLatin1Char('/')) == 3) {
        const QString room = path.section(QLatin1Char('/'), 2, 2);
        if (method == Method::Post)
            m_messages.post(exchange, room);
        else if (method == Method::Get)
            m_messages.history(exchange, room);
        else
            notAllowed();
    } else if (path.startsWith(QLatin1String("/rooms/"))
               && path.endsWith(QLatin1String("/messages/search"))
               && path.count(QLatin1Char('/')) == 4) {
        method == Method::Get ? m_search.search(exchange, path.section(QLatin1Char('/'), 2, 2))
                              : notAllowed();
    } else if (path.startsWith(QLatin1String("/rooms/"))
               && path.section(QLatin1Char('/'), 3, 3) == QLatin1String("messages")
               && path.count(QLatin1Char('/')) == 4) {
        const QString room = path.section(QLatin1Char('/'), 2, 2);
        const QString id = path.section(QLatin1Char('/'), 4, 4);
        if (method == Method::Patch)
            m_messageEdits.edit(exchange, room, id);
        else if (method == Method::Delete)
            m_messageEdits.remove(exchange, room, id);
        else
            notAllowed();
    } else {
        exchange->sendError(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
    }
}

void ApiServer::finished()
{
    --m_inFlight;
    if (m_draining && m_inFlight == 0)
        QTimer::singleShot(0, this, &ApiServer::drained); // after the answer is written
}

void ApiServer::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    for (QTcpServer *server : servers())
        server->close();
    qCInfo(lcServer) << "stopping;" << m_inFlight << "request(s) in flight";
    if (m_inFlight == 0)
        QTimer::singleShot(0, this, &ApiServer::drained);
}
