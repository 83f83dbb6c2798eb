// natter-server with peers that never hold the app secret: pusher-js authorized through
// /pusher/auth (one request per channel, and batched by the pusher-js-auth plugin), Pusher going
// away and coming back (502, then the background retry delivers once), and SIGTERM while a
// request is in flight. Run on SQLite and on PostgreSQL.
#include "FakeHttpServer.h"
#include "NodeProcess.h"
#include "ServerApiClient.h"
#include "ServerRig.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

#include <csignal>

namespace {

QJsonObject message(const QString &text, const QString &clientId)
{
    return {{QStringLiteral("text"), text}, {QStringLiteral("client_id"), clientId}};
}

int countNewMessages(const NodeProcess &peer, const QString &text)
{
    int n = 0;
    for (const QJsonObject &line : peer.linesOfType(QStringLiteral("event"))) {
        if (line.value(QStringLiteral("event")).toString() == QLatin1String("new_message")
            && line.value(QStringLiteral("data")).toObject().value(QStringLiteral("text")).toString()
                == text)
            ++n;
    }
    return n;
}

} // namespace

class TestServerDelivery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pusherJsAuthorizedByServer();
    void pusherJsAuthBatchedInOneRequest();
    void pusherDownThen502ThenRetried();
    void sigtermFinishesInFlightRequest();

private:
    bool startPeer(NodeProcess &peer, const NatterServerProcess &server, const QString &token,
                   const QString &channels, bool batch)
    {
        QStringList args{QStringLiteral("--server"),   server.url().toString(),
                         QStringLiteral("--token"),    token,
                         QStringLiteral("--host"),     QStringLiteral("127.0.0.1"),
                         QStringLiteral("--port"),     QString::number(m_rig.soketi().port()),
                         QStringLiteral("--key"),      QStringLiteral("app-key"),
                         QStringLiteral("--channels"), channels};
        if (batch)
            args << QStringLiteral("--batch");
        return peer.start(QStringLiteral("natter-server-peer.js"), args);
    }
    ServerRig m_rig;
};

void TestServerDelivery::initTestCase()
{
    QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
    qInfo() << "database:" << m_rig.backend();
}

void TestServerDelivery::pusherJsAuthorizedByServer()
{
    auto server = m_rig.startServer();
    QVERIFY2(server, qPrintable(m_rig.error()));
    ServerApiClient api(server->url());
    ServerApiClient::Result peerLogin;
    const QString peerToken = api.login(QStringLiteral("webby"), &peerLogin);
    QVERIFY(!peerToken.isEmpty());
    NodeProcess peer;
    QVERIFY(startPeer(peer, *server, peerToken, QStringLiteral("presence-lobby"), false));
    const int subscribed = peer.waitForType(QStringLiteral("subscribed"), 15000);
    QVERIFY2(subscribed >= 0, qPrintable(peer.describe() + server->log()));
    const QJsonObject sub = peer.lines().at(subscribed);
    const QJsonObject user = peerLogin.json.value(QStringLiteral("user")).toObject();
    // Its identity is the one natter-server signed, not anything the peer chose.
    QCOMPARE(sub.value(QStringLiteral("me")).toString(),
             user.value(QStringLiteral("id")).toString());
    QCOMPARE(
        sub.value(QStringLiteral("me_info")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("webby"));
    QCOMPARE(peer.linesOfType(QStringLiteral("auth_request")).size(), 1);
    QVERIFY(server->log().contains(QLatin1String("POST /pusher/auth 200")));

    // A Natter-side client sends through the API; the pusher-js peer sees it.
    ServerApiClient natter(server->url());
    ServerApiClient::Result natterLogin;
    const QString token = natter.login(QStringLiteral("natterer"), &natterLogin);
    const auto sent = natter.postJson(QStringLiteral("/rooms/lobby/messages"),
                                      message(QStringLiteral("hello web"), QStringLiteral("n-1")),
                                      token);
    QCOMPARE(sent.status, 201);
    const int got = peer.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("event")) == QLatin1String("new_message");
    });
    QVERIFY2(got >= 0, qPrintable(peer.describe()));
    const QJsonObject data = peer.lines().at(got).value(QStringLiteral("data")).toObject();
    QCOMPARE(data, sent.json);
    QCOMPARE(data.value(QStringLiteral("user")).toObject(),
             natterLogin.json.value(QStringLiteral("user")).toObject());

    // A peer whose session ended cannot join.
    QCOMPARE(api.del(QStringLiteral("/session"), peerToken).status, 204);
    NodeProcess refused;
    QVERIFY(startPeer(refused, *server, peerToken, QStringLiteral("presence-lobby"), false));
    const int error = refused.waitForType(QStringLiteral("error"), 15000);
    QVERIFY2(error >= 0, qPrintable(refused.describe()));
    QCOMPARE(refused.lines().at(error).value(QStringLiteral("status")).toInt(), 401);
    QVERIFY(refused.linesOfType(QStringLiteral("subscribed")).isEmpty());
}

