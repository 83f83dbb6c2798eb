// A real Client (WebSocketTransport) against FakePusherServer, authorizing through HttpAuthorizer
// with batching on: a resubscribe in many presence channels costs one auth request.
#include "BatchAuthEndpoint.h"
#include "FakeHttpServer.h"
#include "FakePusherServer.h"

#include "pusher/Client.h"
#include "pusher/ConnectionOptions.h"
#include "pusher/HttpAuthorizer.h"
#include "pusher/PresenceChannel.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

#include <algorithm>

using namespace natter::pusher;

class TestBatchedSubscribe : public QObject
{
    Q_OBJECT

    QNetworkAccessManager *m_network = nullptr;
    FakeHttpServer *m_server = nullptr;

    static QStringList names(int count)
    {
        QStringList list;
        for (int i = 0; i < count; ++i)
            list.append(QStringLiteral("presence-room") + QString::number(i));
        return list;
    }

private slots:
    void init()
    {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->isListening());
        m_server->setHandler(&BatchAuthEndpoint::handle);
    }

    void cleanup()
    {
        delete m_server;
        delete m_network;
    }

    // A real Client on a real WebSocket: 50 presence channels subscribed at once are authorized
    // with one HTTP request, and again with one after a reconnect (new socket id).
    void clientSubscribingFiftyPresenceChannelsSendsOneRequest()
    {
        FakePusherServer pusher;
        QVERIFY(pusher.isListening());
        pusher.setAppCredentials(
            BatchAuthEndpoint::Key,
            BatchAuthEndpoint::Secret); // a wrong signature would fail the subscription
        HttpAuthorizerOptions options;
        options.channelEndpoint = m_server->url(QStringLiteral("/pusher/auth"));
        options.batching = true;
        HttpAuthorizer authorizer(m_network, options);
        ConnectionOptions connection;
        connection.key = BatchAuthEndpoint::Key;
        connection.host = QStringLiteral("127.0.0.1");
        connection.port = pusher.port();
        connection.tls = false;
        connection.backoffInitialMs = 50;
        Client client(connection, &authorizer);

        QList<PresenceChannel *> channels;
        for (const QString &name : names(50))
            channels.append(client.subscribePresence(name));
        client.connect();
        const auto allSubscribed = [&channels] {
            return std::all_of(channels.begin(), channels.end(),
                               [](PresenceChannel *c) { return c->isSubscribed(); });
        };
        QVERIFY(QTest::qWaitFor(allSubscribed, 10000));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(BatchAuthEndpoint::batchedChannels(m_server->requests().first()).size(), 50);

        // Reconnect: every channel resubscribes at the same moment.
        m_server->clearRequests();
        const quint16 port = pusher.port();
        pusher.stopListening();
        QVERIFY(QTest::qWaitFor([&] { return !allSubscribed(); }, 5000));
        QVERIFY(pusher.listen(port));
        QVERIFY(QTest::qWaitFor(allSubscribed, 10000));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(BatchAuthEndpoint::batchedChannels(m_server->requests().first()).size(), 50);
        QVERIFY(m_server->requests().first().formValue(QStringLiteral("socket_id")) != QString());
    }
};

QTEST_MAIN(TestBatchedSubscribe)
#include "tst_batchedsubscribe.moc"
