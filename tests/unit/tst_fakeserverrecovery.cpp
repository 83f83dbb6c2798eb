// The real Client against FakePusherServer: a silent server, slow auth across a reconnect, a
// server outage, client-event gating and pacing, server pings, and server-side subscription and
// client-event errors.
#include "FakeServerFixture.h"

class TestFakeServerRecovery : public QObject, public FakeServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { registerTypes(); }
    void init() { setUpFixture(); }
    void cleanup() { tearDownFixture(); }

    void silentServer_reconnectsAndResubscribes();
    void slowAuth_staleAnswerAcrossReconnectIsNotUsed();
    void serverOutage_resubscribedWithinTwoSecondsOfRestart();
    void clientEvent_sentOnlyAfterSubscription();
    void clientEvents_arePacedAndOrdered();
    void clientEvents_queuedAcrossReconnect_followTheResubscribe();
    void serverPing_isAnsweredWithPong();
    void subscriptionError_failsChannelWithStatus_data();
    void subscriptionError_failsChannelWithStatus();
    void wrongSignature_rejectedByServer_failsChannel();
    void pusherError4301_rejectsClientEvent();
    void pusherErrorWithoutChannel_reachesClient();
    void presence_membersFromServer();
};

void TestFakeServerRecovery::silentServer_reconnectsAndResubscribes()
{
    m_server->setAutoPong(false);
    ConnectionOptions o = options(m_server->port());
    o.activityTimeoutMs = 300;
    o.pongTimeoutMs = 300;
    makeClient(o);
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    QSignalSpy lost(m_client->connection(), &Connection::connectionLost);

    // Idle for the activity timeout: a ping; no pong within the pong timeout: a new connection.
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("pusher:ping"), 1, 3000));
    const qint64 pingAt = m_server->frameTimesMs(0).constLast();
    const QJsonObject ping = m_server->events(0, QStringLiteral("pusher:ping")).constFirst();
    QVERIFY(ping.value(QLatin1String("data")).isObject());
    QVERIFY(m_server->waitForConnections(2, 3000));
    m_server->setAutoPong(true); // the new connection's server answers
    const qint64 reconnectAt = m_server->elapsedMs();
    QVERIFY2(reconnectAt - pingAt >= 250,
             qPrintable(QStringLiteral("gave up %1 ms after the ping").arg(reconnectAt - pingAt)));
    QVERIFY(m_server->waitForClosed(0, 2000));
    QVERIFY(!lost.isEmpty());

    QVERIFY(m_server->waitForSubscribed(1, QStringLiteral("news")));
    QTRY_VERIFY(channel->isSubscribed());

    // With pongs, several activity periods pass on the same connection.
    QTest::qWait(1200);
    QVERIFY(m_server->events(1, QStringLiteral("pusher:ping")).size() >= 2);
    QCOMPARE(m_server->connectionCount(), 2);
    QVERIFY(channel->isSubscribed());
}

void TestFakeServerRecovery::slowAuth_staleAnswerAcrossReconnectIsNotUsed()
{
    m_server->setAppCredentials(Key, Secret);
    DelayedAuthorizer slow(m_signer.get(), 1000);
    Client *client = makeClient(options(m_server->port()), &slow);
    const QString name = QStringLiteral("private-room");
    Channel *channel = client->subscribe(name);
    QSignalSpy failed(channel, &Channel::subscriptionFailed);
    client->connect();
    QVERIFY(m_server->waitForConnections(1));
    QTRY_COMPARE(slow.requests().size(), 1);
    const QString firstSocket = m_server->socketId(0);
    QCOMPARE(slow.requests().at(0), firstSocket);

    // The connection drops and comes back while the first answer is still on its way.
    QTest::qWait(300);
    m_server->close(0, 4200, QStringLiteral("reconnect"));
    QVERIFY(m_server->waitForConnections(2, 3000));
    const QString secondSocket = m_server->socketId(1);
    QVERIFY(secondSocket != firstSocket);
    QTRY_COMPARE(client->connection()->socketId(), secondSocket);

    QTRY_VERIFY_WITH_TIMEOUT(channel->isSubscribed(), 5000);
    QVERIFY(m_server->subscribedChannels(1).contains(name));
    QCOMPARE(slow.requests().constLast(), secondSocket);

    // Let every pending timer of the first request run out, then look at the wire.
    QTest::qWait(1200);
    QVERIFY(m_server->subscribeRequests(0).isEmpty()); // nothing was sent on the dead socket
    const QList<QJsonObject> subscribes = m_server->subscribeRequests(1, name);
    QCOMPARE(subscribes.size(), 1);
    QCOMPARE(subscribes.at(0).value(QLatin1String("auth")).toString(),
             privateAuth(secondSocket, name));
    QVERIFY(m_server->events(1, QStringLiteral("pusher:subscription_error")).isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(channel->isSubscribed());
}

void TestFakeServerRecovery::serverOutage_resubscribedWithinTwoSecondsOfRestart()
{
    // The library's default backoff: the promise is about what users get.
    ConnectionOptions o = options(m_server->port());
    const ConnectionOptions defaults;
    o.backoffInitialMs = defaults.backoffInitialMs;
    o.backoffMaxMs = defaults.backoffMaxMs;
    o.backoffFactor = defaults.backoffFactor;
    o.backoffJitter = defaults.backoffJitter;
    o.unavailableTimeoutMs = defaults.unavailableTimeoutMs;
    makeClient(o);
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);

    const quint16 port = m_server->port();
    m_server->stopListening();
    QTRY_VERIFY(!channel->isSubscribed());
    QTest::qWait(2000);
    QVERIFY(m_server->listen(port));
    QCOMPARE(m_server->port(), port);
    QElapsedTimer sinceRestart;
    sinceRestart.start();

    QTRY_VERIFY_WITH_TIMEOUT(channel->isSubscribed(), 10000);
    const qint64 ms = sinceRestart.elapsed();
    qInfo("subscribed again %lld ms after the server came back", ms);
    QVERIFY2(ms < 2000,
             qPrintable(QStringLiteral("subscribed again only %1 ms after the restart").arg(ms)));
    QVERIFY(m_server->subscribedChannels(-1).contains(QStringLiteral("news")));
}

