#include "FakePusherServer.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A data field as an object: inline, or double-encoded in a string.
QJsonObject dataObject(const QJsonValue &data)
{
    if (data.isObject())
        return data.toObject();
    if (data.isString())
        return QJsonDocument::fromJson(data.toString().toUtf8()).object();
    return {};
}

} // namespace

FakePusherServer::FakePusherServer(QObject *parent)
    : QObject(parent)
    , m_tcp(new QTcpServer(this))
    , m_ws(new QWebSocketServer(QStringLiteral("FakePusherServer"), QWebSocketServer::NonSecureMode,
                                this))
{
    m_clock.start();
    // A TLS hello or other garbage instead of an HTTP upgrade is given up on quickly.
    m_ws->setHandshakeTimeout(1000);
    connect(m_tcp, &QTcpServer::newConnection, this, &FakePusherServer::onTcpConnection);
    connect(m_ws, &QWebSocketServer::newConnection, this, &FakePusherServer::onWebSocket);
    listen();
}

FakePusherServer::~FakePusherServer()
{
    for (const auto &c : m_connections) {
        if (c->socket) {
            c->socket->disconnect(this);
            c->socket->abort();
        }
    }
}

bool FakePusherServer::listen(quint16 port)
{
    if (m_tcp->isListening())
        return true;
    if (port == 0)
        port = m_port;
    if (!m_tcp->listen(QHostAddress::LocalHost, port)) {
        qWarning("FakePusherServer: cannot listen on 127.0.0.1:%d: %s", int(port),
                 qPrintable(m_tcp->errorString()));
        return false;
    }
    m_port = m_tcp->serverPort();
    return true;
}

void FakePusherServer::stopListening()
{
    m_tcp->close();
    abortAll();
}

bool FakePusherServer::isListening() const
{
    return m_tcp->isListening();
}

quint16 FakePusherServer::port() const
{
    return m_port;
}

QUrl FakePusherServer::url(const QString &key) const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/app/") + key);
    return url;
}

void FakePusherServer::setAppCredentials(const QString &key, const QByteArray &secret)
{
    m_key = key;
    m_secret = secret;
}

void FakePusherServer::setOutgoingFrameSize(quint64 bytes)
{
    m_outgoingFrameSize = bytes;
    for (const auto &connection : m_connections) {
        if (connection->socket)
            connection->socket->setOutgoingFrameSize(bytes);
    }
}

void FakePusherServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        ++m_tcpConnections;
        // Look at the first byte before the WebSocket server does: 0x16 starts a TLS handshake
        // record, i.e. a client speaking wss:// to this plain server. Answer it as a plain HTTP
        // server would (400, close), so the client sees a TLS failure rather than a silence.
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->property("_fakePusherPeeked").toBool())
                return;
            const QByteArray head = socket->peek(1);
            if (head.isEmpty())
                return;
            socket->setProperty("_fakePusherPeeked", true);
            if (head.at(0) != char(0x16))
                return;
            ++m_tlsHellos;
            socket->readAll();
            socket->write(
                "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        });
        m_ws->handleConnection(socket);
    }
}

QString FakePusherServer::nextSocketId(int index) const
{
    if (!m_fixedSocketId.isEmpty())
        return m_fixedSocketId;
    return QStringLiteral("%1.%2").arg(1000 + index).arg(424242 + index * 7919);
}

void FakePusherServer::onWebSocket()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
        if (m_outgoingFrameSize > 0)
            socket->setOutgoingFrameSize(m_outgoingFrameSize);
        const int index = int(m_connections.size());
        auto c = std::make_unique<Connection>();
        c->socket = socket;
        c->socketId = nextSocketId(index);
        c->requestUrl = socket->requestUrl();
        m_connections.push_back(std::move(c));

        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, index](const QString &text) { onText(index, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, index](const QByteArray &) { ++m_connections[size_t(index)]->binaryFrames; });
        connect(socket, &QWebSocket::disconnected, this, [this, index, socket] {
            Connection *c = m_connections[size_t(index)].get();
            if (c->open) {
                c->open = false;
                c->closeCode = socket->closeCode();
                c->subscribed.clear();
                emit connectionClosed(index);
            }
            socket->deleteLater();
        });

        if (m_sendEstablished) {
            QJsonObject data{{QStringLiteral("socket_id"), m_connections[size_t(index)]->socketId}};
            if (m_activityTimeoutSec > 0)
                data.insert(QStringLiteral("activity_timeout"), m_activityTimeoutSec);
            sendEvent(index, QStringLiteral("pusher:connection_established"), data);
        }
        emit newConnection(index);
    }
}

