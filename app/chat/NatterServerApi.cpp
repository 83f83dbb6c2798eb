#include "NatterServerApi.h"

#include "LogChat.h"

#include <pusher/SameOriginRedirects.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace natter::chat {

using natter::pusher::SameOriginRedirects;

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

bool isTlsError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::SslHandshakeFailedError;
}
} // namespace

bool NatterServerApi::Failure::isTransient() const
{
    if (error == Error::Unreachable)
        return true;
    return status == 408 || status == 429 || status >= 500;
}

natter::pusher::ConnectionOptions NatterServerApi::Config::connectionOptions() const
{
    natter::pusher::ConnectionOptions o;
    o.key = appKey;
    if (!cluster.isEmpty() && wsHost.isEmpty()) {
        o.cluster = cluster;
        o.tls = true;
        return o;
    }
    o.host = wsHost;
    o.port = wsPort;
    o.tls = tls;
    return o;
}

NatterServerApi::NatterServerApi(QNetworkAccessManager *network, const QUrl &serverUrl,
                                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_serverUrl(serverUrl)
{
}

NatterServerApi::~NatterServerApi() = default;

QString NatterServerApi::validateServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("The server address is not a URL with a host.");
    if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        return tr("The server address must start with https:// or http://.");
    return {};
}

QUrl NatterServerApi::endpoint(const QString &path) const
{
    QUrl url = m_serverUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    const int q = int(path.indexOf(u'?'));
    url.setPath(base + (q < 0 ? path : path.left(q)));
    url.setQuery(q < 0 ? QString() : path.mid(q + 1));
    url.setFragment({});
    return url;
}

void NatterServerApi::setCaBundlePath(const QString &path)
{
    m_caBundle = natter::pusher::CaBundle(path);
}

QByteArray NatterServerApi::authorizationHeader() const
{
    return QByteArrayLiteral("Bearer ") + m_token.toUtf8();
}

void NatterServerApi::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                              bool authenticated,
                              std::function<void(const Failure &, int, const QJsonObject &)> done)
{
    const QUrl url = endpoint(path);
    QNetworkRequest r(url);
    r.setRawHeader("Accept", "application/json");
    if (!body.isNull())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (authenticated)
        r.setRawHeader("Authorization", authorizationHeader());
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_caBundle.applyTo(r);
    SameOriginRedirects::prepare(r);
    QNetworkReply *reply = m_network->sendCustomRequest(r, verb, body);
    auto refused = std::make_shared<QUrl>();
    SameOriginRedirects::guard(reply, [refused](const QUrl &target) { *refused = target; });
    auto timedOut = std::make_shared<bool>(false);
    if (m_timeoutMs > 0) {
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
            *timedOut = true;
            reply->abort();
        });
        timer->start(m_timeoutMs);
    }
    const QString what = QString::fromLatin1(verb) + u' ' + url.path();
    // Our destruction drops the answer: the callbacks capture state that may be gone.
    connect(this, &QObject::destroyed, reply, [reply] {
        reply->abort();
        reply->deleteLater();
    });
    const QPointer<NatterServerApi> self(this);
    connect(reply, &QNetworkReply::finished, this,
            [self, reply, refused, timedOut, what, done = std::move(done)] {
                reply->deleteLater();
                if (!self)
                    return;
                Failure f;
                const QVariant statusAttribute = reply->attribute(
                    QNetworkRequest::HttpStatusCodeAttribute);
                if (!refused->isEmpty()) {
                    f.error = Error::BadResponse;
                    f.message = tr("The server redirected to another site (%1); not followed.")
                                    .arg(refused->host());
                } else if (*timedOut) {
                    f.error = Error::Unreachable;
                    f.message = tr("The server did not answer in time.");
                } else if (!statusAttribute.isValid()) {
                    f.error = isTlsError(reply->error()) ? Error::Tls : Error::Unreachable;
                    f.message = reply->errorString();
                }
                if (!f.ok()) {
                    qCInfo(lcChat) << what << "failed:" << f.error << f.message;
                    done(f, 0, {});
                    return;
                }
                const int status = statusAttribute.toInt();
                const QByteArray data = reply->readAll();
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
                const QJsonObject json = doc.object();
                qCDebug(lcChat) << what << status;
                if (status >= 200 && status < 300) {
                    if (status != 204 && !doc.isObject()) {
                        f.error = Error::BadResponse;
                        f.status = status;
                        f.message = tr("The server's answer is not JSON.");
                    }
                    done(f, status, json);
                    return;
                }
                f.status = status;
                f.code = json.value(QLatin1String("code")).toString();
                f.message = json.value(QLatin1String("error")).toString();
                if (status == 429)
                    f.retryAfterSecs = reply->rawHeader("Retry-After").toInt();
                if (f.code == QLatin1String("bad_name"))
                    f.error = Error::BadName;
                else if (f.code == QLatin1String("name_taken"))
                    f.error = Error::NameTaken;
                else if (f.code == QLatin1String("bad_password"))
                    f.error = Error::BadPassword;
                else if (status == 401)
                    f.error = Error::Unauthorized;
                else if (status >= 500 && f.code != QLatin1String("pusher_unavailable"))
                    f.error = Error::Unreachable;
                else
                    f.error = Error::Other;
                if (f.message.isEmpty())
                    f.message = tr("The server answered HTTP %1.").arg(status);
                qCInfo(lcChat) << what << "refused:" << status << f.code;
                done(f, status, json);
            });
}

