#include "RestClient.h"

#include "LogAuth.h"
#include "RestReply.h"
#include "SameOriginRedirects.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace natter::pusher {

namespace {

// A JSON string literal with Qt's escaping; the bodies are written by hand so that member order
// follows the REST docs (and V9/V11 can be reproduced byte for byte).
QByteArray jsonString(const QString &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

bool validChannelCharacters(QStringView name)
{
    for (const QChar c : name) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || QStringView(u"_-=@,.;").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

QString validateChannel(const QString &channel)
{
    if (channel.isEmpty())
        return QStringLiteral("channel name is empty");
    if (channel.size() > RestClient::MaxChannelNameLength)
        return QStringLiteral("channel name is longer than %1 characters")
            .arg(RestClient::MaxChannelNameLength);
    // '#' is reserved for the server; the only channels we may publish to with it are the
    // server-to-user ones.
    static const QLatin1String userPrefix("#server-to-user-");
    const QStringView rest = channel.startsWith(userPrefix)
        ? QStringView(channel).mid(userPrefix.size())
        : QStringView(channel);
    if (rest.isEmpty() || !validChannelCharacters(rest))
        return QStringLiteral("invalid channel name \"%1\" (allowed: A-Z a-z 0-9 _ - = @ , . ;)")
            .arg(channel);
    return {};
}

QString encodeSegment(const QString &segment)
{
    // The characters allowed in channel names stay readable; anything else ('#', '/') is escaped
    // so it cannot change the path. The same encoded path is signed and sent.
    return QString::fromLatin1(QUrl::toPercentEncoding(segment, "=@,;"));
}

} // namespace

RestClient::RestClient(QNetworkAccessManager *network, RestConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
    , m_signer(m_config.key, m_config.secret)
    , m_caBundle(m_config.caBundlePath)
    , m_timestamp([] { return QDateTime::currentSecsSinceEpoch(); })
{
}

QUrl RestClient::hostedBaseUrl(const QString &cluster)
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("api-%1.pusher.com")
                    .arg(cluster.isEmpty() ? QStringLiteral("mt1") : cluster));
    return url;
}

void RestClient::setTimestampProvider(std::function<qint64()> provider)
{
    if (provider)
        m_timestamp = std::move(provider);
    else
        m_timestamp = [] { return QDateTime::currentSecsSinceEpoch(); };
}

QString RestClient::appPath(const QString &suffix) const
{
    QString base = m_config.baseUrl.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/apps/") + encodeSegment(m_config.appId) + suffix;
}

QByteArray RestClient::triggerBody(const QStringList &channels, const QString &event,
                                   const QString &data, const QString &socketId)
{
    QByteArray body = "{\"name\":" + jsonString(event) + ",\"channels\":[";
    for (qsizetype i = 0; i < channels.size(); ++i) {
        if (i > 0)
            body += ',';
        body += jsonString(channels.at(i));
    }
    body += "],\"data\":" + jsonString(data);
    if (!socketId.isEmpty())
        body += ",\"socket_id\":" + jsonString(socketId);
    body += '}';
    return body;
}

QByteArray RestClient::batchBody(const QList<BatchEvent> &events)
{
    QByteArray body = "{\"batch\":[";
    for (qsizetype i = 0; i < events.size(); ++i) {
        const BatchEvent &event = events.at(i);
        if (i > 0)
            body += ',';
        body += "{\"channel\":" + jsonString(event.channel) + ",\"name\":" + jsonString(event.name)
            + ",\"data\":" + jsonString(event.data);
        if (!event.socketId.isEmpty())
            body += ",\"socket_id\":" + jsonString(event.socketId);
        body += '}';
    }
    body += "]}";
    return body;
}

QString RestClient::validateEvent(const QString &channel, const QString &name, const QString &data,
                                  const QString &socketId) const
{
    if (!channel.isNull()) {
        if (QString error = validateChannel(channel); !error.isEmpty())
            return error;
    }
    if (name.isEmpty())
        return QStringLiteral("event name is empty");
    if (name.size() > MaxEventNameLength)
        return QStringLiteral("event name is longer than %1 characters").arg(MaxEventNameLength);
    if (const qsizetype size = data.toUtf8().size(); size > MaxDataBytes)
        return QStringLiteral("event data is %1 bytes; the limit is %2 bytes")
            .arg(size)
            .arg(MaxDataBytes);
    if (!socketId.isEmpty() && !Signer::validSocketId(socketId))
        return QStringLiteral("invalid socket id \"%1\"").arg(socketId);
    return {};
}

RestReply *RestClient::trigger(const QStringList &channels, const QString &event,
                               const QString &data, const QString &socketId)
{
    if (channels.isEmpty())
        return rejected(QStringLiteral("trigger needs at least one channel"));
    if (channels.size() > MaxChannelsPerTrigger)
        return rejected(QStringLiteral("trigger to %1 channels; the limit is %2")
                            .arg(channels.size())
                            .arg(MaxChannelsPerTrigger));
    for (const QString &channel : channels) {
        if (QString error = validateChannel(channel); !error.isEmpty())
            return rejected(error);
    }
    if (QString error = validateEvent({}, event, data, socketId); !error.isEmpty())
        return rejected(error);
    return send("POST", appPath(QStringLiteral("/events")), {},
                triggerBody(channels, event, data, socketId));
}

RestReply *RestClient::triggerBatch(const QList<BatchEvent> &events)
{
    if (events.isEmpty())
        return rejected(QStringLiteral("batch is empty"));
    if (events.size() > MaxBatchEvents)
        return rejected(QStringLiteral("batch of %1 events; the limit is %2")
                            .arg(events.size())
                            .arg(MaxBatchEvents));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const BatchEvent &event = events.at(i);
        // A null channel would skip the channel check in validateEvent.
        const QString channel = event.channel.isNull() ? QStringLiteral("") : event.channel;
        if (QString error = validateEvent(channel, event.name, event.data, event.socketId);
            !error.isEmpty())
            return rejected(QStringLiteral("batch event %1: %2").arg(i).arg(error));
    }
    return send("POST", appPath(QStringLiteral("/batch_events")), {}, batchBody(events));
}

