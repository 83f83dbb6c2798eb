// Connection: timeouts, connect/disconnect, checks, errors and events,
// driven by a FakeClock and a FakeNetwork (ConnectionRig.h).
#include "ConnectionRig.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <memory>

class TestConnectionLifecycle : public QObject
{
    Q_OBJECT
private slots:
    void handshakeTimeoutRetries()
    {
        Rig rig;
        rig.connection->connect();
        FakeTransport *t = rig.net.last();
        t->serverOpen(); // open, but never a connection_established
        rig.clock.advance(rig.options.handshakeTimeoutMs - 1);
        QVERIFY(!t->isAborted());
        rig.clock.advance(1);
        QVERIFY(t->isAborted());
        QCOMPARE(rig.lost.size(), 1);
        QCOMPARE(rig.delays.size(), 1);
        rig.clock.advance(rig.delays.last());
        QCOMPARE(rig.net.count(), 2);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        // The late handshake of the first socket changes nothing.
        t->serverHandshake(S("9.9"));
        QCOMPARE(rig.connection->socketId(), S("123.456"));
        QCOMPARE(rig.connectedIds.size(), 1);
    }

    void handshakeTimeoutAlsoWhenNeverOpened()
    {
        Rig rig;
        rig.connection->connect();
        rig.clock.advance(rig.options.handshakeTimeoutMs);
        QVERIFY(rig.net.at(0)->isAborted());
        QCOMPARE(rig.delays.size(), 1);
    }

    void disconnectDuringScheduledRetry()
    {
        Rig rig;
        rig.connection->connect();
        rig.net.last()->fail();
        QCOMPARE(rig.delays.size(), 1);
        rig.connection->disconnect();
        QCOMPARE(toString(rig.state()), toString(State::Disconnected));
        rig.clock.advance(3600 * 1000);
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(toString(rig.state()), toString(State::Disconnected));
        QCOMPARE(rig.clock.activeTimerCount(), 0);
        QCOMPARE(rig.transitions.last(), T(State::Connecting, State::Disconnected));
    }

    void disconnectDuringAttemptInFlight()
    {
        Rig rig;
        rig.connection->connect();
        QPointer<FakeTransport> t = rig.net.last();
        rig.connection->disconnect();
        QVERIFY(t->isAborted());
        QCOMPARE(toString(rig.state()), toString(State::Disconnected));
        // The server answers anyway: ignored.
        t->serverOpen();
        t->serverHandshake(S("5.5"));
        t->serverSend(S("{\"event\":\"app\",\"channel\":\"c\",\"data\":\"x\"}"));
        t->serverSend(S("{\"event\":\"pusher:ping\"}"));
        QCOMPARE(toString(rig.state()), toString(State::Disconnected));
        QVERIFY(rig.connectedIds.isEmpty());
        QVERIFY(rig.connection->socketId().isEmpty());
        QVERIFY(rig.events.isEmpty());
        QVERIFY(t->sent.isEmpty());
        rig.clock.advance(3600 * 1000);
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(rig.clock.activeTimerCount(), 0);
        // The transport is released once the event loop gets to it.
        FakeClock::flushDeletes();
        QVERIFY(t.isNull());
    }

