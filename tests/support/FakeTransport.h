#pragma once

#include "pusher/ConnectionOptions.h"
#include "pusher/Transport.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class FakeNetwork;

// One scripted socket. The test plays the server: serverOpen(), serverSend(), serverClose(),
// fail(). Frames the client sent are kept in `sent` (only while open and not aborted, as a real
// socket would). The server* calls work even after the client aborted the transport, so a test
// can simulate late signals from a socket the client has already given up on.
class FakeTransport : public natter::pusher::Transport
{
    Q_OBJECT
public:
    FakeTransport(FakeNetwork *network, const natter::pusher::ConnectionOptions &options);
    ~FakeTransport() override;

    void open(const QUrl &url) override;
    bool sendText(const QString &text) override;
    void abort() override;

    // --- the server's side
    void serverOpen();
    void serverSend(const QString &json);
    // {"event":"pusher:connection_established","data":"{\"socket_id\":..,\"activity_timeout\":..}"}
    void serverHandshake(const QString &socketId = QStringLiteral("123.456"),
                         int activityTimeoutS = 120);
    // serverOpen() + serverHandshake().
    void accept(const QString &socketId = QStringLiteral("123.456"), int activityTimeoutS = 120);
    // Answers every pusher:ping not answered yet with a pusher:pong, in order, as a server does
    // (which also confirms the client events written before them). Returns how many.
    int serverPong();
    // Emits closed(code, reason, None) once (never after abort(), as the Transport contract says).
    void serverClose(int code, const QString &reason = {});
    // The socket failed without a close frame: closed(1006, reason, failure).
    void fail(Failure failure = Failure::Network,
              const QString &reason = QStringLiteral("network error"));

    // --- inspection
    QUrl url() const { return m_url; }
    bool isOpened() const { return m_opened; }
    bool isAborted() const { return m_aborted; }
    bool isClosed() const { return m_closed; }
    const natter::pusher::ConnectionOptions &options() const { return m_options; }
    QStringList sent;
    // sent[i] parsed (an empty object if it is not a JSON object).
    QJsonObject sentJson(int i) const;
    // Every sent frame parsed, and those whose "event" is `event`.
    QList<QJsonObject> sentJsonAll() const;
    QList<QJsonObject> sentEvents(const QString &event) const;
    int sentCount(const QString &event) const { return int(sentEvents(event).size()); }
    QString lastSentEvent() const;

private:
    QPointer<FakeNetwork> m_network;
    natter::pusher::ConnectionOptions m_options;
    QUrl m_url;
    bool m_openCalled = false;
    bool m_opened = false;
    bool m_aborted = false;
    bool m_closed = false;
    int m_pongsSent = 0;
};

// The transport factory for Connection/Client, recording every transport it made.
class FakeNetwork : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    natter::pusher::TransportFactory factory();

    // Every transport created, oldest first (null once the client deleted it).
    QList<QPointer<FakeTransport>> transports;
    QList<QUrl> urls; // the URL each transport was opened with
    // If set, every new transport is accepted (opened + handshake) as soon as it is opened,
    // with socket ids "1.N" for the N-th transport.
    bool autoAccept = false;
    int autoActivityTimeoutS = 120;

    int count() const { return int(transports.size()); }
    FakeTransport *last() const
    {
        return transports.isEmpty() ? nullptr : transports.last().data();
    }
    FakeTransport *at(int i) const { return transports.value(i).data(); }
    // Frames sent over all transports, in order.
    QStringList allSent() const;
    QList<QJsonObject> allSentEvents(const QString &event) const;

signals:
    void transportCreated(FakeTransport *transport);
    void transportOpening(FakeTransport *transport, const QUrl &url);

private:
    friend class FakeTransport;
    QStringList m_allSent;
};
