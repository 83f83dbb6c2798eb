// The real Client (WebSocketTransport, SystemClock) against FakePusherServer: what a real server
// will not produce on demand. Close codes over a real socket, garbage frames, a silent server,
// slow auth across a reconnect, a server outage, client-event gating and pacing, server pings,
// and server-side subscription and client-event errors.
#include "FakePusherServer.h"

#include "pusher/AuthRequest.h"
#include "pusher/Authorizer.h"
#include "pusher/Channel.h"
#include "pusher/ChannelError.h"
#include "pusher/Client.h"
#include "pusher/ClientEventQueue.h"
#include "pusher/Connection.h"
#include "pusher/ConnectionOptions.h"
#include "pusher/Event.h"
#include "pusher/LocalSigner.h"
#include "pusher/PresenceChannel.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace natter::pusher;

// ConnectionState has a toString() returning QString that QCOMPARE would pick up through ADL.
#define COMPARE_STATE(actual, expected) \
    QVERIFY2( \
        (actual) == (expected), \
        qPrintable( \
            QStringLiteral("state is %1, expected %2").arg(toString(actual), toString(expected))))

namespace {

const QString Key = QStringLiteral("app-key");
const QByteArray Secret = "app-secret";

// Independent of Signer: what a server expects for a private channel.
QString privateAuth(const QString &socketId, const QString &channel,
                    const QByteArray &secret = Secret)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(
        (socketId + QLatin1Char(':') + channel).toUtf8(), secret, QCryptographicHash::Sha256);
    return Key + QLatin1Char(':') + QString::fromLatin1(mac.toHex());
}

// Answers through another authorizer, but only after `delayMs`: an auth endpoint that is slow.
// Cancelling (deleting) the request before then cancels the answer, as the Authorizer contract
// says; requests() records the socket id of every call.
class DelayedAuthorizer : public Authorizer
{
public:
    DelayedAuthorizer(Authorizer *inner, int delayMs)
        : m_inner(inner)
        , m_delayMs(delayMs)
    {
    }

    AuthRequest *authorizeChannel(const QString &socketId, const QString &channelName,
                                  QObject *parent) override
    {
        m_requests.append(socketId);
        auto *request = new AuthRequest(parent);
        const QPointer<AuthRequest> guard(request);
        QTimer::singleShot(m_delayMs, &m_context, [this, guard, socketId, channelName] {
            if (!guard) {
                ++m_cancelled;
                return;
            }
            AuthRequest *inner = m_inner->authorizeChannel(socketId, channelName, guard);
            QObject::connect(inner, &AuthRequest::succeeded, guard,
                             [guard](const AuthResponse &r) { guard->resolve(r); });
            QObject::connect(inner, &AuthRequest::failed, guard,
                             [guard](const AuthError &e) { guard->reject(e); });
        });
        return request;
    }
    AuthRequest *authenticateUser(const QString &socketId, QObject *parent) override
    {
        return m_inner->authenticateUser(socketId, parent);
    }

    QStringList requests() const { return m_requests; }
    int cancelled() const { return m_cancelled; }

private:
    Authorizer *m_inner;
    int m_delayMs;
    QObject m_context;
    QStringList m_requests;
    int m_cancelled = 0;
};

} // namespace

class TestFakeServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

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

private:
    static ConnectionOptions options(quint16 port);
    Client *makeClient(const ConnectionOptions &options, Authorizer *authorizer = nullptr);
    // Connects, subscribes to `channel` and waits for both ends to agree it is subscribed.
    Channel *connectAndSubscribe(const QString &channel, int connection = 0);

    std::unique_ptr<FakePusherServer> m_server;
    std::unique_ptr<LocalSigner> m_signer;
    std::unique_ptr<Client> m_client;
};

void TestFakeServer::initTestCase()
{
    // LocalSigner warns about holding the secret every time one is made: once per test here.
    QLoggingCategory::setFilterRules(QStringLiteral("natter.pusher.auth.warning=false"));
    qRegisterMetaType<ConnectionState>();
    qRegisterMetaType<ChannelError>();
    qRegisterMetaType<ClientEventError>();
    qRegisterMetaType<Event>();
}

void TestFakeServer::init()
{
    m_server = std::make_unique<FakePusherServer>();
    QVERIFY(m_server->isListening());
    m_signer = std::make_unique<LocalSigner>(
        Key, Secret, QStringLiteral("alice"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Alice")}});
}

void TestFakeServer::cleanup()
{
    m_client.reset(); // before the server and the authorizer it uses
    m_server.reset();
    m_signer.reset();
}

ConnectionOptions TestFakeServer::options(quint16 port)
{
    ConnectionOptions o;
    o.key = Key;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.tls = false;
    // Small, so the suite is fast, but with room for a loaded 2-core machine: a pong that is a
    // few hundred ms late must not cause a reconnect that a test does not expect.
    o.activityTimeoutMs = 2000;
    o.pongTimeoutMs = 1000;
    o.unavailableTimeoutMs = 2000;
    o.handshakeTimeoutMs = 2000;
    o.backoffInitialMs = 50;
    o.backoffMaxMs = 1000;
    return o;
}

Client *TestFakeServer::makeClient(const ConnectionOptions &options, Authorizer *authorizer)
{
    m_client = std::make_unique<Client>(options, authorizer ? authorizer : m_signer.get());
    return m_client.get();
}

Channel *TestFakeServer::connectAndSubscribe(const QString &channel, int connection)
{
    if (!m_client)
        makeClient(options(m_server->port()));
    Channel *c = m_client->subscribe(channel);
    if (!c)
        return nullptr;
    m_client->connect();
    if (!m_server->waitForSubscribed(connection, channel))
        return nullptr;
    if (!QTest::qWaitFor([c] { return c->isSubscribed(); }, 5000))
        return nullptr;
    return c;
}

// ---------------------------------------------------------------------------------------------

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

void TestFakeServer::silentServer_reconnectsAndResubscribes()
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

void TestFakeServer::slowAuth_staleAnswerAcrossReconnectIsNotUsed()
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

void TestFakeServer::serverOutage_resubscribedWithinTwoSecondsOfRestart()
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

void TestFakeServer::clientEvent_sentOnlyAfterSubscription()
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

void TestFakeServer::clientEvents_arePacedAndOrdered()
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

void TestFakeServer::clientEvents_queuedAcrossReconnect_followTheResubscribe()
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

void TestFakeServer::serverPing_isAnsweredWithPong()
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

void TestFakeServer::subscriptionError_failsChannelWithStatus_data()
{
    QTest::addColumn<bool>("inlineData");
    QTest::newRow("inline data (soketi)") << true;
    QTest::newRow("double-encoded data") << false;
}

void TestFakeServer::subscriptionError_failsChannelWithStatus()
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

void TestFakeServer::wrongSignature_rejectedByServer_failsChannel()
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

void TestFakeServer::pusherError4301_rejectsClientEvent()
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

void TestFakeServer::pusherErrorWithoutChannel_reachesClient()
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

void TestFakeServer::presence_membersFromServer()
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

QTEST_GUILESS_MAIN(TestFakeServer)
#include "tst_fakeserver.moc"
