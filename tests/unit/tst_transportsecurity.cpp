// TLS and proxies on the WebSocket transport: verification is on by default (a self-signed
// server is refused with a TLS error), an extra CA bundle makes it trusted, and a configured
// QNetworkProxy is really used.
#include "SelfSignedCertificate.h"

#include <pusher/Client.h>
#include <pusher/Connection.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace natter::pusher;

namespace {
// Answers every WebSocket with a Pusher handshake.
class HandshakeServer : public QObject
{
public:
    explicit HandshakeServer(QWebSocketServer::SslMode mode)
        : server(QStringLiteral("fake"), mode)
    {
        QObject::connect(&server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = server.nextPendingConnection()) {
                s->setParent(this);
                ++connections;
                s->sendTextMessage(QStringLiteral(
                    "{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":"
                    "\\\"1.2\\\",\\\"activity_timeout\\\":120}\"}"));
            }
        });
    }
    QWebSocketServer server;
    int connections = 0;
};

// A minimal HTTP CONNECT proxy that records the targets it was asked for and tunnels bytes.
class ConnectProxy : public QObject
{
public:
    ConnectProxy()
    {
        server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = server.nextPendingConnection()) {
                client->setParent(this);
                auto *buffer = new QByteArray;
                QObject::connect(client, &QObject::destroyed, [buffer] { delete buffer; });
                QObject::connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
                    if (client->property("tunnel").isValid())
                        return;
                    *buffer += client->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QList<QByteArray> request = buffer->left(end).split(' ');
                    const QByteArray target = request.value(1);
                    targets << QString::fromLatin1(target);
                    const qsizetype colon = target.lastIndexOf(':');
                    auto *upstream = new QTcpSocket(client);
                    client->setProperty("tunnel", true);
                    const QByteArray rest = buffer->mid(end + 4);
                    QObject::connect(
                        upstream, &QTcpSocket::connected, client, [client, upstream, rest] {
                            client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                            if (!rest.isEmpty())
                                upstream->write(rest);
                            QObject::disconnect(client, &QTcpSocket::readyRead, nullptr, nullptr);
                            QObject::connect(
                                client, &QTcpSocket::readyRead, upstream,
                                [client, upstream] { upstream->write(client->readAll()); });
                            QObject::connect(
                                upstream, &QTcpSocket::readyRead, client,
                                [client, upstream] { client->write(upstream->readAll()); });
                            upstream->write(client->readAll());
                        });
                    upstream->connectToHost(QString::fromLatin1(target.left(colon)),
                                            target.mid(colon + 1).toUShort());
                });
            }
        });
    }
    QTcpServer server;
    QStringList targets;
};
} // namespace

class TestTransportSecurity : public QObject
{
    Q_OBJECT
private:
    static ConnectionOptions optionsFor(quint16 port, bool tls)
    {
        ConnectionOptions o;
        o.key = QStringLiteral("app-key");
        o.host = QStringLiteral("127.0.0.1");
        o.port = port;
        o.tls = tls;
        o.backoffInitialMs = 50;
        return o;
    }

private slots:
    void selfSignedServerIsRefusedByDefault()
    {
        SelfSignedCertificate cert;
        if (!cert.isValid())
            QSKIP(qPrintable(cert.error()));
        HandshakeServer fake(QWebSocketServer::SecureMode);
        fake.server.setSslConfiguration(cert.serverConfiguration());
        QVERIFY(fake.server.listen(QHostAddress::LocalHost, 0));

        Client client(optionsFor(fake.server.serverPort(), true), nullptr);
        QSignalSpy tls(client.connection(), &Connection::tlsError);
        client.connect();
        QVERIFY(tls.wait(5000));
        QVERIFY2(tls.at(0).at(0).toString().startsWith(QLatin1String("TLS error")),
                 qPrintable(tls.at(0).at(0).toString()));
        QVERIFY(!client.connection()->isConnected());
        client.disconnect();
    }

    void caBundleMakesItTrusted()
    {
        SelfSignedCertificate cert;
        if (!cert.isValid())
            QSKIP(qPrintable(cert.error()));
        HandshakeServer fake(QWebSocketServer::SecureMode);
        fake.server.setSslConfiguration(cert.serverConfiguration());
        QVERIFY(fake.server.listen(QHostAddress::LocalHost, 0));

        ConnectionOptions options = optionsFor(fake.server.serverPort(), true);
        options.caBundlePath = cert.certificatePath();
        Client client(options, nullptr);
        QSignalSpy tls(client.connection(), &Connection::tlsError);
        client.connect();
        QTRY_VERIFY_WITH_TIMEOUT(client.connection()->isConnected(), 5000);
        QCOMPARE(client.connection()->socketId(), QStringLiteral("1.2"));
        QCOMPARE(tls.size(), 0);
        QVERIFY(client.connection()->options().url().toString().startsWith(
            QLatin1String("wss://127.0.0.1:")));
    }

    void configuredProxyIsUsed()
    {
        HandshakeServer fake(QWebSocketServer::NonSecureMode);
        QVERIFY(fake.server.listen(QHostAddress::LocalHost, 0));
        ConnectProxy proxy;
        ConnectionOptions options = optionsFor(fake.server.serverPort(), false);
        options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"),
                                      proxy.server.serverPort());
        Client client(options, nullptr);
        client.connect();
        QTRY_VERIFY_WITH_TIMEOUT(client.connection()->isConnected(), 5000);
        QCOMPARE(proxy.targets,
                 QStringList{QStringLiteral("127.0.0.1:%1").arg(fake.server.serverPort())});
        QCOMPARE(fake.connections, 1);
    }
};

QTEST_GUILESS_MAIN(TestTransportSecurity)
#include "tst_transportsecurity.moc"
