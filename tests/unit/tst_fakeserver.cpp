// The real Client (WebSocketTransport, SystemClock) against FakePusherServer: what a real server
// will not produce on demand. Here: the handshake, close codes over a real socket, garbage,
// large and oversized frames (recovery, client events and server errors: tst_fakeserverrecovery).
#include "FakeServerFixture.h"

class TestFakeServer : public QObject, public FakeServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { registerTypes(); }
    void init() { setUpFixture(); }
    void cleanup() { tearDownFixture(); }

    void connects_withProtocolUrlAndServerSocketId();
    void serverActivityTimeout_lowersPingInterval();
    void missingHandshake_timesOutAndRetries();
    void closeCode40xx_failsWithoutReconnect_data();
    void closeCode40xx_failsWithoutReconnect();
    void closeCode41xx_reconnectsAfterAtLeastOneSecond();
    void closeCode42xx_reconnectsAtOnce_data();
    void closeCode42xx_reconnectsAtOnce();
    void closeCode4000_retriesWithTls();
    void normalCloseOrAbort_reconnects_data();
    void normalCloseOrAbort_reconnects();
    void garbageFrame_isReportedAndSkipped_data();
    void garbageFrame_isReportedAndSkipped();
    void garbageWhilePending_leavesSubscriptionPending();
    void nonJsonStringData_isDeliveredAsString();
    void largeMessage_isDelivered_data();
    void largeMessage_isDelivered();
    void oversizedFrame_dropsConnectionAtOnce();
};

void TestFakeServer::connects_withProtocolUrlAndServerSocketId()
{
    m_server->setSocketId(QStringLiteral("123.456"));
    Client *client = makeClient(options(m_server->port()));
    QSignalSpy connected(client->connection(), &Connection::connected);
    client->connect();
    QVERIFY(connected.wait(5000));
    QCOMPARE(connected.at(0).at(0).toString(), QStringLiteral("123.456"));
    QCOMPARE(client->connection()->socketId(), QStringLiteral("123.456"));
    COMPARE_STATE(client->connection()->state(), ConnectionState::Connected);

    const QUrl url = m_server->requestUrl(0);
    QCOMPARE(url.path(), QStringLiteral("/app/app-key"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("protocol")), QStringLiteral("7"));
    QVERIFY(!query.queryItemValue(QStringLiteral("client")).isEmpty());
    QVERIFY(!query.queryItemValue(QStringLiteral("version")).isEmpty());
}

void TestFakeServer::serverActivityTimeout_lowersPingInterval()
{
    m_server->setActivityTimeout(1); // seconds
    ConnectionOptions o = options(m_server->port());
    o.activityTimeoutMs = 120000;
    Client *client = makeClient(o);
    client->connect();
    QVERIFY(m_server->waitForConnections(1));
    QTRY_COMPARE(client->connection()->activityTimeoutMs(), 1000);
    const qint64 connectedAt = m_server->elapsedMs();
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("pusher:ping"), 1, 3000));
    const qint64 pingAt = m_server->frameTimesMs(0).constLast();
    QVERIFY2(pingAt - connectedAt >= 900,
             qPrintable(QStringLiteral("ping after %1 ms").arg(pingAt - connectedAt)));
    // Answered (auto-pong): the connection stays.
    QTest::qWait(300);
    QCOMPARE(m_server->connectionCount(), 1);
    QVERIFY(client->connection()->isConnected());
}

void TestFakeServer::missingHandshake_timesOutAndRetries()
{
    m_server->setSendConnectionEstablished(false);
    ConnectionOptions o = options(m_server->port());
    o.handshakeTimeoutMs = 400;
    Client *client = makeClient(o);
    client->connect();
    QVERIFY(m_server->waitForConnections(1));
    // The client gives up on the silent socket and opens a new one.
    QVERIFY(m_server->waitForConnections(2, 3000));
    QVERIFY(m_server->waitForClosed(0, 2000));
    QVERIFY(!client->connection()->isConnected());
    // Once the server behaves, the next attempt connects.
    m_server->setSendConnectionEstablished(true);
    QTRY_VERIFY_WITH_TIMEOUT(client->connection()->isConnected(), 5000);
    QCOMPARE(client->connection()->socketId(), m_server->socketId(-1));
}

// --- close codes -----------------------------------------------------------------------------

void TestFakeServer::closeCode40xx_failsWithoutReconnect_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("4001 app does not exist") << 4001;
    QTest::newRow("4009 unauthorized") << 4009;
}