// --- client events ---------------------------------------------------------------------------

void TestFakeServerRecovery::clientEvent_sentOnlyAfterSubscription()
{
    m_server->setAppCredentials(Key, Secret);
    m_server->setSubscribeMode(FakePusherServer::SubscribeMode::Manual);
    Client *client = makeClient(options(m_server->port()));
    const QString name = QStringLiteral("private-chat");
    Channel *channel = client->subscribe(name);
    QVERIFY(!channel->trigger(QStringLiteral("client-x"), QStringLiteral("{\"a\":1}")));
    client->connect();
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("pusher:subscribe")));
    QTest::qWait(300);
    QVERIFY(m_server->events(0, QStringLiteral("client-x")).isEmpty());

    m_server->confirmSubscription(0, name);
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("client-x"), 1, 3000));
    const QList<QJsonObject> sent = m_server->events(0, QStringLiteral("client-x"));
    QCOMPARE(sent.size(), 1);
    const QJsonObject expected{{QStringLiteral("event"), QStringLiteral("client-x")},
                               {QStringLiteral("channel"), name},
                               {QStringLiteral("data"), QJsonObject{{QStringLiteral("a"), 1}}}};
    QCOMPARE(sent.at(0), expected);

    // And on the wire it came after the subscribe.
    const QStringList frames = m_server->frames(0);
    qsizetype subscribeAt = -1, clientAt = -1;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        if (subscribeAt < 0 && frames.at(i).contains(QLatin1String("pusher:subscribe")))
            subscribeAt = i;
        if (clientAt < 0 && frames.at(i).contains(QLatin1String("client-x")))
            clientAt = i;
    }
    QVERIFY(subscribeAt >= 0 && clientAt > subscribeAt);
}