    void disconnectWhileConnected()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        rig.connection->disconnect();
        QVERIFY(t->isAborted());
        QCOMPARE(toString(rig.state()), toString(State::Disconnected));
        QVERIFY(rig.connection->socketId().isEmpty());
        QVERIFY(!rig.connection->send(S("{}")));
        rig.clock.advance(3600 * 1000);
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(rig.clock.activeTimerCount(), 0);
        QVERIFY(rig.delays.isEmpty());
    }

    void connectTwiceMakesOneTransport()
    {
        Rig rig;
        rig.connection->connect();
        rig.connection->connect();
        QCOMPARE(rig.net.count(), 1);
        rig.net.last()->accept();
        rig.connection->connect();
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        // During a scheduled retry, too: no extra attempt, the schedule is kept.
        rig.net.last()->fail();
        const int delay = rig.delays.last();
        rig.connection->connect();
        QCOMPARE(rig.net.count(), 1);
        rig.clock.advance(delay);
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(rig.transitions.size(), 3); // initialized->connecting->connected->connecting
    }

    void disconnectThenConnectImmediately()
    {
        Rig rig;
        FakeTransport *first = rig.connectAndAccept();
        rig.connection->disconnect();
        rig.connection->connect();
        QCOMPARE(rig.net.count(), 2);
        QVERIFY(first->isAborted());
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        QCOMPARE(rig.transitions.mid(2),
                 (QStringList{T(State::Connected, State::Disconnected),
                              T(State::Disconnected, State::Connecting)}));
        first->serverSend(S("{\"event\":\"app\",\"channel\":\"c\"}"));
        first->serverClose(1000, S("bye"));
        QVERIFY(rig.events.isEmpty());
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.net.last()->accept(S("2.2"));
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.connection->socketId(), S("2.2"));

        // Same while an attempt was in flight.
        rig.connection->disconnect();
        rig.connection->connect();
        FakeTransport *inFlight = rig.net.last();
        rig.connection->disconnect();
        rig.connection->connect();
        QCOMPARE(rig.net.count(), 4);
        inFlight->accept(S("3.3"));
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.net.last()->accept(S("4.4"));
        QCOMPARE(rig.connection->socketId(), S("4.4"));
    }

    void checkNowWhenConnectedProbes()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        rig.connection->checkNow();
        QCOMPARE(t->sent, QStringList{S("{\"event\":\"pusher:ping\",\"data\":{}}")});
        const int probe = std::min(rig.options.pongTimeoutMs, 5000);
        rig.clock.advance(probe - 1);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        rig.clock.advance(1);
        QVERIFY(t->isAborted());
        QCOMPARE(rig.delays, QList<int>{0});
        QCOMPARE(rig.net.count(), 2);

        // With a pong in time, nothing happens.
        rig.net.last()->accept();
        rig.connection->checkNow();
        rig.clock.advance(100);
        rig.net.last()->serverSend(S("{\"event\":\"pusher:pong\",\"data\":{}}"));
        rig.clock.advance(60000);
        QCOMPARE(rig.net.count(), 2);
    }

    void checkNowDoesNotExtendAPendingPong()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept(S("1.1"), 30);
        rig.clock.advance(30000); // regular ping, 30 s pong timeout
        rig.clock.advance(28000);
        rig.connection->checkNow(); // 2 s left: the probe must not push the deadline out to 5 s
        rig.clock.advance(2000);
        QVERIFY(t->isAborted());
    }

    void checkNowWhileWaitingRetriesAtOnce()
    {
        ConnectionOptions o = Rig::defaults();
        o.backoffInitialMs = 5000;
        Rig rig(o);
        rig.connection->connect();
        rig.net.last()->fail();
        QCOMPARE(rig.delays.last(), 5000);
        rig.connection->checkNow();
        QCOMPARE(rig.net.count(), 2);
        // Not wanted: checkNow does nothing.
        rig.connection->disconnect();
        rig.connection->checkNow();
        QCOMPARE(rig.net.count(), 2);
    }

    void retryNowSkipsTheDelay()
    {
        ConnectionOptions o = Rig::defaults();
        o.backoffInitialMs = 8000;
        Rig rig(o);
        rig.connection->connect();
        rig.net.last()->fail();
        QCOMPARE(rig.net.count(), 1);
        rig.connection->retryNow();
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(rig.clock.nowMs(), 0);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        // The skipped timer does not fire later.
        rig.clock.advance(20000);
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        // Nothing scheduled: retryNow is a no-op.
        rig.connection->retryNow();
        QCOMPARE(rig.net.count(), 2);
    }

    void serverErrorWithChannelDoesNotClose()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        t->serverSend(frames::pusherError(4301, S("Client event rejected - only 10 per second"),
                                          S("private-chat")));
        QCOMPARE(rig.serverErrors.size(), 1);
        QCOMPARE(rig.serverErrors.first().code, 4301);
        QCOMPARE(rig.serverErrors.first().message, S("Client event rejected - only 10 per second"));
        QCOMPARE(rig.serverErrors.first().channel, S("private-chat"));
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QVERIFY(!t->isAborted());
        QVERIFY(rig.events.isEmpty());
        // "code": null, and double-encoded data.
        t->serverSend(S("{\"event\":\"pusher:error\",\"data\":\"{\\\"code\\\":null,\\\"message\\\":"
                        "\\\"oops\\\"}\"}"));
        QCOMPARE(rig.serverErrors.size(), 2);
        QCOMPARE(rig.serverErrors.last().code, 0);
        QCOMPARE(rig.serverErrors.last().message, S("oops"));
        QVERIFY(rig.serverErrors.last().channel.isEmpty());
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }

    void invalidSignatureErrorIsAttributedToChannel_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("channel");
        QTest::newRow("private") << S("Invalid signature: Expected HMAC SHA256 hex digest of "
                                      "123.456:private-foo, but got 52aab0c")
                                 << S("private-foo");
        QTest::newRow("hosted example")
            << S("Invalid signature: Expected HMAC SHA256 hex digest of "
                 "264774.13368624:private-phone-company-509, but got 52aab")
            << S("private-phone-company-509");
        QTest::newRow("presence with channel_data")
            << S("Invalid signature: Expected HMAC SHA256 hex digest of "
                 "1.2:presence-room:{\"user_id\":\"1\"}, but got 00")
            << S("presence-room");
        QTest::newRow("name with comma") << S(
            "Invalid signature: Expected HMAC SHA256 hex digest of 1.2:private-a,b, but got 00")
                                         << S("private-a,b");
        QTest::newRow("end of message")
            << S("Invalid signature: Expected HMAC SHA256 hex digest of 1.2:private-x")
            << S("private-x");
        QTest::newRow("unrelated") << S("Something else entirely") << QString();
    }

    void invalidSignatureErrorIsAttributedToChannel()
    {
        QFETCH(QString, message);
        QFETCH(QString, channel);
        Rig rig;
        rig.connectAndAccept();
        rig.net.last()->serverSend(
            S("{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":")
            + frames::json(QJsonArray{message}).mid(1).chopped(1) + S("}}"));
        QCOMPARE(rig.serverErrors.size(), 1);
        QCOMPARE(rig.serverErrors.first().message, message);
        QCOMPARE(rig.serverErrors.first().channel, channel);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }

    void malformedFramesKeepTheConnection()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        t->serverSend(S("not json"));
        t->serverSend(S("{\"event\":5}"));
        t->serverSend(S("{\"event\":\"x\"} trailing"));
        t->serverSend(S("[]"));
        t->serverSend(S("{\"event\":\"x\",\"data\":nul}"));
        QCOMPARE(rig.malformed.size(), 5);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QVERIFY(!t->isAborted());
        t->serverSend(S("{\"event\":\"app\",\"channel\":\"c\",\"data\":\"ok\"}"));
        QCOMPARE(rig.events.size(), 1);
        QCOMPARE(rig.events.first().event, S("app"));
        QCOMPARE(rig.events.first().channel, S("c"));
        QCOMPARE(rig.events.first().data, S("ok"));
    }

    void framesBeforeHandshakeAreDropped()
    {
        Rig rig;
        rig.connection->connect();
        rig.net.last()->serverOpen();
        rig.net.last()->serverSend(S("{\"event\":\"app\",\"channel\":\"c\"}"));
        QVERIFY(rig.events.isEmpty());
        rig.net.last()->serverHandshake();
        rig.net.last()->serverSend(S("{\"event\":\"app\",\"channel\":\"c\"}"));
        QCOMPARE(rig.events.size(), 1);
    }

    void eventsAreHandedOn()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        t->serverSend(S("{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"c\","
                        "\"data\":\"{}\"}"));
        t->serverSend(S("{\"event\":\"pusher:subscription_error\",\"channel\":\"c\",\"data\":{"
                        "\"status\":401}}"));
        t->serverSend(S("{\"event\":\"pusher:cache_miss\",\"channel\":\"cache-c\"}"));
        t->serverSend(S("{\"event\":\"pusher:signin_success\",\"data\":{\"user_data\":\"{}\"}}"));
        t->serverSend(
            S("{\"event\":\"pusher_internal:watchlist_events\",\"data\":{\"events\":[]}}"));
        QCOMPARE(rig.events.size(), 5);
        QCOMPARE(rig.events.at(0).event, S("pusher_internal:subscription_succeeded"));
        QCOMPARE(rig.events.at(3).event, S("pusher:signin_success"));
    }

    void closeFromServerAfterEstablishedReconnects()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        t->serverClose(1000, S("normal"));
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        QCOMPARE(rig.delays.size(), 1);
        QCOMPARE(rig.lost, QList<int>{1000});
        rig.clock.advance(rig.delays.last());
        QCOMPARE(rig.net.count(), 2);
    }

    void destroyingTheConnectionAbortsTheTransport()
    {
        auto rig = std::make_unique<Rig>();
        QPointer<FakeTransport> t = rig->connectAndAccept();
        rig->connection.reset();
        QVERIFY(!t || t->isAborted());
    }

    // Product requirement: after a server outage of 2 s, be connected (and so subscribed) again
    // within 2 s of the server's return.
    void outageOfTwoSecondsRecoversWithinTwoSeconds_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("outageMs");
        QTest::addColumn<int>(
            "closeCode"); // how the old connection ends: 1006 (killed), 4200 (graceful)
        for (double r : {0.0, 0.5, 0.999999}) {
            for (int outage : {500, 1000, 2000}) {
                for (int code : {1006, 4200})
                    QTest::addRow("random %.2f outage %d close %d", r, outage, code)
                        << r << outage << code;
            }
        }
    }

    void outageOfTwoSecondsRecoversWithinTwoSeconds()
    {
        QFETCH(double, random);
        QFETCH(int, outageMs);
        QFETCH(int, closeCode);
        Rig rig;
        rig.clock.setRandom(random);
        QList<qint64> attemptTimes;
        QObject::connect(
            &rig.net, &FakeNetwork::transportOpening, &rig.net,
            [&](FakeTransport *, const QUrl &) { attemptTimes.append(rig.clock.nowMs()); });
        rig.connectAndAccept();
        rig.clock.advance(10000);
        const qint64 down = rig.clock.nowMs();
        const qint64 back = down + outageMs;
        if (closeCode == 1006)
            rig.net.last()->fail(Transport::Failure::Network,
                                 S("connection reset")); // the server died
        else
            rig.net.last()->serverClose(closeCode, S("server shutting down"));
        qint64 connectedAt = -1;
        QObject::connect(rig.connection.get(), &Connection::connected, rig.connection.get(),
                         [&] { connectedAt = rig.clock.nowMs(); });
        // Each attempt gets its answer 1 ms after it starts: refused while the server is down,
        // accepted once it is back.
        while (rig.clock.nowMs() < back + 10000 && connectedAt < 0) {
            rig.clock.advance(1);
            FakeTransport *t = rig.net.last();
            if (!t || t->isAborted() || t->isClosed() || t->isOpened())
                continue;
            if (rig.clock.nowMs() < back)
                t->fail(Transport::Failure::Network, S("connection refused"));
            else
                t->accept(S("2.2"));
        }
        QVERIFY(connectedAt >= back);
        QVERIFY2(
            connectedAt - back <= 2000,
            qPrintable(QStringLiteral("connected %1 ms after the server came back (attempts at %2)")
                           .arg(connectedAt - back)
                           .arg([&] {
                               QStringList s;
                               for (qint64 a : attemptTimes)
                                   s << QString::number(a - down);
                               return s.join(u',');
                           }())));
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }
};

QTEST_GUILESS_MAIN(TestConnectionLifecycle)
#include "tst_connectionlifecycle.moc"