void TestServerDelivery::pusherJsAuthBatchedInOneRequest()
{
    auto server = m_rig.startServer({QStringLiteral("--rooms"), QStringLiteral("a,b,c")});
    QVERIFY2(server, qPrintable(m_rig.error()));
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("batcher"));
    NodeProcess peer;
    QVERIFY(startPeer(peer, *server, token,
                      QStringLiteral("presence-a,private-b,presence-c,presence-forbidden"), true));
    QVERIFY2(peer.waitFor(
                 [](const QJsonObject &l) {
                     return l.value(QStringLiteral("type")) == QLatin1String("error")
                         && l.value(QStringLiteral("channel"))
                         == QLatin1String("presence-forbidden");
                 },
                 15000)
                 >= 0,
             qPrintable(peer.describe() + server->log()));
    QTRY_COMPARE_WITH_TIMEOUT(peer.linesOfType(QStringLiteral("subscribed")).size(), 3, 10000);
    QStringList subscribed;
    for (const QJsonObject &l : peer.linesOfType(QStringLiteral("subscribed")))
        subscribed << l.value(QStringLiteral("channel")).toString();
    subscribed.sort();
    QCOMPARE(subscribed,
             (QStringList{QStringLiteral("presence-a"), QStringLiteral("presence-c"),
                          QStringLiteral("private-b")}));
    // All four channels in ONE HTTP request, and natter-server saw exactly one.
    const auto requests = peer.linesOfType(QStringLiteral("auth_request"));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().value(QStringLiteral("channels")).toArray().size(), 4);
    QCOMPARE(server->log().count(QLatin1String("POST /pusher/auth")), 1);
}