void TestFakeServerRecovery::clientEvents_arePacedAndOrdered()
{
    m_server->setAppCredentials(Key, Secret);
    const QString name = QStringLiteral("private-chat");
    Channel *channel = connectAndSubscribe(name);
    QVERIFY(channel);

    constexpr int Count = 15;
    for (int i = 0; i < Count; ++i)
        QVERIFY(!channel->trigger(QStringLiteral("client-n"), QStringLiteral("{\"n\":%1}").arg(i)));
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("client-n"), Count, 5000));

    QList<qint64> times;
    const QStringList frames = m_server->frames(0);
    const QList<qint64> frameTimes = m_server->frameTimesMs(0);
    int expectedN = 0;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const QJsonObject frame = QJsonDocument::fromJson(frames.at(i).toUtf8()).object();
        if (frame.value(QLatin1String("event")).toString() != QLatin1String("client-n"))
            continue;
        QCOMPARE(frame.value(QLatin1String("channel")).toString(), name);
        QCOMPARE(frame.value(QLatin1String("data")).toObject().value(QLatin1String("n")).toInt(),
                 expectedN);
        ++expectedN;
        times.append(frameTimes.at(i));
    }
    QCOMPARE(times.size(), Count);
    // At most 10 within the first second (a little slack for the two sockets' scheduling):
    // the 11th waits until the first has left the rolling window.
    int inFirstSecond = 0;
    for (qint64 t : times)
        inFirstSecond += t - times.first() < 950 ? 1 : 0;
    QVERIFY2(inFirstSecond <= 10,
             qPrintable(QStringLiteral("%1 client events in the first second").arg(inFirstSecond)));
    QVERIFY2(times.at(10) - times.first() >= 950,
             qPrintable(QStringLiteral("11th client event %1 ms after the first")
                            .arg(times.at(10) - times.first())));
    QVERIFY2(times.last() - times.first() < 2500,
             qPrintable(
                 QStringLiteral("15 client events took %1 ms").arg(times.last() - times.first())));
    QVERIFY(m_server->events(0, QStringLiteral("pusher:error")).isEmpty());
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestFakeServerRecovery::clientEvents_queuedAcrossReconnect_followTheResubscribe()
{
    m_server->setAppCredentials(Key, Secret);
    const QString name = QStringLiteral("private-chat");
    Channel *channel = connectAndSubscribe(name);
    QVERIFY(channel);

    // 10 leave at once, 5 wait for the rate window; the connection drops in between.
    for (int i = 0; i < 15; ++i)
        QVERIFY(!channel->trigger(QStringLiteral("client-n"), QStringLiteral("{\"n\":%1}").arg(i)));
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("client-n"), 10, 3000));
    m_server->close(0, 4200, QStringLiteral("reconnect"));
    QVERIFY(m_server->waitForConnections(2, 3000));
    QVERIFY(m_server->waitForEvent(1, QStringLiteral("client-n"), 5, 5000));

    QList<int> first, second;
    for (const QJsonObject &e : m_server->events(0, QStringLiteral("client-n")))
        first.append(e.value(QLatin1String("data")).toObject().value(QLatin1String("n")).toInt());
    for (const QJsonObject &e : m_server->events(1, QStringLiteral("client-n")))
        second.append(e.value(QLatin1String("data")).toObject().value(QLatin1String("n")).toInt());
    QCOMPARE(first, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(second, (QList<int>{10, 11, 12, 13, 14}));
    // On the new connection, only after the channel was subscribed again.
    const QStringList frames = m_server->frames(1);
    const auto subscribeAt = std::find_if(frames.begin(), frames.end(), [](const QString &f) {
        return f.contains(QLatin1String("pusher:subscribe"));
    });
    const auto clientAt = std::find_if(frames.begin(), frames.end(), [](const QString &f) {
        return f.contains(QLatin1String("client-n"));
    });
    QVERIFY(subscribeAt < clientAt);
}

void TestFakeServerRecovery::serverPing_isAnsweredWithPong()
{
    Client *client = makeClient(options(m_server->port()));
    client->connect();
    QVERIFY(m_server->waitForConnections(1));
    QTRY_VERIFY(client->connection()->isConnected());

    QVERIFY(m_server->sendEvent(0, QStringLiteral("pusher:ping"), QJsonObject(), QString(), true));
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("pusher:pong"), 1, 2000));
    // Double-encoded data, as hosted Pusher sends it, too.
    QVERIFY(m_server->sendEvent(0, QStringLiteral("pusher:ping"), QJsonObject()));
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("pusher:pong"), 2, 2000));
    const QJsonObject pong = m_server->events(0, QStringLiteral("pusher:pong")).constFirst();
    QVERIFY(!pong.contains(QLatin1String("channel")));
    QVERIFY(pong.value(QLatin1String("data")).isObject()
            || pong.value(QLatin1String("data")).isString());
    QVERIFY(client->connection()->isConnected());
}

// --- server-side errors ----------------------------------------------------------------------

void TestFakeServerRecovery::subscriptionError_failsChannelWithStatus_data()
{
    QTest::addColumn<bool>("inlineData");
    QTest::newRow("inline data (soketi)") << true;
    QTest::newRow("double-encoded data") << false;
}