void FakePusherServer::onText(int index, const QString &text)
{
    Connection *c = m_connections[size_t(index)].get();
    c->frames.append(text);
    c->frameTimes.append(m_clock.elapsed());
    emit frameReceived(index, text);
    if (!c->open)
        return;
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString event = frame.value(QLatin1String("event")).toString();
    if (event == QLatin1String("pusher:ping")) {
        if (m_autoPong)
            sendEvent(index, QStringLiteral("pusher:pong"), QJsonObject(), QString(), true);
    } else if (event == QLatin1String("pusher:subscribe")) {
        onSubscribe(index, dataObject(frame.value(QLatin1String("data"))));
    } else if (event == QLatin1String("pusher:unsubscribe")) {
        c->subscribed.remove(dataObject(frame.value(QLatin1String("data")))
                                 .value(QLatin1String("channel"))
                                 .toString());
    }
}

QString FakePusherServer::expectedAuth(const QString &socketId, const QString &channel,
                                       const QString &channelData) const
{
    QString toSign = socketId + QLatin1Char(':') + channel;
    if (!channelData.isEmpty())
        toSign += QLatin1Char(':') + channelData;
    const QByteArray mac = QMessageAuthenticationCode::hash(toSign.toUtf8(), m_secret,
                                                            QCryptographicHash::Sha256);
    return m_key + QLatin1Char(':') + QString::fromLatin1(mac.toHex());
}

void FakePusherServer::onSubscribe(int index, const QJsonObject &data)
{
    Connection *c = m_connections[size_t(index)].get();
    const QString channel = data.value(QLatin1String("channel")).toString();
    const QString channelData = data.value(QLatin1String("channel_data")).toString();
    if (channel.startsWith(QLatin1String("presence-")))
        c->presenceMember = QJsonDocument::fromJson(channelData.toUtf8()).object();
    emit subscribeReceived(index, channel);
    if (m_subscribeMode == SubscribeMode::Manual)
        return;
    const bool needsAuth = channel.startsWith(QLatin1String("private-"))
        || channel.startsWith(QLatin1String("presence-"));
    if (needsAuth && !m_secret.isEmpty()
        && data.value(QLatin1String("auth")).toString()
            != expectedAuth(c->socketId, channel, channelData)) {
        rejectSubscription(index, channel, 401);
        return;
    }
    confirmSubscription(index, channel);
}

void FakePusherServer::confirmSubscription(int connection, const QString &channel)
{
    const int index = indexOf(connection);
    Connection *c = at(index);
    if (!c || !c->open)
        return;
    if (!channel.startsWith(QLatin1String("presence-"))) {
        c->subscribed.insert(channel);
        sendEvent(index, QStringLiteral("pusher_internal:subscription_succeeded"), QJsonObject(),
                  channel);
        return;
    }
    // Presence: every member subscribed on any open connection, this one included.
    const QString me = c->presenceMember.value(QLatin1String("user_id")).toVariant().toString();
    QJsonArray ids;
    QJsonObject hash;
    for (const auto &other : m_connections) {
        const bool member = other.get() == c
            || (other->open && other->subscribed.contains(channel));
        const QString id
            = other->presenceMember.value(QLatin1String("user_id")).toVariant().toString();
        if (!member || id.isEmpty() || hash.contains(id))
            continue;
        ids.append(id);
        hash.insert(id, other->presenceMember.value(QLatin1String("user_info")));
    }
    for (int i = 0; i < int(m_connections.size()); ++i) {
        Connection *other = m_connections[size_t(i)].get();
        if (other != c && other->open && other->subscribed.contains(channel) && !me.isEmpty())
            sendEvent(i, QStringLiteral("pusher_internal:member_added"), c->presenceMember, channel);
    }
    c->subscribed.insert(channel);
    const QJsonObject presence{{QStringLiteral("ids"), ids},
                               {QStringLiteral("hash"), hash},
                               {QStringLiteral("count"), ids.size()}};
    sendEvent(index, QStringLiteral("pusher_internal:subscription_succeeded"),
              QJsonObject{{QStringLiteral("presence"), presence}}, channel);
}

void FakePusherServer::rejectSubscription(int connection, const QString &channel, int status,
                                          const QString &error)
{
    const QJsonObject data{{QStringLiteral("type"), QStringLiteral("AuthError")},
                           {QStringLiteral("error"), error},
                           {QStringLiteral("status"), status}};
    sendEvent(connection, QStringLiteral("pusher:subscription_error"), data, channel, true);
}

FakePusherServer::Connection *FakePusherServer::at(int connection) const
{
    const int index = indexOf(connection);
    return index < 0 ? nullptr : m_connections[size_t(index)].get();
}

int FakePusherServer::indexOf(int connection) const
{
    if (connection < 0)
        connection = int(m_connections.size()) - 1;
    return connection >= 0 && connection < int(m_connections.size()) ? connection : -1;
}

