// Connection: the socket state machine, driven by a FakeClock and a FakeNetwork (no real time,
// no real sockets).
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "pusher/Connection.h"
#include "pusher/ConnectionOptions.h"
#include "pusher/ConnectionState.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <memory>

using namespace natter::pusher;
using State = ConnectionState;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// ConnectionState's toString() returns a QString, which QTest cannot print: compare names.
QString T(State previous, State current)
{
    return toString(previous) + QStringLiteral("->") + toString(current);
}

struct ServerError
{
    int code;
    QString message;
    QString channel;
};

// One Connection under test plus everything it emitted.
struct Rig
{
    explicit Rig(ConnectionOptions o = defaults())
        : options(std::move(o))
    {
        connection = std::make_unique<Connection>(options, &clock, net.factory());
        Connection *c = connection.get();
        QObject::connect(c, &Connection::stateChanged, c, [this](State previous, State current) {
            transitions.append(T(previous, current));
        });
        QObject::connect(c, &Connection::connected, c,
                         [this](const QString &id) { connectedIds.append(id); });
        QObject::connect(c, &Connection::reconnectingIn, c, [this](int ms) { delays.append(ms); });
        QObject::connect(c, &Connection::connectionLost, c,
                         [this](int code, const QString &) { lost.append(code); });
        QObject::connect(c, &Connection::connectionRefused, c,
                         [this](int code, const QString &) { refused.append(code); });
        QObject::connect(c, &Connection::tlsError, c,
                         [this](const QString &reason) { tlsErrors.append(reason); });
        QObject::connect(c, &Connection::serverError, c,
                         [this](int code, const QString &message, const QString &channel) {
                             serverErrors.append({code, message, channel});
                         });
        QObject::connect(c, &Connection::malformedFrame, c,
                         [this](const QString &reason) { malformed.append(reason); });
        QObject::connect(c, &Connection::eventReceived, c,
                         [this](const Event &e) { events.append(e); });
    }

    static ConnectionOptions defaults()
    {
        ConnectionOptions o;
        o.key = QStringLiteral("KEY");
        o.cluster = QStringLiteral("mt1");
        return o;
    }

    // connect() and complete the handshake on the new transport.
    FakeTransport *connectAndAccept(const QString &socketId = QStringLiteral("123.456"),
                                    int activityS = 120)
    {
        connection->connect();
        FakeTransport *t = net.last();
        if (t)
            t->accept(socketId, activityS);
        return t;
    }

    State state() const { return connection->state(); }

    ConnectionOptions options;
    FakeClock clock;
    FakeNetwork net;
    std::unique_ptr<Connection> connection;
    QStringList transitions;
    QStringList connectedIds;
    QList<int> delays;
    QList<int> lost;
    QList<int> refused;
    QStringList tlsErrors;
    QList<ServerError> serverErrors;
    QStringList malformed;
    QList<Event> events;
};

