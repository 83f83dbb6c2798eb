// Connection: URLs, the handshake, activity and pings,
// driven by a FakeClock and a FakeNetwork (ConnectionRig.h).
#include "ConnectionRig.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <memory>

class TestConnection : public QObject
{
    Q_OBJECT
private slots:
    void urlForCluster()
    {
        Rig rig;
        QCOMPARE(rig.options.url().toString(),
                 QStringLiteral("wss://ws-mt1.pusher.com:443/app/KEY?") + expectedQuery());
        rig.connection->connect();
        QCOMPARE(rig.net.urls.size(), 1);
        QCOMPARE(rig.net.urls.first(), rig.options.url());
        QCOMPARE(rig.net.last()->url(), rig.options.url());
    }

    void urlForHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("expected");
        const QString q = expectedQuery();
        QTest::newRow("soketi plain") << S("127.0.0.1") << 6001 << false << QString()
                                      << S("ws://127.0.0.1:6001/app/KEY?") + q;
        QTest::newRow("tls custom port") << S("ws.example.com") << 8443 << true << QString()
                                         << S("wss://ws.example.com:8443/app/KEY?") + q;
        QTest::newRow("default port no tls")
            << S("localhost") << 0 << false << QString() << S("ws://localhost:80/app/KEY?") + q;
        QTest::newRow("default port tls")
            << S("localhost") << 0 << true << QString() << S("wss://localhost:443/app/KEY?") + q;
        QTest::newRow("prefix slashes") << S("localhost") << 6001 << false << S("/pusher/")
                                        << S("ws://localhost:6001/pusher/app/KEY?") + q;
        QTest::newRow("prefix bare") << S("localhost") << 6001 << false << S("pusher")
                                     << S("ws://localhost:6001/pusher/app/KEY?") + q;
        QTest::newRow("prefix nested") << S("localhost") << 6001 << true << S("/a/b//")
                                       << S("wss://localhost:6001/a/b/app/KEY?") + q;
        QTest::newRow("host wins over cluster") << S("example.org") << 0 << true << QString()
                                                << S("wss://example.org:443/app/KEY?") + q;
    }

    void urlForHost()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, tls);
        QFETCH(QString, prefix);
        QFETCH(QString, expected);
        ConnectionOptions o = Rig::defaults();
        o.host = host;
        o.port = port;
        o.tls = tls;
        o.pathPrefix = prefix;
        QCOMPARE(o.url().toString(), expected);
        Rig rig(o);
        rig.connection->connect();
        QCOMPARE(rig.net.last()->url().toString(), expected);
    }

    void validateOptions()
    {
        ConnectionOptions o;
        QVERIFY(!o.validate().isEmpty());
        o.key = QStringLiteral("KEY");
        QVERIFY(!o.validate().isEmpty());
        o.cluster = QStringLiteral("eu");
        QVERIFY(o.validate().isEmpty());
        o.port = 70000;
        QVERIFY(!o.validate().isEmpty());
        o.port = 6001;
        o.cluster.clear();
        o.host = QStringLiteral("localhost");
        QVERIFY(o.validate().isEmpty());
    }

    void connectsThroughStates()
    {
        Rig rig;
        QCOMPARE(toString(rig.state()), toString(State::Initialized));
        QCOMPARE(rig.net.count(), 0);
        rig.connection->connect();
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        QCOMPARE(rig.transitions, (QStringList{T(State::Initialized, State::Connecting)}));
        QCOMPARE(rig.net.count(), 1);
        FakeTransport *t = rig.net.last();
        t->serverOpen();
        QCOMPARE(toString(rig.state()),
                 toString(State::Connecting)); // open is not enough: the handshake decides
        QVERIFY(!rig.connection->isConnected());
        QVERIFY(!rig.connection->send(S("{\"event\":\"x\"}")));
        QVERIFY(t->sent.isEmpty());
        t->serverHandshake(S("123.456"), 120);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QVERIFY(rig.connection->isConnected());
        QCOMPARE(rig.transitions,
                 (QStringList{T(State::Initialized, State::Connecting),
                              T(State::Connecting, State::Connected)}));
        QCOMPARE(rig.connectedIds, QStringList{S("123.456")});
        QCOMPARE(rig.connection->socketId(), S("123.456"));
        QVERIFY(rig.delays.isEmpty());
        QVERIFY(rig.lost.isEmpty());
        // Handshake frames are consumed, not handed on.
        QVERIFY(rig.events.isEmpty());
        QVERIFY(rig.connection->send(S("{\"event\":\"x\"}")));
        QCOMPARE(t->sent, QStringList{S("{\"event\":\"x\"}")});
    }

    void sendEventFormat()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        QVERIFY(rig.connection->sendEvent(S("client-typing"), S("{\"typing\":true}"),
                                          S("private-chat")));
        QCOMPARE(t->sent.last(),
                 S("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"typing\":"
                   "true}}"));
        QVERIFY(rig.connection->sendEvent(S("pusher:ping"), QString()));
        QCOMPARE(t->sent.last(), S("{\"event\":\"pusher:ping\",\"data\":{}}"));
        QVERIFY(rig.connection->sendEvent(S("client-\"q\""), S("[1]"), S("c")));
        QCOMPARE(frames::parse(t->sent.last()).value(QLatin1String("event")).toString(),
                 S("client-\"q\""));
    }

    void activityTimeoutIsMinOfOursAndServers()
    {
        {
            Rig rig;
            rig.connectAndAccept(S("1.1"), 30);
            QCOMPARE(rig.connection->activityTimeoutMs(), 30000);
        }
        {
            Rig rig;
            rig.connectAndAccept(S("1.1"), 300);
            QCOMPARE(rig.connection->activityTimeoutMs(), 120000);
        }
        {
            ConnectionOptions o = Rig::defaults();
            o.activityTimeoutMs = 5000;
            Rig rig(o);
            rig.connectAndAccept(S("1.1"), 30);
            QCOMPARE(rig.connection->activityTimeoutMs(), 5000);
        }
        {
            // No activity_timeout in the handshake: ours.
            Rig rig;
            rig.connection->connect();
            rig.net.last()->serverOpen();
            rig.net.last()->serverSend(
                frames::frame(S("pusher:connection_established"),
                              frames::json(QJsonObject{{S("socket_id"), S("9.9")}})));
            QCOMPARE(toString(rig.state()), toString(State::Connected));
            QCOMPARE(rig.connection->activityTimeoutMs(), 120000);
        }
        {
            // Inline object data (as some servers send) works too.
            Rig rig;
            rig.connection->connect();
            rig.net.last()->serverOpen();
            rig.net.last()->serverSend(S("{\"event\":\"pusher:connection_established\",\"data\":{"
                                         "\"socket_id\":\"7.7\",\"activity_timeout\":10}}"));
            QCOMPARE(toString(rig.state()), toString(State::Connected));
            QCOMPARE(rig.connection->socketId(), S("7.7"));
            QCOMPARE(rig.connection->activityTimeoutMs(), 10000);
        }
    }

    void handshakeWithoutSocketIdRetries()
    {
        Rig rig;
        rig.connection->connect();
        rig.net.last()->serverOpen();
        rig.net.last()->serverSend(
            frames::frame(S("pusher:connection_established"),
                          frames::json(QJsonObject{{S("activity_timeout"), 30}})));
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        QCOMPARE(rig.malformed.size(), 1);
        QVERIFY(rig.net.at(0)->isAborted());
        QCOMPARE(rig.delays.size(), 1);
        rig.clock.advance(rig.delays.last());
        QCOMPARE(rig.net.count(), 2);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }

    void pingAfterActivityTimeoutAndPongClears()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept(S("1.1"), 30);
        rig.clock.advance(29999);
        QCOMPARE(t->sent.size(), 0);
        rig.clock.advance(1);
        QCOMPARE(t->sent, QStringList{S("{\"event\":\"pusher:ping\",\"data\":{}}")});
        // The server answers within the pong timeout.
        rig.clock.advance(10000);
        t->serverSend(S("{\"event\":\"pusher:pong\",\"data\":{}}"));
        QVERIFY(rig.events.isEmpty()); // pong is consumed
        rig.clock.advance(25000); // past the original pong deadline
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QVERIFY(!t->isAborted());
        QCOMPARE(rig.net.count(), 1);
        QVERIFY(rig.lost.isEmpty());
        // The pong was activity: the next ping comes activity_timeout after it.
        QCOMPARE(t->sent.size(), 1);
        rig.clock.advance(5000);
        QCOMPARE(t->sent.size(), 2);
        QCOMPARE(t->lastSentEvent(), S("pusher:ping"));
        // ... and keeps the connection up as long as pongs arrive.
        for (int i = 0; i < 10; ++i) {
            t->serverSend(S("{\"event\":\"pusher:pong\",\"data\":\"{}\"}"));
            rig.clock.advance(30000);
        }
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(t->sentCount(S("pusher:ping")), 12);
        QCOMPARE(rig.net.count(), 1);
    }

    void noPongDropsAndReconnectsAtOnce()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept(S("1.1"), 30);
        rig.clock.advance(30000);
        QCOMPARE(t->sentCount(S("pusher:ping")), 1);
        rig.clock.advance(rig.options.pongTimeoutMs - 1);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QVERIFY(!t->isAborted());
        rig.clock.advance(1);
        QVERIFY(t->isAborted());
        QCOMPARE(rig.delays, QList<int>{0});
        QCOMPARE(rig.lost.size(), 1);
        QCOMPARE(rig.lost.first(), 4201);
        QCOMPARE(rig.transitions.last(), T(State::Connected, State::Connecting));
        QVERIFY(rig.connection->socketId().isEmpty());
        // The 0 ms retry was due within the same advance.
        QCOMPARE(rig.net.count(), 2);
        rig.net.last()->accept(S("2.2"), 30);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.connection->socketId(), S("2.2"));
        // Nothing from the dead socket counts any more.
        t->serverSend(S("{\"event\":\"app\",\"channel\":\"c\"}"));
        QVERIFY(rig.events.isEmpty());
    }

    void anyMessageIsActivity()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept(S("1.1"), 30);
        rig.clock.advance(20000);
        t->serverSend(S("{\"event\":\"app-event\",\"channel\":\"c\",\"data\":\"x\"}"));
        QCOMPARE(rig.events.size(), 1);
        rig.clock.advance(20000);
        QCOMPARE(t->sentCount(S("pusher:ping")), 0);
        t->serverSend(S("garbage")); // even a malformed frame proves the socket is alive
        rig.clock.advance(29999);
        QCOMPARE(t->sentCount(S("pusher:ping")), 0);
        rig.clock.advance(1);
        QCOMPARE(t->sentCount(S("pusher:ping")), 1);
        // While waiting for the pong, any message clears the pong timer too.
        rig.clock.advance(10000);
        t->serverSend(S("{\"event\":\"app-event\",\"channel\":\"c\",\"data\":\"y\"}"));
        rig.clock.advance(25000);
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QVERIFY(!t->isAborted());
        QVERIFY(rig.lost.isEmpty());
    }

    void serverPingIsAnswered()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        t->serverSend(S("{\"event\":\"pusher:ping\",\"data\":{}}"));
        QCOMPARE(t->sent, QStringList{S("{\"event\":\"pusher:pong\",\"data\":{}}")});
        t->serverSend(S("{\"event\":\"pusher:ping\",\"data\":\"{}\"}"));
        t->serverSend(S("{\"event\":\"pusher:ping\"}"));
        QCOMPARE(t->sentCount(S("pusher:pong")), 3);
        QVERIFY(rig.events.isEmpty());
    }

    // Review item 12: a second connection_established on a live socket is a protocol error: the
    // connection starts over cleanly (channels see it go down and come back), never silently
    // changes its socket id.
    void secondHandshakeOnALiveSocketReconnects()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept(S("1.1"));
        t->serverHandshake(S("9.9"));
        QVERIFY(t->isAborted());
        QCOMPARE(rig.malformed.size(), 1);
        QCOMPARE(rig.lost.size(), 1);
        QCOMPARE(rig.transitions.last(), T(State::Connected, State::Connecting));
        QVERIFY(rig.connection->socketId().isEmpty());
        QVERIFY(rig.clock.runNextTimer());
        QCOMPARE(rig.net.count(), 2);
        rig.net.last()->accept(S("2.2"));
        QCOMPARE(rig.connection->socketId(), S("2.2"));
        QCOMPARE(rig.connectedIds, (QStringList{S("1.1"), S("2.2")}));
    }

    // Review item 12: a handler of connectionLost may call disconnect(); then nothing retries.
    void disconnectFromALostHandlerStopsRetrying()
    {
        Rig rig;
        QObject::connect(rig.connection.get(), &Connection::connectionLost, rig.connection.get(),
                         [&rig] { rig.connection->disconnect(); });
        rig.connectAndAccept(S("1.1"), 30);
        rig.clock.advance(30000 + rig.options.pongTimeoutMs); // ping, no pong: dropped
        QCOMPARE(rig.lost, QList<int>{4201});
        rig.clock.advance(120000);
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(toString(rig.state()), toString(State::Disconnected));

        Rig rig2;
        QObject::connect(rig2.connection.get(), &Connection::connectionLost, rig2.connection.get(),
                         [&rig2] { rig2.connection->disconnect(); });
        rig2.connection->connect(); // never opened: the handshake times out
        rig2.clock.advance(rig2.options.handshakeTimeoutMs);
        QCOMPARE(rig2.lost.size(), 1);
        rig2.clock.advance(120000);
        QCOMPARE(rig2.net.count(), 1);
        QCOMPARE(toString(rig2.state()), toString(State::Disconnected));
    }

    // Review item 1: writes are confirmed by the pong to a ping sent after them, one ping per
    // event-loop turn however many frames were written.
    void confirmWritesSharesOnePingPerTurn()
    {
        Rig rig;
        QList<quint64> confirmed;
        QObject::connect(rig.connection.get(), &Connection::writesConfirmed, rig.connection.get(),
                         [&confirmed](quint64 n) { confirmed.append(n); });
        QCOMPARE(rig.connection->confirmWrites(), quint64(0)); // not connected
        FakeTransport *t = rig.connectAndAccept();
        const quint64 a = rig.connection->confirmWrites();
        QCOMPARE(rig.connection->confirmWrites(), a);
        QCOMPARE(t->sentCount(S("pusher:ping")), 0); // posted, not sent inside the caller
        FakeClock::pumpEvents();
        QCOMPARE(t->sentCount(S("pusher:ping")), 1);
        const quint64 b = rig.connection->confirmWrites(); // after the ping: needs another
        QVERIFY(b > a);
        FakeClock::pumpEvents();
        QCOMPARE(t->sentCount(S("pusher:ping")), 2);
        t->serverPong();
        QCOMPARE(confirmed, (QList<quint64>{a, b}));
        // An unasked pong confirms nothing.
        t->serverSend(S("{\"event\":\"pusher:pong\",\"data\":{}}"));
        QCOMPARE(confirmed.size(), 2);
    }

    void unansweredConfirmationPingMeansADeadLink()
    {
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        rig.connection->confirmWrites();
        FakeClock::pumpEvents();
        rig.clock.advance(rig.options.confirmTimeoutMs - 1);
        QVERIFY(!t->isAborted());
        rig.clock.advance(1);
        QVERIFY(t->isAborted());
        QCOMPARE(rig.lost, QList<int>{4201});
        QCOMPARE(rig.delays, QList<int>{0});

        // A busy link (frames arriving) gets the normal pong timeout instead.
        Rig busy;
        FakeTransport *u = busy.connectAndAccept();
        busy.connection->confirmWrites();
        FakeClock::pumpEvents();
        busy.clock.advance(3000);
        u->serverSend(S("{\"event\":\"app\",\"channel\":\"c\",\"data\":\"x\"}"));
        busy.clock.advance(busy.options.pongTimeoutMs - 1);
        QVERIFY(!u->isAborted());
        busy.clock.advance(1);
        QVERIFY(u->isAborted());
    }

    // A confirmation promised on one socket is never fulfilled by a pong on the next one.
    void confirmationsDoNotCrossSockets()
    {
        Rig rig;
        QList<quint64> confirmed;
        QObject::connect(rig.connection.get(), &Connection::writesConfirmed, rig.connection.get(),
                         [&confirmed](quint64 n) { confirmed.append(n); });
        FakeTransport *t = rig.connectAndAccept();
        const quint64 a = rig.connection->confirmWrites();
        t->fail(); // before the posted ping went out
        QVERIFY(rig.clock.runNextTimer());
        FakeTransport *u = rig.net.last();
        u->accept(S("2.2"));
        const quint64 b = rig.connection->confirmWrites();
        QVERIFY(b > a);
        FakeClock::pumpEvents();
        QCOMPARE(u->sentCount(S("pusher:ping")), 1);
        u->serverPong();
        QCOMPARE(confirmed, QList<quint64>{b});
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