int FakePusherServer::openConnectionCount() const
{
    int n = 0;
    for (const auto &c : m_connections)
        n += c->open ? 1 : 0;
    return n;
}

bool FakePusherServer::isOpen(int connection) const
{
    const Connection *c = at(connection);
    return c && c->open;
}

QString FakePusherServer::socketId(int connection) const
{
    const Connection *c = at(connection);
    return c ? c->socketId : QString();
}

QUrl FakePusherServer::requestUrl(int connection) const
{
    const Connection *c = at(connection);
    return c ? c->requestUrl : QUrl();
}

int FakePusherServer::closeCode(int connection) const
{
    const Connection *c = at(connection);
    return c ? c->closeCode : -1;
}

QStringList FakePusherServer::frames(int connection) const
{
    const Connection *c = at(connection);
    return c ? c->frames : QStringList();
}

QList<qint64> FakePusherServer::frameTimesMs(int connection) const
{
    const Connection *c = at(connection);
    return c ? c->frameTimes : QList<qint64>();
}

int FakePusherServer::binaryFrameCount(int connection) const
{
    const Connection *c = at(connection);
    return c ? c->binaryFrames : 0;
}

QList<QJsonObject> FakePusherServer::events(int connection, const QString &event) const
{
    QList<QJsonObject> out;
    for (const QString &text : frames(connection)) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (!doc.isObject())
            continue;
        if (event.isEmpty() || doc.object().value(QLatin1String("event")).toString() == event)
            out.append(doc.object());
    }
    return out;
}

QList<QJsonObject> FakePusherServer::subscribeRequests(int connection, const QString &channel) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &frame : events(connection, QStringLiteral("pusher:subscribe"))) {
        const QJsonObject data = dataObject(frame.value(QLatin1String("data")));
        if (channel.isEmpty() || data.value(QLatin1String("channel")).toString() == channel)
            out.append(data);
    }
    return out;
}

QSet<QString> FakePusherServer::subscribedChannels(int connection) const
{
    const Connection *c = at(connection);
    return c ? c->subscribed : QSet<QString>();
}

bool FakePusherServer::waitForConnections(int total, int timeoutMs)
{
    return QTest::qWaitFor([&] { return connectionCount() >= total; }, timeoutMs);
}

bool FakePusherServer::waitForEvent(int connection, const QString &event, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return events(connection, event).size() >= count; }, timeoutMs);
}

bool FakePusherServer::waitForSubscribed(int connection, const QString &channel, int timeoutMs)
{
    return QTest::qWaitFor([&] { return subscribedChannels(connection).contains(channel); },
                           timeoutMs);
}

bool FakePusherServer::waitForClosed(int connection, int timeoutMs)
{
    const int index = indexOf(connection);
    return QTest::qWaitFor([&] { return index >= 0 && !isOpen(index); }, timeoutMs);
}

bool FakePusherServer::sendText(int connection, const QString &text)
{
    Connection *c = at(connection);
    if (!c || !c->open || !c->socket)
        return false;
    return c->socket->sendTextMessage(text) == text.toUtf8().size();
}

bool FakePusherServer::sendBinary(int connection, const QByteArray &data)
{
    Connection *c = at(connection);
    if (!c || !c->open || !c->socket)
        return false;
    return c->socket->sendBinaryMessage(data) == data.size();
}

bool FakePusherServer::sendEvent(int connection, const QString &event, const QJsonValue &data,
                                 const QString &channel, bool inlineData)
{
    QJsonObject frame{{QStringLiteral("event"), event}};
    if (!channel.isEmpty())
        frame.insert(QStringLiteral("channel"), channel);
    if (data.isObject() && !inlineData)
        frame.insert(QStringLiteral("data"), compact(data.toObject()));
    else if (!data.isUndefined())
        frame.insert(QStringLiteral("data"), data);
    return sendText(connection, compact(frame));
}

int FakePusherServer::broadcast(const QString &channel, const QString &event, const QJsonValue &data)
{
    int sent = 0;
    for (int i = 0; i < int(m_connections.size()); ++i) {
        if (m_connections[size_t(i)]->open && m_connections[size_t(i)]->subscribed.contains(channel))
            sent += sendEvent(i, event, data, channel) ? 1 : 0;
    }
    return sent;
}

void FakePusherServer::close(int connection, int code, const QString &reason)
{
    Connection *c = at(connection);
    if (c && c->open && c->socket)
        c->socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void FakePusherServer::abort(int connection)
{
    Connection *c = at(connection);
    if (c && c->open && c->socket)
        c->socket->abort();
}

void FakePusherServer::abortAll()
{
    for (int i = 0; i < int(m_connections.size()); ++i)
        abort(i);
}
