#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <vector>

class QTcpServer;
class QWebSocket;
class QWebSocketServer;

// A scriptable Pusher Channels server in the test process, for what a real server (soketi,
// hosted Pusher) will not do on demand: arbitrary close codes, garbage frames, silence,
// outages, slow or missing answers. Plain ws:// on 127.0.0.1 with an ephemeral port.
//
// By default every WebSocket connection gets pusher:connection_established (a fresh socket id,
// activity_timeout 120), pusher:ping is answered with pusher:pong, and pusher:subscribe with
// pusher_internal:subscription_succeeded (presence channels get a member list made of the
// subscriber's channel_data). Every text frame a client sends is recorded per connection.
//
// Connections are numbered 0, 1, 2... in the order they were accepted; every method that takes
// a connection number also takes -1 for the most recent one.
class FakePusherServer : public QObject
{
    Q_OBJECT
public:
    enum class SubscribeMode {
        Auto, // answer pusher:subscribe at once
        Manual, // record it and wait for confirmSubscription()/rejectSubscription()
    };

    // Starts listening on 127.0.0.1 with an ephemeral port.
    explicit FakePusherServer(QObject *parent = nullptr);
    ~FakePusherServer() override;

    // --- listening ---------------------------------------------------------------------------
    // Listen again (after stopListening) on the same port, or on `port` when given.
    bool listen(quint16 port = 0);
    // A server outage: stop accepting connections and abort every open one (no close frame).
    void stopListening();
    bool isListening() const;
    quint16 port() const;
    // ws://127.0.0.1:<port>/app/<key>
    QUrl url(const QString &key = QStringLiteral("app-key")) const;

    // --- script ------------------------------------------------------------------------------
    // Socket id for the following connections; empty (the default) generates "<n>.<m>" ids,
    // a different one per connection.
    void setSocketId(const QString &socketId) { m_fixedSocketId = socketId; }
    // activity_timeout (seconds) in connection_established; <= 0 leaves the field out.
    void setActivityTimeout(int seconds) { m_activityTimeoutSec = seconds; }
    // false: accept the WebSocket but never send pusher:connection_established.
    void setSendConnectionEstablished(bool send) { m_sendEstablished = send; }
    void setSubscribeMode(SubscribeMode mode) { m_subscribeMode = mode; }
    // false: record pusher:ping but never answer it (a silent server).
    void setAutoPong(bool on) { m_autoPong = on; }
    // With credentials set, auto mode checks the auth of private-/presence- subscriptions like
    // a real server (HMAC-SHA256 over socket_id:channel[:channel_data]) and answers a wrong one
    // with a soketi-style pusher:subscription_error (status 401).
    void setAppCredentials(const QString &key, const QByteArray &secret);
    // Largest WebSocket frame the server sends; longer messages are split into continuation
    // frames. Qt's default is 512 KiB; a big value sends every message as one frame (as
    // uWebSockets-based servers such as soketi do). Applies to open connections too.
    void setOutgoingFrameSize(quint64 bytes);

    // --- what happened -----------------------------------------------------------------------
    int connectionCount() const
    {
        return int(m_connections.size());
    } // WebSockets accepted in total
    int openConnectionCount() const;
    int tcpConnectionCount() const { return m_tcpConnections; } // incl. those that never upgraded
    int tlsHelloCount() const
    {
        return m_tlsHellos;
    } // TCP connections that began with a TLS record
    bool isOpen(int connection = -1) const;
    QString socketId(int connection = -1) const;
    QUrl requestUrl(int connection = -1) const;
    // Close code the connection ended with as seen by the server (-1 while open).
    int closeCode(int connection = -1) const;
    QStringList frames(int connection = -1) const;
    QList<qint64> frameTimesMs(int connection = -1) const; // elapsedMs() at each frame's arrival
    int binaryFrameCount(int connection = -1) const;
    // The received frames that parse as JSON objects, optionally only those named `event`.
    QList<QJsonObject> events(int connection = -1, const QString &event = QString()) const;
    // The subscribe frames' data objects (inline or double-encoded), optionally for one channel.
    QList<QJsonObject> subscribeRequests(int connection = -1,
                                         const QString &channel = QString()) const;
    QSet<QString> subscribedChannels(int connection = -1) const;
    qint64 elapsedMs() const { return m_clock.elapsed(); } // since the server was created

    // Spin the event loop until the condition holds; false on timeout.
    bool waitForConnections(int total, int timeoutMs = 5000);
    bool waitForEvent(int connection, const QString &event, int count = 1, int timeoutMs = 5000);
    bool waitForSubscribed(int connection, const QString &channel, int timeoutMs = 5000);
    bool waitForClosed(int connection, int timeoutMs = 5000);

    // --- act ---------------------------------------------------------------------------------
    bool sendText(int connection, const QString &text);
    bool sendBinary(int connection, const QByteArray &data);
    // {"event":E[,"channel":C],"data":D}; a `data` object is double-encoded (sent as a JSON
    // string, as Pusher does) unless `inlineData`; a string is sent as a string.
    bool sendEvent(int connection, const QString &event, const QJsonValue &data,
                   const QString &channel = QString(), bool inlineData = false);
    // The same to every open connection subscribed to `channel`; returns how many got it.
    int broadcast(const QString &channel, const QString &event, const QJsonValue &data);
    // Manual mode, or to send extra answers in auto mode.
    void confirmSubscription(int connection, const QString &channel);
    void rejectSubscription(int connection, const QString &channel, int status,
                            const QString &error
                            = QStringLiteral("The connection is unauthorized."));
    // Close frame with that code and reason (the TCP connection closes after the handshake).
    void close(int connection, int code, const QString &reason = QString());
    // Drop the TCP connection without a close frame.
    void abort(int connection);
    void abortAll();

signals:
    void newConnection(int connection);
    void frameReceived(int connection, const QString &text);
    void subscribeReceived(int connection, const QString &channel);
    void connectionClosed(int connection);

private:
    struct Connection
    {
        QPointer<QWebSocket> socket;
        QString socketId;
        QUrl requestUrl;
        QStringList frames;
        QList<qint64> frameTimes;
        int binaryFrames = 0;
        QSet<QString> subscribed;
        QJsonObject presenceMember; // user_id/user_info of this connection's presence auth
        bool open = true;
        int closeCode = -1;
    };

    Connection *at(int connection) const;
    int indexOf(int connection) const;
    void onTcpConnection();
    void onWebSocket();
    void onText(int index, const QString &text);
    void onSubscribe(int index, const QJsonObject &data);
    QString expectedAuth(const QString &socketId, const QString &channel,
                         const QString &channelData) const;
    QString nextSocketId(int index) const;

    QTcpServer *m_tcp;
    QWebSocketServer *m_ws;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<Connection>> m_connections;
    int m_tcpConnections = 0;
    int m_tlsHellos = 0;

    QString m_fixedSocketId;
    int m_activityTimeoutSec = 120;
    bool m_sendEstablished = true;
    SubscribeMode m_subscribeMode = SubscribeMode::Auto;
    bool m_autoPong = true;
    quint64 m_outgoingFrameSize = 0; // 0: Qt's default
    QString m_key;
    QByteArray m_secret;
};