void NatterServerApi::fetchConfig(Callback<Config> done)
{
    request(
        "GET", QStringLiteral("/config"), {}, false,
        [this, done](const Failure &failure, int, const QJsonObject &json) {
            Config c;
            if (!failure.ok()) {
                done(failure, c);
                return;
            }
            c.appKey = json.value(QLatin1String("app_key")).toString();
            c.wsHost = json.value(QLatin1String("ws_host")).toString();
            c.wsPort = json.value(QLatin1String("ws_port")).toInt();
            c.tls = json.value(QLatin1String("tls")).toBool();
            c.cluster = json.value(QLatin1String("cluster")).toString();
            c.authEndpoint = endpoint(
                json.value(QLatin1String("auth_endpoint")).toString(QStringLiteral("/pusher/auth")));
            const QString user = json.value(QLatin1String("user_auth_endpoint")).toString();
            if (!user.isEmpty())
                c.userAuthEndpoint = endpoint(user);
            c.batchAuth = json.value(QLatin1String("batch_auth")).toBool();
            c.joinPasswordRequired = json.value(QLatin1String("join_password_required")).toBool();
            c.maxMessageLength = json.value(QLatin1String("max_message_length")).toInt(2000);
            for (const QJsonValue &r : json.value(QLatin1String("rooms")).toArray())
                c.rooms.append(r.toString());
            if (c.appKey.isEmpty() || (c.wsHost.isEmpty() && c.cluster.isEmpty())
                || (!c.wsHost.isEmpty() && (c.wsPort <= 0 || c.wsPort > 65535))) {
                Failure f;
                f.error = Error::BadResponse;
                f.status = 200;
                f.message = tr("The server's configuration has no usable app key or host.");
                done(f, c);
                return;
            }
            done(failure, c);
        });
}

namespace {
std::optional<NatterServerApi::Session> parseSession(const QJsonObject &json)
{
    const QJsonObject user = json.value(QLatin1String("user")).toObject();
    NatterServerApi::Session s;
    s.token = json.value(QLatin1String("token")).toString();
    s.userId = user.value(QLatin1String("id")).toString();
    s.userName = user.value(QLatin1String("name")).toString();
    s.expiresAt = parseTime(json.value(QLatin1String("expires_at")).toString());
    if (s.userId.isEmpty() || s.userName.isEmpty())
        return std::nullopt;
    return s;
}
} // namespace

void NatterServerApi::createSession(const QString &name, const QString &password,
                                    Callback<Session> done)
{
    QJsonObject body{{QStringLiteral("name"), name}};
    if (!password.isEmpty())
        body.insert(QStringLiteral("password"), password);
    request("POST", QStringLiteral("/session"), compact(body), false,
            [this, done](const Failure &failure, int, const QJsonObject &json) {
                if (!failure.ok()) {
                    done(failure, {});
                    return;
                }
                const std::optional<Session> s = parseSession(json);
                if (!s || s->token.isEmpty()) {
                    Failure f;
                    f.error = Error::BadResponse;
                    f.status = 201;
                    f.message = tr("The server's session answer has no token or user.");
                    done(f, {});
                    return;
                }
                m_token = s->token;
                done(failure, *s);
            });
}