void TestFakeServer::closeCode40xx_failsWithoutReconnect()
{
    QFETCH(int, code);
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    Connection *connection = m_client->connection();
    QSignalSpy refused(connection, &Connection::connectionRefused);

    m_server->close(0, code, QStringLiteral("refused by test"));
    QVERIFY(refused.wait(3000));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.at(0).at(0).toInt(), code);
    COMPARE_STATE(connection->state(), ConnectionState::Failed);
    QVERIFY(!channel->isSubscribed());

    // No new attempt, not even a TCP connection, within a second.
    QTest::qWait(1000);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->tcpConnectionCount(), 1);
    COMPARE_STATE(connection->state(), ConnectionState::Failed);
}

void TestFakeServer::closeCode41xx_reconnectsAfterAtLeastOneSecond()
{
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    QSignalSpy lost(m_client->connection(), &Connection::connectionLost);

    QElapsedTimer sinceClose;
    sinceClose.start();
    m_server->close(0, 4100, QStringLiteral("over capacity"));
    QVERIFY(m_server->waitForConnections(2, 5000));
    const qint64 ms = sinceClose.elapsed();
    QVERIFY2(ms >= 1000, qPrintable(QStringLiteral("reconnected %1 ms after a 4100").arg(ms)));
    QVERIFY2(ms < 3000, qPrintable(QStringLiteral("reconnected only %1 ms after a 4100").arg(ms)));
    QVERIFY(!lost.isEmpty());
    QCOMPARE(lost.at(0).at(0).toInt(), 4100);

    QVERIFY(m_server->waitForSubscribed(1, QStringLiteral("news")));
    QTRY_VERIFY(channel->isSubscribed());
}

void TestFakeServer::closeCode42xx_reconnectsAtOnce_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("4200 generic") << 4200;
    QTest::newRow("4201 pong not received") << 4201;
    QTest::newRow("4202 inactivity") << 4202;
}

void TestFakeServer::closeCode42xx_reconnectsAtOnce()
{
    QFETCH(int, code);
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);

    QElapsedTimer sinceClose;
    sinceClose.start();
    m_server->close(0, code, QStringLiteral("reconnect now"));
    QVERIFY(m_server->waitForConnections(2, 3000));
    const qint64 ms = sinceClose.elapsed();
    QVERIFY2(ms < 300, qPrintable(QStringLiteral("reconnected %1 ms after a %2").arg(ms).arg(code)));
    QCOMPARE(m_server->closeCode(0), code);

    QVERIFY(m_server->waitForSubscribed(1, QStringLiteral("news")));
    QTRY_VERIFY(channel->isSubscribed());
}

void TestFakeServer::closeCode4000_retriesWithTls()
{
    Client *client = makeClient(options(m_server->port()));
    Connection *connection = client->connection();
    client->connect();
    QVERIFY(m_server->waitForConnections(1));
    QTRY_VERIFY(connection->isConnected());
    QCOMPARE(connection->options().url().scheme(), QStringLiteral("ws"));
    QSignalSpy lost(connection, &Connection::connectionLost);
    QSignalSpy tls(connection, &Connection::tlsError);
    QSignalSpy refused(connection, &Connection::connectionRefused);

    m_server->close(0, 4000, QStringLiteral("SSL only"));
    // The next attempt speaks TLS to the same host and port...
    QTRY_COMPARE(connection->options().url().scheme(), QStringLiteral("wss"));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->tlsHelloCount() >= 1, 3000);
    // ...which fails against this plain server (it answers the TLS hello with HTTP 400, as a
    // plain server does): a TLS error, and the client keeps trying (4000 is not a refusal).
    QTRY_VERIFY_WITH_TIMEOUT(!tls.isEmpty(), 5000);
    QVERIFY(lost.count() >= 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->tlsHelloCount() >= 2, 5000);
    QCOMPARE(lost.at(0).at(0).toInt(), 4000);
    QVERIFY(refused.isEmpty());
    QCOMPARE(m_server->connectionCount(), 1); // no plain WebSocket connection after the 4000
    QVERIFY(connection->state() != ConnectionState::Failed);
    QVERIFY(connection->state() != ConnectionState::Connected);
}

void TestFakeServer::normalCloseOrAbort_reconnects_data()
{
    QTest::addColumn<int>("code"); // 0: abort, no close frame
    QTest::newRow("1000 normal") << 1000;
    QTest::newRow("1001 going away") << 1001;
    QTest::newRow("abort") << 0;
}

