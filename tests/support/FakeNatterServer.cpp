#include "FakeNatterServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

FakeNatterServer::FakeNatterServer(QObject *parent)
    : QObject(parent)
{
    m_http.setHandler([this](const FakeHttpServer::Request &r) { return handle(r); });
}

FakeHttpServer::Response FakeNatterServer::error(int status, const QString &code,
                                                 const QString &text)
{
    return FakeHttpServer::Response::json(
        compact({{QStringLiteral("error"), text}, {QStringLiteral("code"), code}}), status);
}

QString FakeNatterServer::addSession(const QString &name)
{
    const QString token = QStringLiteral("token-%1").arg(m_nextToken++);
    m_sessions.insert(token,
                      {QStringLiteral("u_%1").arg(m_nextUser++, 16, 10, QLatin1Char('0')), name});
    return token;
}

std::optional<FakeNatterServer::Session> FakeNatterServer::sessionOf(
    const FakeHttpServer::Request &request) const
{
    const QByteArray h = request.header("Authorization");
    if (!h.startsWith("Bearer "))
        return std::nullopt;
    const auto it = m_sessions.constFind(QString::fromUtf8(h.mid(7)));
    if (it == m_sessions.constEnd())
        return std::nullopt;
    return *it;
}

QJsonObject FakeNatterServer::storeMessage(const QString &room, const QString &userName,
                                           const QString &text, const QString &clientId)
{
    QString userId;
    for (const Session &s : std::as_const(m_sessions)) {
        if (s.name == userName)
            userId = s.userId;
    }
    if (userId.isEmpty())
        userId = QStringLiteral("u_%1").arg(userName);
    const qint64 id = m_nextId++;
    QJsonObject m{
        {QStringLiteral("id"), double(id)},
        {QStringLiteral("room"), room},
        {QStringLiteral("client_id"),
         clientId.isEmpty() ? QStringLiteral("c-%1").arg(id) : clientId},
        {QStringLiteral("text"), text},
        {QStringLiteral("sent_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), userId}, {QStringLiteral("name"), userName}}}};
    m_messages.append(m);
    return m;
}

QList<QJsonObject> FakeNatterServer::messages(const QString &room) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &m : m_messages) {
        if (m.value(QLatin1String("room")).toString() == room)
            out.append(m);
    }
    return out;
}

FakeHttpServer::Response FakeNatterServer::handle(const FakeHttpServer::Request &r)
{
    const QString path = QUrl::fromPercentEncoding(r.path);
    const QString method = QString::fromLatin1(r.method);
    m_counts[method + u' ' + path]++;
    if (down)
        return FakeHttpServer::Response::text("Service Unavailable", 503);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();

    if (method == QLatin1String("GET") && path == QLatin1String("/config")) {
        return FakeHttpServer::Response::json(
            compact({{QStringLiteral("app_key"), appKey},
                     {QStringLiteral("ws_host"), wsHost},
                     {QStringLiteral("ws_port"), wsPort},
                     {QStringLiteral("tls"), false},
                     {QStringLiteral("cluster"), QString()},
                     {QStringLiteral("auth_endpoint"), QStringLiteral("/pusher/auth")},
                     {QStringLiteral("user_auth_endpoint"), QStringLiteral("/pusher/user-auth")},
                     {QStringLiteral("batch_auth"), true},
                     {QStringLiteral("join_password_required"), !joinPassword.isEmpty()},
                     {QStringLiteral("max_message_length"), 2000},
                     {QStringLiteral("rooms"), QJsonArray{QStringLiteral("lobby")}}}));
    }
    if (path == QLatin1String("/session")) {
        if (method == QLatin1String("POST")) {
            const QString name = body.value(QLatin1String("name")).toString().trimmed();
            static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
            if (!valid.match(name).hasMatch())
                return error(400, QStringLiteral("bad_name"),
                             QStringLiteral("A name has 1 to 32 letters, digits, _ or -."));
            if (!joinPassword.isEmpty()
                && body.value(QLatin1String("password")).toString() != joinPassword)
                return error(401, QStringLiteral("bad_password"),
                             QStringLiteral("The join password is wrong."));
            for (const Session &s : std::as_const(m_sessions)) {
                if (s.name.compare(name, Qt::CaseInsensitive) == 0)
                    return error(409, QStringLiteral("name_taken"),
                                 QStringLiteral("Someone called %1 is online.").arg(name));
            }
            const QString token = addSession(name);
            const Session s = m_sessions.value(token);
            return FakeHttpServer::Response::json(
                compact({{QStringLiteral("token"), token},
                         {QStringLiteral("user"),
                          QJsonObject{{QStringLiteral("id"), s.userId},
                                      {QStringLiteral("name"), s.name}}},
                         {QStringLiteral("expires_at"), QStringLiteral("2030-01-01T00:00:00Z")}}),
                201);
        }
        const std::optional<Session> s = sessionOf(r);
        if (!s)
            return error(401, QStringLiteral("unauthorized"), QStringLiteral("Log in first."));
        if (method == QLatin1String("DELETE")) {
            m_sessions.remove(QString::fromUtf8(r.header("Authorization").mid(7)));
            FakeHttpServer::Response ok;
            ok.status = 204;
            return ok;
        }
        return FakeHttpServer::Response::json(compact(
            {{QStringLiteral("user"),
              QJsonObject{{QStringLiteral("id"), s->userId}, {QStringLiteral("name"), s->name}}},
             {QStringLiteral("expires_at"), QStringLiteral("2030-01-01T00:00:00Z")}}));
    }
    if (method == QLatin1String("POST") && path == QLatin1String("/pusher/auth")) {
        const std::optional<Session> s = sessionOf(r);
        if (!s)
            return error(401, QStringLiteral("unauthorized"), QStringLiteral("Log in first."));
        const QJsonObject data{
            {QStringLiteral("user_id"), s->userId},
            {QStringLiteral("user_info"), QJsonObject{{QStringLiteral("name"), s->name}}}};
        const QString channelData = QString::fromUtf8(compact(data));
        if (!r.formValue(QStringLiteral("channel_name[0]")).isEmpty()) {
            // Batched (pusher-js-auth format): one answer per channel.
            ++batchedAuthRequests;
            QJsonObject answer;
            for (int i = 0;; ++i) {
                const QString channel = r.formValue(QStringLiteral("channel_name[%1]").arg(i));
                if (channel.isEmpty())
                    break;
                authRequests.append(channel);
                if (!channel.startsWith(QLatin1String("presence-"))) {
                    answer.insert(channel, QJsonObject{{QStringLiteral("status"), 403}});
                    continue;
                }
                answer.insert(
                    channel,
                    QJsonObject{{QStringLiteral("status"), 200},
                                {QStringLiteral("data"),
                                 QJsonObject{{QStringLiteral("auth"),
                                              appKey + QStringLiteral(":fake-signature")},
                                             {QStringLiteral("channel_data"), channelData}}}});
            }
            return FakeHttpServer::Response::json(compact(answer));
        }
        authRequests.append(r.formValue(QStringLiteral("channel_name")));
        const QString channel = r.formValue(QStringLiteral("channel_name"));
        if (!channel.startsWith(QLatin1String("presence-")))
            return error(403, QStringLiteral("forbidden"), QStringLiteral("Not a room."));
        return FakeHttpServer::Response::json(
            compact({{QStringLiteral("auth"), appKey + QStringLiteral(":fake-signature")},
                     {QStringLiteral("channel_data"), channelData}}));
    }
    static const QRegularExpression roomPath(
        QStringLiteral("^/rooms/([A-Za-z0-9_-]{1,40})/messages$"));
    const QRegularExpressionMatch match = roomPath.match(path);
    if (match.hasMatch()) {
        const QString room = match.captured(1);
        const std::optional<Session> s = sessionOf(r);
        if (!s)
            return error(401, QStringLiteral("unauthorized"), QStringLiteral("Log in first."));
        if (method == QLatin1String("POST")) {
            if (!nextPostAnswers.isEmpty())
                return nextPostAnswers.takeFirst();
            const QString text = body.value(QLatin1String("text")).toString();
            const QString clientId = body.value(QLatin1String("client_id")).toString();
            if (text.trimmed().isEmpty())
                return error(400, QStringLiteral("bad_request"), QStringLiteral("Say something."));
            if (text.size() > 2000)
                return error(413, QStringLiteral("too_large"),
                             QStringLiteral("At most 2000 characters."));
            for (const QJsonObject &m : std::as_const(m_messages)) {
                if (m.value(QLatin1String("client_id")).toString() == clientId)
                    return FakeHttpServer::Response::json(compact(m), 200);
            }
            const QJsonObject m = storeMessage(room, s->name, text, clientId);
            if (pusherDown)
                return FakeHttpServer::Response::json(
                    compact({{QStringLiteral("error"), QStringLiteral("Pusher is down.")},
                             {QStringLiteral("code"), QStringLiteral("pusher_unavailable")},
                             {QStringLiteral("message"), m}}),
                    502);
            emit messageStored(room, m, body.value(QLatin1String("socket_id")).toString());
            auto created = FakeHttpServer::Response::json(compact(m), 201);
            created.delayMs = postDelayMs;
            return created;
        }
        const qint64 after = r.queryValue(QStringLiteral("after")).toLongLong();
        const qint64 before = r.queryValue(QStringLiteral("before")).toLongLong();
        const int limit = qBound(1, r.queryValue(QStringLiteral("limit")).toInt(), 200);
        m_historyQueries.append(after > 0        ? QStringLiteral("after=%1").arg(after)
                                    : before > 0 ? QStringLiteral("before=%1").arg(before)
                                                 : QStringLiteral("newest"));
        const QList<QJsonObject> all = messages(room);
        QList<QJsonObject> page;
        bool hasMore = false;
        if (after > 0) {
            for (const QJsonObject &m : all) {
                if (m.value(QLatin1String("id")).toInteger() <= after)
                    continue;
                if (page.size() == limit) {
                    hasMore = true;
                    break;
                }
                page.append(m);
            }
        } else {
            QList<QJsonObject> older;
            for (const QJsonObject &m : all) {
                if (before <= 0 || m.value(QLatin1String("id")).toInteger() < before)
                    older.append(m);
            }
            hasMore = older.size() > limit;
            page = older.mid(qMax<qsizetype>(0, older.size() - limit));
        }
        QJsonArray list;
        for (const QJsonObject &m : std::as_const(page))
            list.append(m);
        return FakeHttpServer::Response::json(
            compact({{QStringLiteral("messages"), list}, {QStringLiteral("has_more"), hasMore}}));
    }
    return error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
}