void NatterServerApi::fetchDebugChannel(Callback<QString> done)
{
    request("GET", QStringLiteral("/debug"), {}, true,
            [done](const Failure &failure, int, const QJsonObject &json) {
                const QString channel = json.value(QLatin1String("channel")).toString();
                if (failure.ok() && channel.isEmpty()) {
                    Failure f;
                    f.error = Error::BadResponse;
                    f.status = 200;
                    f.message = tr("The server's debug answer names no channel.");
                    done(f, {});
                    return;
                }
                done(failure, failure.ok() ? channel : QString());
            });
}

void NatterServerApi::triggerDebugEvent(const QString &channel, const QString &event,
                                        const QString &data, const QString &socketId,
                                        std::function<void(const Failure &)> done)
{
    QJsonObject body{{QStringLiteral("channel"), channel},
                     {QStringLiteral("event"), event},
                     {QStringLiteral("data"), data}};
    if (!socketId.isEmpty())
        body.insert(QStringLiteral("socket_id"), socketId);
    request("POST", QStringLiteral("/debug/events"),
            QJsonDocument(body).toJson(QJsonDocument::Compact), true,
            [done](const Failure &failure, int, const QJsonObject &) { done(failure); });
}

void NatterServerApi::resumeSession(Callback<Session> done)
{
    if (m_token.isEmpty()) {
        Failure f;
        f.error = Error::Unauthorized;
        f.message = tr("There is no session to resume.");
        // Asynchronous like every other answer.
        QMetaObject::invokeMethod(
            this, [done, f] { done(f, {}); }, Qt::QueuedConnection);
        return;
    }
    request("GET", QStringLiteral("/session"), {}, true,
            [done](const Failure &failure, int, const QJsonObject &json) {
                if (!failure.ok()) {
                    done(failure, {});
                    return;
                }
                const std::optional<Session> s = parseSession(json);
                if (!s) {
                    Failure f;
                    f.error = Error::BadResponse;
                    f.status = 200;
                    f.message = tr("The server's session answer has no user.");
                    done(f, {});
                    return;
                }
                done(failure, *s);
            });
}

void NatterServerApi::deleteSession(std::function<void(const Failure &)> done)
{
    if (m_token.isEmpty()) {
        if (done)
            QMetaObject::invokeMethod(
                this, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    request("DELETE", QStringLiteral("/session"), {}, true,
            [done](const Failure &failure, int, const QJsonObject &) {
                if (done)
                    done(failure);
            });
    m_token.clear();
}

std::optional<ChatMessage> NatterServerApi::parseMessage(const QJsonObject &o)
{
    const QJsonValue idValue = o.value(QLatin1String("id"));
    // toInteger: a JSON number outside qint64 (1e300) is no id, and converting it is undefined.
    const qint64 id = idValue.toInteger(0);
    const QJsonObject user = o.value(QLatin1String("user")).toObject();
    ChatMessage m;
    m.serverId = id;
    const QString clientId = o.value(QLatin1String("client_id")).toString();
    m.id = clientId.isEmpty() ? QStringLiteral("srv-%1").arg(id) : clientId;
    m.room = o.value(QLatin1String("room")).toString();
    m.text = o.value(QLatin1String("text")).toString();
    m.sentAt = parseTime(o.value(QLatin1String("sent_at")).toString());
    m.senderId = user.value(QLatin1String("id")).toString();
    m.senderName = user.value(QLatin1String("name")).toString();
    // The server stamps who said it from the sender's session: no client claims it.
    m.senderVerified = true;
    m.state = ChatMessage::State::Received;
    if (id <= 0 || m.senderId.isEmpty() || !o.value(QLatin1String("text")).isString())
        return std::nullopt;
    if (m.senderName.isEmpty())
        m.senderName = m.senderId;
    if (!m.sentAt.isValid())
        m.sentAt = QDateTime::currentDateTimeUtc();
    m.replyTo = o.value(QLatin1String("reply_to")).toString().left(100);
    // Edited / deleted by the author (both absent on a message never changed).
    if (o.contains(QLatin1String("edited_at")))
        m.editedAt = parseTime(o.value(QLatin1String("edited_at")).toString());
    m.deleted = o.value(QLatin1String("deleted")).toBool();
    if (m.deleted)
        m.text.clear();
    return m;
}

void NatterServerApi::postMessage(
    const QString &room, const QString &text, const QString &clientId, const QString &socketId,
    std::function<void(const Failure &, const std::optional<ChatMessage> &)> done)
{
    postMessage(room, text, clientId, socketId, {}, std::move(done));
}

void NatterServerApi::postMessage(
    const QString &room, const QString &text, const QString &clientId, const QString &socketId,
    const QString &replyTo,
    std::function<void(const Failure &, const std::optional<ChatMessage> &)> done)
{
    QJsonObject body{{QStringLiteral("text"), text}, {QStringLiteral("client_id"), clientId}};
    if (!replyTo.isEmpty())
        body.insert(QStringLiteral("reply_to"), replyTo);
    if (!socketId.isEmpty())
        body.insert(QStringLiteral("socket_id"), socketId);
    const QString path = QStringLiteral("/rooms/%1/messages")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(room)));
    request("POST", path, compact(body), true,
            [done](const Failure &failure, int status, const QJsonObject &json) {
                if (failure.ok()) {
                    std::optional<ChatMessage> m = parseMessage(json);
                    if (!m) {
                        Failure f;
                        f.error = Error::BadResponse;
                        f.status = status;
                        f.message = tr("The server's answer is not a message.");
                        done(f, std::nullopt);
                        return;
                    }
                    done(failure, m);
                    return;
                }
                // 502 pusher_unavailable: stored, delivered later by the server's retry.
                std::optional<ChatMessage> stored;
                if (json.value(QLatin1String("message")).isObject())
                    stored = parseMessage(json.value(QLatin1String("message")).toObject());
                done(failure, stored);
            });
}