void TestFakeServer::normalCloseOrAbort_reconnects()
{
    QFETCH(int, code);
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    QSignalSpy lost(m_client->connection(), &Connection::connectionLost);
    if (code == 0)
        m_server->abort(0);
    else
        m_server->close(0, code, QStringLiteral("bye"));
    QVERIFY(m_server->waitForConnections(2, 3000));
    QVERIFY(!lost.isEmpty());
    QVERIFY(m_server->waitForSubscribed(1, QStringLiteral("news")));
    QTRY_VERIFY(channel->isSubscribed());
    QCOMPARE(m_client->connection()->socketId(), m_server->socketId(1));
}

// --- garbage ---------------------------------------------------------------------------------

void TestFakeServer::garbageFrame_isReportedAndSkipped_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<bool>("binary");

    QTest::newRow("not JSON") << QStringLiteral("hello, world") << false;
    QTest::newRow("empty object") << QStringLiteral("{}") << false;
    QTest::newRow("event is a number") << QStringLiteral("{\"event\":5}") << false;
    QTest::newRow("array") << QStringLiteral("[{\"event\":\"msg\"}]") << false;
    QTest::newRow("string") << QStringLiteral("\"pusher:ping\"") << false;
    QTest::newRow("channel is a number")
        << QStringLiteral("{\"event\":\"msg\",\"channel\":7,\"data\":\"{}\"}") << false;
    QTest::newRow("truncated") << QStringLiteral(
        "{\"event\":\"msg\",\"channel\":\"news\",\"data\":\"{}\"")
                               << false;
    QTest::newRow("invalid JSON in inline data")
        << QStringLiteral("{\"event\":\"msg\",\"channel\":\"news\",\"data\":{\"a\":nope}}")
        << false;
    QTest::newRow("half a subscription_succeeded") << QStringLiteral(
        "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"news\",\"data\":{")
                                                   << false;
    QTest::newRow("huge (4 MB, unterminated)")
        << (QStringLiteral("{\"event\":\"msg\",\"channel\":\"news\",\"data\":\"")
            + QString(4 * 1024 * 1024, u'x'))
        << false;
    QTest::newRow("binary frame") << QStringLiteral(
        "{\"event\":\"msg\",\"channel\":\"news\",\"data\":\"{}\"}")
                                  << true;
}

void TestFakeServer::garbageFrame_isReportedAndSkipped()
{
    QFETCH(QString, frame);
    QFETCH(bool, binary);

    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    m_server->setOutgoingFrameSize(
        256 * 1024); // within the client's frame cap: the message is what is bad
    Connection *connection = m_client->connection();
    QSignalSpy malformed(connection, &Connection::malformedFrame);
    QSignalSpy states(connection, &Connection::stateChanged);
    QSignalSpy channelStates(channel, &Channel::stateChanged);
    QSignalSpy events(channel, &Channel::eventReceived);

    if (binary)
        QVERIFY(m_server->sendBinary(0, frame.toUtf8()));
    else
        QVERIFY(m_server->sendText(0, frame));
    QVERIFY2(malformed.wait(5000), "no malformedFrame for the garbage");
    QCOMPARE(malformed.count(), 1);
    QVERIFY(events.isEmpty());

    // The connection is still the same, and the next valid event is delivered.
    QVERIFY(m_server->sendEvent(0, QStringLiteral("msg"), QJsonObject{{QStringLiteral("n"), 1}},
                                QStringLiteral("news")));
    QVERIFY(events.wait(3000));
    QCOMPARE(events.count(), 1);
    const Event e = events.at(0).at(0).value<Event>();
    QCOMPARE(e.event, QStringLiteral("msg"));
    QCOMPARE(e.dataObject().value(QLatin1String("n")).toInt(), 1);

    QVERIFY(states.isEmpty());
    QVERIFY(channelStates.isEmpty());
    QVERIFY(channel->isSubscribed());
    QVERIFY(connection->isConnected());
    QCOMPARE(m_server->connectionCount(), 1);
    QVERIFY(m_server->isOpen(0));
}

void TestFakeServer::garbageWhilePending_leavesSubscriptionPending()
{
    m_server->setSubscribeMode(FakePusherServer::SubscribeMode::Manual);
    Client *client = makeClient(options(m_server->port()));
    Channel *channel = client->subscribe(QStringLiteral("news"));
    QSignalSpy malformed(client->connection(), &Connection::malformedFrame);
    client->connect();
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("pusher:subscribe")));
    QTRY_COMPARE(channel->state(), Channel::State::Pending);

    QVERIFY(m_server->sendText(
        0,
        QStringLiteral(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"news\",")));
    QVERIFY(m_server->sendText(0, QStringLiteral("{\"event\":null,\"channel\":\"news\"}")));
    QTRY_COMPARE(malformed.count(), 2);
    QCOMPARE(channel->state(), Channel::State::Pending);

    m_server->confirmSubscription(0, QStringLiteral("news"));
    QTRY_COMPARE(channel->state(), Channel::State::Subscribed);
    QCOMPARE(m_server->subscribeRequests(0, QStringLiteral("news")).size(), 1);
}