RestReply *RestClient::channels(const QString &prefix, const QStringList &info)
{
    Signer::QueryParams params;
    if (!prefix.isEmpty())
        params.append({QStringLiteral("filter_by_prefix"), prefix});
    if (!info.isEmpty())
        params.append({QStringLiteral("info"), info.join(QLatin1Char(','))});
    return send("GET", appPath(QStringLiteral("/channels")), params, {});
}

RestReply *RestClient::channelInfo(const QString &channel, const QStringList &info)
{
    if (QString error = validateChannel(channel); !error.isEmpty())
        return rejected(error);
    Signer::QueryParams params;
    if (!info.isEmpty())
        params.append({QStringLiteral("info"), info.join(QLatin1Char(','))});
    return send("GET", appPath(QStringLiteral("/channels/") + encodeSegment(channel)), params, {});
}

RestReply *RestClient::presenceUsers(const QString &channel)
{
    if (QString error = validateChannel(channel); !error.isEmpty())
        return rejected(error);
    return send(
        "GET",
        appPath(QStringLiteral("/channels/") + encodeSegment(channel) + QStringLiteral("/users")),
        {}, {});
}

RestReply *RestClient::sendToUser(const QString &userId, const QString &event, const QString &data)
{
    if (userId.isEmpty())
        return rejected(QStringLiteral("user id is empty"));
    return trigger({QStringLiteral("#server-to-user-") + userId}, event, data);
}

RestReply *RestClient::terminateUserConnections(const QString &userId)
{
    if (userId.isEmpty())
        return rejected(QStringLiteral("user id is empty"));
    return send("POST",
                appPath(QStringLiteral("/users/") + encodeSegment(userId)
                        + QStringLiteral("/terminate_connections")),
                {}, QByteArrayLiteral("{}"));
}

RestReply *RestClient::get(const QString &path, const Signer::QueryParams &params)
{
    return send("GET", appPath(path), params, {});
}

RestReply *RestClient::post(const QString &path, const QByteArray &jsonBody)
{
    return send("POST", appPath(path), {}, jsonBody);
}

RestReply *RestClient::rejected(const QString &error)
{
    auto *reply = new RestReply(this);
    reply->rejectLocally(error);
    return reply;
}

RestReply *RestClient::send(const QByteArray &method, const QString &path,
                            const Signer::QueryParams &params, const QByteArray &body)
{
    if (!m_network)
        return rejected(QStringLiteral("no network access manager"));
    if (!m_config.baseUrl.isValid() || m_config.baseUrl.host().isEmpty())
        return rejected(QStringLiteral("no REST base URL is configured"));
    if (m_config.appId.isEmpty() || m_config.key.isEmpty() || m_config.secret.isEmpty())
        return rejected(QStringLiteral("app id, key and secret are all required"));

    const QString methodName = QString::fromLatin1(method);
    const QString query = m_signer.restQuery(methodName, path, params, body, m_timestamp());

    QUrl url = m_config.baseUrl;
    // Tolerant mode keeps our percent-encoding as is, so the path sent is the path signed.
    url.setPath(path, QUrl::TolerantMode);
    url.setQuery(query, QUrl::TolerantMode);
    url.setFragment({});

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_caBundle.applyTo(request);
    SameOriginRedirects::prepare(request);

    qCDebug(lcPusherAuth) << "REST" << method << path;
    QNetworkReply *networkReply = nullptr;
    if (method == "GET") {
        networkReply = m_network->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        networkReply = m_network->sendCustomRequest(request, method, body);
    }
    auto *reply = new RestReply(this);
    reply->start(networkReply, m_config.timeoutMs);
    return reply;
}

} // namespace natter::pusher