void TestServerDelivery::pusherDownThen502ThenRetried()
{
    SoketiServer &soketi = m_rig.soketi();
    const quint16 port = soketi.port();
    auto server = m_rig.startServer();
    QVERIFY2(server, qPrintable(m_rig.error()));
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("outage"));

    soketi.stop();
    const auto sent = api.postJson(
        QStringLiteral("/rooms/lobby/messages"),
        message(QStringLiteral("sent while down"), QStringLiteral("down-1")), token);
    QCOMPARE(sent.status, 502);
    QCOMPARE(sent.code(), QStringLiteral("pusher_unavailable"));
    const QJsonObject stored = sent.json.value(QStringLiteral("message")).toObject();
    QCOMPARE(stored.value(QStringLiteral("text")).toString(), QStringLiteral("sent while down"));
    // Stored: history has it, and a retried send returns it without another copy.
    QCOMPARE(api.get(QStringLiteral("/rooms/lobby/messages"), token)
                 .json.value(QStringLiteral("messages"))
                 .toArray()
                 .first()
                 .toObject(),
             stored);
    QCOMPARE(api.postJson(QStringLiteral("/rooms/lobby/messages"),
                          message(QStringLiteral("sent while down"), QStringLiteral("down-1")),
                          token)
                 .status,
             200);

    // Wait until the retry has backed off to 8 s, so soketi and a listener are up before it
    // fires again (the retry would otherwise deliver to an empty channel).
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto h = api.get(QStringLiteral("/healthz")).json;
            return h.value(QStringLiteral("undelivered")).toInt() == 1
                && h.value(QStringLiteral("retry_in_ms")).toInt() >= 6000;
        },
        20000));
    QVERIFY2(soketi.start(port), qPrintable(soketi.error()));
    NodeProcess listener;
    QVERIFY(listener.start(
        QStringLiteral("pusherjs-peer.js"),
        {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
         QString::number(port), QStringLiteral("--key"), QStringLiteral("app-key"),
         QStringLiteral("--secret"), QStringLiteral("app-secret"), QStringLiteral("--channel"),
         QStringLiteral("presence-lobby"), QStringLiteral("--user-id"), QStringLiteral("watcher")}));
    QVERIFY2(listener.waitForType(QStringLiteral("subscribed"), 15000) >= 0,
             qPrintable(listener.describe()));
    QVERIFY2(
        api.get(QStringLiteral("/healthz")).json.value(QStringLiteral("undelivered")).toInt() == 1,
        "the retry delivered before the listener was there; the test's timing assumption broke");
    QVERIFY2(listener.waitFor(
                 [](const QJsonObject &l) {
                     return l.value(QStringLiteral("event")) == QLatin1String("new_message");
                 },
                 40000)
                 >= 0,
             qPrintable(listener.describe() + server->log()));
    QTRY_COMPARE_WITH_TIMEOUT(
        api.get(QStringLiteral("/healthz")).json.value(QStringLiteral("undelivered")).toInt(), 0,
        5000);
    // Exactly once, with the stored id, even after a later message went through.
    QCOMPARE(api.postJson(QStringLiteral("/rooms/lobby/messages"),
                          message(QStringLiteral("after"), QStringLiteral("down-2")), token)
                 .status,
             201);
    QVERIFY(listener.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("data")).toObject().value(QStringLiteral("text"))
            == QLatin1String("after");
    }) >= 0);
    QCOMPARE(countNewMessages(listener, QStringLiteral("sent while down")), 1);
    const auto events = listener.linesOfType(QStringLiteral("event"));
    QCOMPARE(events.first().value(QStringLiteral("data")).toObject(), stored);
}

void TestServerDelivery::sigtermFinishesInFlightRequest()
{
    // A slow Pusher: the trigger takes 1.5 s to answer.
    FakeHttpServer pusher;
    pusher.setHandler([](const FakeHttpServer::Request &) {
        FakeHttpServer::Response r = FakeHttpServer::Response::json("{}");
        r.delayMs = 1500;
        return r;
    });
    auto server = m_rig.startServer({}, {}, pusher.port());
    QVERIFY2(server, qPrintable(m_rig.error()));
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("slow"));
    // Another request is answered while the slow trigger is pending: nothing blocks.
    QNetworkReply *slow = api.start(
        "POST", QStringLiteral("/rooms/lobby/messages"),
        QJsonDocument(message(QStringLiteral("slow one"), QStringLiteral("s-1"))).toJson(),
        "application/json", token);
    QVERIFY(pusher.waitForRequests(1, 5000));
    QElapsedTimer quick;
    quick.start();
    QCOMPARE(ServerApiClient(server->url()).get(QStringLiteral("/healthz")).status, 200);
    QVERIFY(quick.elapsed() < 1000);

    ::kill(pid_t(server->pid()), SIGTERM);
    const auto answer = ServerApiClient::wait(slow, 10000);
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.json.value(QStringLiteral("text")).toString(), QStringLiteral("slow one"));
    QTRY_VERIFY_WITH_TIMEOUT(!server->isRunning(), 5000);
    QCOMPARE(server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->exitCode(), 0);
    QVERIFY(server->log().contains(QLatin1String("POST /rooms/lobby/messages 201")));
}

QTEST_GUILESS_MAIN(TestServerDelivery)
#include "tst_delivery.moc"