void TestFakeServerRecovery::subscriptionError_failsChannelWithStatus()
{
    QFETCH(bool, inlineData);
    m_server->setSubscribeMode(FakePusherServer::SubscribeMode::Manual);
    Client *client = makeClient(options(m_server->port()));
    const QString name = QStringLiteral("private-chat");
    Channel *channel = client->subscribe(name);
    QSignalSpy failed(channel, &Channel::subscriptionFailed);
    client->connect();
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("pusher:subscribe")));
    QTRY_COMPARE(channel->state(), Channel::State::Pending);

    const QJsonObject data{
        {QStringLiteral("type"), QStringLiteral("AuthError")},
        {QStringLiteral("error"), QStringLiteral("The connection is unauthorized.")},
        {QStringLiteral("status"), 401}};
    QVERIFY(m_server->sendEvent(0, QStringLiteral("pusher:subscription_error"), data, name,
                                inlineData));
    QVERIFY(failed.wait(3000));
    const ChannelError error = failed.at(0).at(0).value<ChannelError>();
    QCOMPARE(error.kind, ChannelError::Kind::ServerRejected);
    QCOMPARE(error.status, 401);
    QVERIFY(error.message.contains(QLatin1String("unauthorized")));
    QCOMPARE(channel->state(), Channel::State::Failed);
    QVERIFY(channel->lastError().has_value());
    QVERIFY(client->connection()->isConnected());
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestFakeServerRecovery::wrongSignature_rejectedByServer_failsChannel()
{
    m_server->setAppCredentials(Key, "another-secret");
    Client *client = makeClient(options(m_server->port()));
    Channel *channel = client->subscribe(QStringLiteral("private-chat"));
    QSignalSpy failed(channel, &Channel::subscriptionFailed);
    client->connect();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChannelError>().status, 401);
    QCOMPARE(channel->state(), Channel::State::Failed);
    // A failed channel is not retried behind the user's back.
    QTest::qWait(300);
    QCOMPARE(m_server->subscribeRequests(0).size(), 1);
}

void TestFakeServerRecovery::pusherError4301_rejectsClientEvent()
{
    m_server->setAppCredentials(Key, Secret);
    const QString name = QStringLiteral("private-chat");
    Channel *channel = connectAndSubscribe(name);
    QVERIFY(channel);
    QSignalSpy rejected(channel, &Channel::clientEventRejected);
    QSignalSpy failed(channel, &Channel::subscriptionFailed);
    QSignalSpy serverErrors(m_client.get(), &Client::serverError);

    QVERIFY(!channel->trigger(QStringLiteral("client-x"), QStringLiteral("{}")));
    QVERIFY(m_server->waitForEvent(0, QStringLiteral("client-x")));
    const QJsonObject data{{QStringLiteral("code"), 4301},
                           {QStringLiteral("message"),
                            QStringLiteral("Client event rejected - only 10 per second allowed")}};
    QVERIFY(m_server->sendEvent(0, QStringLiteral("pusher:error"), data, name, true));
    QVERIFY(rejected.wait(3000));
    const ClientEventError error = rejected.at(0).at(0).value<ClientEventError>();
    QCOMPARE(error.kind, ClientEventError::Kind::RejectedByServer);
    QVERIFY(error.message.contains(QLatin1String("10 per second")));
    QVERIFY(failed.isEmpty());
    QVERIFY(serverErrors.isEmpty());
    QVERIFY(channel->isSubscribed());
    QVERIFY(m_client->connection()->isConnected());
}

void TestFakeServerRecovery::pusherErrorWithoutChannel_reachesClient()
{
    Channel *channel = connectAndSubscribe(QStringLiteral("news"));
    QVERIFY(channel);
    QSignalSpy serverErrors(m_client.get(), &Client::serverError);
    const QJsonObject data{{QStringLiteral("code"), 4301},
                           {QStringLiteral("message"), QStringLiteral("slow down")}};
    QVERIFY(m_server->sendEvent(0, QStringLiteral("pusher:error"), data, QString(), true));
    QVERIFY(serverErrors.wait(3000));
    QCOMPARE(serverErrors.at(0).at(0).toInt(), 4301);
    QCOMPARE(serverErrors.at(0).at(1).toString(), QStringLiteral("slow down"));
    QVERIFY(channel->isSubscribed());
    QVERIFY(m_client->connection()->isConnected());
}

void TestFakeServerRecovery::presence_membersFromServer()
{
    m_server->setAppCredentials(Key, Secret);
    makeClient(options(m_server->port()));
    auto *channel = qobject_cast<PresenceChannel *>(
        connectAndSubscribe(QStringLiteral("presence-lobby")));
    QVERIFY(channel);
    QCOMPARE(channel->members()->count(), 1);
    QCOMPARE(channel->members()->myId(), QStringLiteral("alice"));
    QVERIFY(channel->members()->me().has_value());
    QCOMPARE(channel->members()->me()->info.value(QLatin1String("name")).toString(),
             QStringLiteral("Alice"));
}

QTEST_GUILESS_MAIN(TestFakeServerRecovery)
#include "tst_fakeserverrecovery.moc"