void NatterServerApi::fetchMessages(const QString &room, qint64 afterId, qint64 beforeId, int limit,
                                    Callback<Page> done)
{
    QUrlQuery query;
    if (afterId > 0)
        query.addQueryItem(QStringLiteral("after"), QString::number(afterId));
    else if (beforeId > 0)
        query.addQueryItem(QStringLiteral("before"), QString::number(beforeId));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    const QString path = QStringLiteral("/rooms/%1/messages?%2")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(room)),
                                  query.toString(QUrl::FullyEncoded));
    request("GET", path, {}, true,
            [done](const Failure &failure, int status, const QJsonObject &json) {
                Page page;
                if (!failure.ok()) {
                    done(failure, page);
                    return;
                }
                const QJsonValue list = json.value(QLatin1String("messages"));
                if (!list.isArray()) {
                    Failure f;
                    f.error = Error::BadResponse;
                    f.status = status;
                    f.message = tr("The server's history answer has no messages.");
                    done(f, page);
                    return;
                }
                for (const QJsonValue &v : list.toArray()) {
                    if (std::optional<ChatMessage> m = parseMessage(v.toObject()))
                        page.messages.append(*m);
                }
                std::sort(page.messages.begin(), page.messages.end(),
                          [](const ChatMessage &a, const ChatMessage &b) {
                              return a.serverId < b.serverId;
                          });
                page.hasMore = json.value(QLatin1String("has_more")).toBool();
                done(failure, page);
            });
}

void NatterServerApi::searchMessages(const QString &room, const QString &query, int limit,
                                     qint64 beforeId, Callback<SearchPage> done)
{
    QUrlQuery params;
    // Encoded here: QUrlQuery leaves '+', '&' and '#' of a value as they are.
    params.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(query)));
    params.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (beforeId > 0)
        params.addQueryItem(QStringLiteral("before"), QString::number(beforeId));
    const QString path = QStringLiteral("/rooms/%1/messages/search?%2")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(room)),
                                  params.toString(QUrl::FullyEncoded));
    request("GET", path, {}, true,
            [done](const Failure &failure, int status, const QJsonObject &json) {
                SearchPage page;
                if (!failure.ok()) {
                    done(failure, page);
                    return;
                }
                const QJsonValue list = json.value(QLatin1String("messages"));
                if (!list.isArray()) {
                    Failure f;
                    f.error = Error::BadResponse;
                    f.status = status;
                    f.message = tr("The server's search answer has no messages.");
                    done(f, page);
                    return;
                }
                for (const QJsonValue &v : list.toArray()) {
                    const QJsonObject o = v.toObject();
                    if (std::optional<ChatMessage> m = parseMessage(o))
                        page.hits.append({*m, o.value(QLatin1String("snippet")).toString()});
                }
                page.hasMore = json.value(QLatin1String("has_more")).toBool();
                done(failure, page);
            });
}

} // namespace natter::chat