QString expectedQuery()
{
    return QStringLiteral("protocol=7&client=natter&version=") + QStringLiteral(NATTER_VERSION);
}

} // namespace

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

    void close4000SwitchesToTls()
    {
        ConnectionOptions o = Rig::defaults();
        o.cluster.clear();
        o.host = S("localhost");
        o.tls = false;
        Rig rig(o);
        FakeTransport *t = rig.connectAndAccept();
        QCOMPARE(t->url().scheme(), S("ws"));
        QCOMPARE(t->url().port(), 80);
        t->serverClose(4000, S("SSL only"));
        QCOMPARE(rig.delays, QList<int>{0});
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(0);
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(rig.net.last()->url().scheme(), S("wss"));
        QCOMPARE(rig.net.last()->url().port(), 443);
        QVERIFY(rig.connection->options().tls);
        QVERIFY(rig.net.last()->options().tls);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));

        // And before the handshake completed, too.
        ConnectionOptions o2 = o;
        o2.port = 6001;
        Rig rig2(o2);
        rig2.connection->connect();
        rig2.net.last()->serverOpen();
        rig2.net.last()->serverClose(4000, S("SSL only"));
        QCOMPARE(rig2.delays, QList<int>{0});
        rig2.clock.advance(0);
        QCOMPARE(rig2.net.last()->url().toString(),
                 S("wss://localhost:6001/app/KEY?") + expectedQuery());
    }

    void refusedCodesFail_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("established");
        for (int code : {4001, 4003, 4004, 4005, 4007, 4009, 4099}) {
            QTest::addRow("%d established", code) << code << true;
            QTest::addRow("%d during handshake", code) << code << false;
        }
    }

    void refusedCodesFail()
    {
        QFETCH(int, code);
        QFETCH(bool, established);
        Rig rig;
        rig.connection->connect();
        FakeTransport *t = rig.net.last();
        t->serverOpen();
        if (established)
            t->serverHandshake();
        t->serverClose(code, S("refused"));
        QCOMPARE(toString(rig.state()), toString(State::Failed));
        QCOMPARE(rig.refused, QList<int>{code});
        QVERIFY(rig.delays.isEmpty());
        QVERIFY(rig.transitions.last().endsWith(QStringLiteral("->failed")));
        rig.clock.advance(3600 * 1000);
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(toString(rig.state()), toString(State::Failed)); // not even "unavailable"
        QCOMPARE(rig.clock.activeTimerCount(), 0);
        QVERIFY(rig.delays.isEmpty());

        // connect() after a refusal is a deliberate new attempt.
        rig.connection->connect();
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        QCOMPARE(rig.transitions.last(), T(State::Failed, State::Connecting));
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }

    void overCapacityBacksOffAtLeastOneSecond_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("established");
        QTest::newRow("4100 established") << 4100 << true;
        QTest::newRow("4100 handshake") << 4100 << false;
        QTest::newRow("4150") << 4150 << true;
        QTest::newRow("4199") << 4199 << false;
    }

    void overCapacityBacksOffAtLeastOneSecond()
    {
        QFETCH(int, code);
        QFETCH(bool, established);
        Rig rig;
        rig.clock.setRandom(0.0); // the smallest jitter
        rig.connection->connect();
        rig.net.last()->serverOpen();
        if (established)
            rig.net.last()->serverHandshake();
        for (int round = 0; round < 5; ++round) {
            rig.net.last()->serverClose(code, S("over capacity"));
            QCOMPARE(rig.delays.size(), round + 1);
            const int delay = rig.delays.last();
            QVERIFY2(delay >= 1000, qPrintable(QString::number(delay)));
            QVERIFY(delay <= rig.options.backoffMaxMs);
            const int before = rig.net.count();
            rig.clock.advance(delay - 1);
            QCOMPARE(rig.net.count(), before);
            rig.clock.advance(1);
            QCOMPARE(rig.net.count(), before + 1);
            rig.net.last()->serverOpen();
        }
        QVERIFY(rig.refused.isEmpty());
    }

    void retryCodesReconnectImmediately_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("4200") << 4200;
        QTest::newRow("4201") << 4201;
        QTest::newRow("4202") << 4202;
        QTest::newRow("4299") << 4299;
    }

    void retryCodesReconnectImmediately()
    {
        QFETCH(int, code);
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        t->serverClose(code, S("reconnect"));
        QCOMPARE(rig.delays, QList<int>{0});
        QCOMPARE(rig.lost, QList<int>{code});
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(0);
        QCOMPARE(rig.net.count(), 2);
        rig.net.last()->accept(S("2.2"));
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.connectedIds, (QStringList{S("123.456"), S("2.2")}));
    }

    void retryCodeBeforeHandshakeBacksOff()
    {
        // 42xx during the handshake is not a "reconnect immediately" loop.
        Rig rig;
        rig.connection->connect();
        rig.net.last()->serverOpen();
        rig.net.last()->serverClose(4200, S("generic"));
        QCOMPARE(rig.delays.size(), 1);
        QVERIFY(rig.delays.first() > 0);
    }

    void networkFailureRetriesForeverWithCappedGrowth_data()
    {
        QTest::addColumn<double>("random");
        QTest::newRow("no jitter") << 0.5;
        QTest::newRow("min jitter") << 0.0;
        QTest::newRow("max jitter") << 0.999999;
        QTest::newRow("some jitter") << 0.3;
    }

    void networkFailureRetriesForeverWithCappedGrowth()
    {
        QFETCH(double, random);
        Rig rig;
        rig.clock.setRandom(random);
        const ConnectionOptions &o = rig.options;
        rig.connection->connect();
        const int attempts = 60;
        const qint64 firstFailure = rig.clock.nowMs();
        for (int i = 0; i < attempts; ++i) {
            QCOMPARE(rig.net.count(), i + 1);
            rig.net.last()->fail(Transport::Failure::Network, S("connection refused"));
            QCOMPARE(rig.delays.size(), i + 1);
            const int delay = rig.delays.last();
            // Quick phase first (a restart is bridged fast), then the full exponential.
            const bool quick = rig.clock.nowMs() - firstFailure < o.backoffQuickWindowMs;
            const double cap = quick ? o.backoffQuickMaxMs : o.backoffMaxMs;
            const double base = std::min(cap, o.backoffInitialMs * std::pow(o.backoffFactor, i));
            const double expected = std::min(cap, base * (1 + o.backoffJitter * (2 * random - 1)));
            QVERIFY2(
                std::abs(delay - expected) <= 1.0,
                qPrintable(QStringLiteral("attempt %1: %2 vs %3").arg(i).arg(delay).arg(expected)));
            QVERIFY(delay >= int(base * (1 - o.backoffJitter)) - 1);
            QVERIFY(delay <= o.backoffMaxMs);
            if (i > 0 && random == 0.5)
                QVERIFY(delay >= rig.delays.at(i - 1)); // grows (or stays at the cap)
            rig.clock.advance(delay - 1);
            QCOMPARE(rig.net.count(), i + 1);
            rig.clock.advance(1);
        }
        QCOMPARE(rig.net.count(), attempts + 1);
        // The cap was reached and held.
        if (random >= 0.5)
            QCOMPARE(rig.delays.last(), o.backoffMaxMs);
        QCOMPARE(rig.delays.last(), rig.delays.at(attempts - 2));
        QVERIFY(rig.refused.isEmpty());
        QVERIFY(rig.state() == State::Unavailable);
        for (const QString &tr : rig.transitions)
            QVERIFY(!tr.endsWith(QStringLiteral("->failed"))
                    && !tr.endsWith(QStringLiteral("->disconnected")));
        QCOMPARE(rig.lost.size(), attempts);
        QVERIFY(rig.lost.count(1006) == attempts);
    }

    void tlsFailureIsReportedAndRetried()
    {
        Rig rig;
        rig.connection->connect();
        rig.net.last()->fail(Transport::Failure::Tls, S("certificate expired"));
        QCOMPARE(rig.tlsErrors, QStringList{S("certificate expired")});
        QCOMPARE(rig.delays.size(), 1);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
    }

    void backoffResetsAfterSuccess()
    {
        Rig rig;
        rig.connection->connect();
        for (int i = 0; i < 8; ++i) {
            rig.net.last()->fail();
            rig.clock.advance(rig.delays.last());
        }
        const int grown = rig.delays.last();
        QVERIFY(grown > rig.delays.first() * 10);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        rig.clock.advance(60000); // some time passes (pings answered or not, doesn't matter)
        rig.net.last()->serverSend(S("{\"event\":\"pusher:pong\"}"));
        rig.net.last()->fail();
        QCOMPARE(rig.delays.last(), rig.delays.first());
        QCOMPARE(rig.delays.last(), rig.options.backoffInitialMs);
        const int before = rig.net.count();
        rig.clock.advance(rig.delays.last());
        QCOMPARE(rig.net.count(), before + 1);
        // And it grows again from there.
        rig.net.last()->fail();
        QCOMPARE(rig.delays.last(), rig.delays.at(1));
    }

    void unavailableThenConnected()
    {
        ConnectionOptions o = Rig::defaults();
        o.handshakeTimeoutMs = 30000; // one slow attempt: only the unavailable timer matters
        Rig rig(o);
        rig.connection->connect();
        rig.clock.advance(o.unavailableTimeoutMs - 1);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(1);
        QCOMPARE(toString(rig.state()), toString(State::Unavailable));
        QCOMPARE(rig.transitions,
                 (QStringList{T(State::Initialized, State::Connecting),
                              T(State::Connecting, State::Unavailable)}));
        rig.clock.advance(5000);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.transitions.last(), T(State::Unavailable, State::Connected));
        QCOMPARE(rig.net.count(), 1);
    }

    void unavailableAcrossRetries()
    {
        Rig rig;
        rig.connection->connect();
        // Attempts keep failing; after unavailableTimeoutMs the state says so, and stays so.
        while (rig.clock.nowMs() < 30000) {
            if (FakeTransport *t = rig.net.last(); t && !t->isClosed() && !t->isAborted())
                t->fail();
            rig.clock.runNextTimer();
        }
        QCOMPARE(toString(rig.state()), toString(State::Unavailable));
        int unavailable = 0;
        for (const QString &tr : rig.transitions)
            unavailable += tr.endsWith(QStringLiteral("->unavailable")) ? 1 : 0;
        QCOMPARE(unavailable, 1);
        QCOMPARE(rig.transitions.at(1), T(State::Connecting, State::Unavailable));
        // The server finally answers (the next attempt).
        auto live = [&] {
            FakeTransport *t = rig.net.last();
            return t && !t->isClosed() && !t->isAborted();
        };
        while (!live())
            QVERIFY(rig.clock.runNextTimer());
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.transitions.last(), T(State::Unavailable, State::Connected));
        // A later drop starts the unavailable clock from scratch.
        rig.net.last()->fail();
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(rig.options.unavailableTimeoutMs - 1);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
    }

    void unavailableTimerNotRunningWhileConnected()
    {
        Rig rig;
        rig.connectAndAccept();
        rig.clock.advance(rig.options.unavailableTimeoutMs * 3);
        rig.net.last()->serverSend(S("{\"event\":\"pusher:pong\"}"));
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }

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

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