void TestFakeServer::nonJsonStringData_isDeliveredAsString()
{
    // pusher-js keeps a data string that is not JSON as it is; so do we (not an error).
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    QSignalSpy malformed(m_client->connection(), &Connection::malformedFrame);
    QSignalSpy events(channel, &Channel::eventReceived);
    QVERIFY(m_server->sendText(
        0, QStringLiteral("{\"event\":\"msg\",\"channel\":\"news\",\"data\":\"{not json\"}")));
    QVERIFY(events.wait(3000));
    const Event e = events.at(0).at(0).value<Event>();
    QCOMPARE(e.data, QStringLiteral("{not json"));
    QCOMPARE(e.dataJson(), QJsonValue(QStringLiteral("{not json")));
    QVERIFY(malformed.isEmpty());
    QVERIFY(channel->isSubscribed());
}

void TestFakeServer::largeMessage_isDelivered_data()
{
    QTest::addColumn<int>("kib");
    QTest::addColumn<quint64>("frameSize"); // 0: the fake server's default (512 KiB frames)
    // The client takes frames of up to 256 KiB (far above Pusher's 10 KB and soketi's 100 KB
    // event limits); bigger messages arrive when the server fragments them.
    QTest::newRow("100 KiB, one frame") << 100 << quint64(0);
    QTest::newRow("250 KiB, one frame") << 250 << quint64(64 * 1024 * 1024);
    QTest::newRow("1000 KiB in 128 KiB frames") << 1000 << quint64(128 * 1024);
    QTest::newRow("4 MiB in 256 KiB frames") << 4096 << quint64(256 * 1024);
}

void TestFakeServer::largeMessage_isDelivered()
{
    QFETCH(int, kib);
    QFETCH(quint64, frameSize);
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    if (frameSize > 0)
        m_server->setOutgoingFrameSize(frameSize);
    QSignalSpy events(channel, &Channel::eventReceived);
    QSignalSpy lost(m_client->connection(), &Connection::connectionLost);
    const QString text(kib * 1024 - 16, u'y');
    QVERIFY(m_server->sendEvent(0, QStringLiteral("history"),
                                QJsonObject{{QStringLiteral("text"), text}},
                                QStringLiteral("news")));
    QVERIFY2(events.wait(3000), "the large event never arrived");
    QCOMPARE(
        events.at(0).at(0).value<Event>().dataObject().value(QLatin1String("text")).toString().size(),
        text.size());
    // The connection is still alive and answers its pings.
    QVERIFY(m_server->sendEvent(0, QStringLiteral("msg"), QJsonObject(), QStringLiteral("news")));
    QVERIFY(events.wait(3000));
    QVERIFY(lost.isEmpty());
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestFakeServer::oversizedFrame_dropsConnectionAtOnce()
{
    // A single frame bigger than the client reads ahead must not hang the connection until the
    // keep-alive notices (150 s with the defaults): it is refused, and the client reconnects.
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    m_server->setOutgoingFrameSize(64 * 1024 * 1024);
    QSignalSpy lost(m_client->connection(), &Connection::connectionLost);
    QElapsedTimer sinceSend;
    sinceSend.start();
    QVERIFY(
        m_server->sendEvent(0, QStringLiteral("history"),
                            QJsonObject{{QStringLiteral("text"), QString(3 * 1024 * 1024, u'z')}},
                            QStringLiteral("news")));
    QVERIFY(lost.wait(3000));
    const qint64 ms = sinceSend.elapsed();
    QVERIFY2(ms < 1500, qPrintable(QStringLiteral("noticed after %1 ms").arg(ms)));
    QCOMPARE(lost.at(0).at(0).toInt(), 1009);
    QVERIFY(m_server->waitForConnections(2, 3000));
    QVERIFY(m_server->waitForSubscribed(1, QStringLiteral("news")));
    QTRY_VERIFY(channel->isSubscribed());
}

// --- keep-alive, auth races, outages ---------------------------------------------------------

QTEST_GUILESS_MAIN(TestFakeServer)
#include "tst_fakeserver.moc"
