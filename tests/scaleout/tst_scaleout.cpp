// Scale-out, as a deployment that outgrows one server runs it: two soketi nodes sharing state
// through the Redis adapter, two natter-server instances on one PostgreSQL database, and Natter
// clients (the protocol library's Client with HttpAuthorizer, as Natter's server mode uses it)
// spread over both nodes and both backends in one room. One member list with everyone; every
// message reaches every other client exactly once, whichever backend took it.
#include "NatterServerProcess.h"
#include "PostgresCluster.h"
#include "RedisServer.h"
#include "ServerApiClient.h"
#include "SoketiServer.h"

#include <pusher/Client.h>
#include <pusher/Connection.h>
#include <pusher/Event.h>
#include <pusher/HttpAuthorizer.h>
#include <pusher/Members.h>
#include <pusher/PresenceChannel.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace natter::pusher;

namespace {

const QString kRoom = QStringLiteral("scale");
const QString kMessages = QStringLiteral("/rooms/scale/messages");

// One Natter user: a session on one backend, a WebSocket to one soketi node.
struct Peer
{
    QString name;
    QString token;
    QString userId;
    int backend = 0;
    int node = 0;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<HttpAuthorizer> authorizer;
    std::unique_ptr<Client> client;
    PresenceChannel *channel = nullptr;
    QList<QJsonObject> received; // new_message data, in arrival order
    QObject context;

    QString socketId() const { return client->connection()->socketId(); }
    QSet<QString> memberIds() const
    {
        QSet<QString> ids;
        channel->members()->each([&ids](const Member &m) { ids.insert(m.id); });
        return ids;
    }
};

} // namespace

class TestScaleOut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void sessionsAreSharedByBothBackends();
    void oneMemberListAcrossNodes();
    void everyMessageReachesEveryClientOnce();
    void historyIsTheSameOnBothBackends();
    void retryThroughTheOtherBackendIsNoDuplicate();
    void leavingIsSeenOnBothNodes();

private:
    bool allReceived(int count) const;
    ServerApiClient &api(int backend) { return *m_api[backend]; }

    RedisServer m_redis;
    SoketiServer m_nodes[2];
    PostgresCluster m_postgres;
    std::unique_ptr<NatterServerProcess> m_backends[2];
    std::unique_ptr<ServerApiClient> m_api[2];
    QString m_appKey;
    std::vector<std::unique_ptr<Peer>> m_peers;
    QSet<qint64> m_sentIds;
};

void TestScaleOut::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.error()));
    for (SoketiServer &node : m_nodes) {
        node.setEnv(QStringLiteral("SOKETI_ADAPTER_DRIVER"), QStringLiteral("redis"));
        node.setEnv(QStringLiteral("SOKETI_DB_REDIS_HOST"), QStringLiteral("127.0.0.1"));
        node.setEnv(QStringLiteral("SOKETI_DB_REDIS_PORT"), QString::number(m_redis.port()));
        // Presence and channel info are answered by asking every node over Redis.
        node.setEnv(QStringLiteral("SOKETI_ADAPTER_REDIS_REQUESTS_TIMEOUT"), QStringLiteral("2000"));
        QVERIFY2(node.start(), qPrintable(node.error()));
    }

    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.error()));
    QVERIFY2(m_postgres.createDatabase(QStringLiteral("natter")), qPrintable(m_postgres.error()));
    // One after the other: the first one migrates the schema, the second finds it current.
    for (int i = 0; i < 2; ++i) {
        m_backends[i] = std::make_unique<NatterServerProcess>();
        m_backends[i]->usePusher(m_nodes[i]); // each backend triggers through "its" node
        QVERIFY2(m_backends[i]->start({QStringLiteral("--database"),
                                       m_postgres.url(QStringLiteral("natter")),
                                       QStringLiteral("--rate-limit"), QStringLiteral("1000/1")}),
                 qPrintable(m_backends[i]->error()));
        m_api[i] = std::make_unique<ServerApiClient>(m_backends[i]->url());
    }
    const ServerApiClient::Result config = api(0).get(QStringLiteral("/config"));
    QCOMPARE(config.status, 200);
    m_appKey = config.json.value(QStringLiteral("app_key")).toString();
    const bool batch = config.json.value(QStringLiteral("batch_auth")).toBool();

    // Every combination of backend and node.
    for (int i = 0; i < 4; ++i) {
        auto peer = std::make_unique<Peer>();
        peer->name = QStringLiteral("user%1").arg(i);
        peer->backend = i % 2;
        peer->node = (i / 2) % 2;
        ServerApiClient::Result login;
        peer->token = api(peer->backend).login(peer->name, &login);
        QVERIFY2(!peer->token.isEmpty(), qPrintable(login.describe()));
        peer->userId = login.json.value(QStringLiteral("user"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();

        peer->network = std::make_unique<QNetworkAccessManager>();
        peer->network->setProxy(QNetworkProxy::NoProxy);
        HttpAuthorizerOptions auth;
        auth.channelEndpoint = m_backends[peer->backend]->url(QStringLiteral("/pusher/auth"));
        auth.userEndpoint = m_backends[peer->backend]->url(QStringLiteral("/pusher/user-auth"));
        auth.headers = {{"Authorization", "Bearer " + peer->token.toUtf8()}};
        auth.batching = batch;
        peer->authorizer = std::make_unique<HttpAuthorizer>(peer->network.get(), auth);

        ConnectionOptions connection = m_nodes[peer->node].connectionOptions();
        connection.key = m_appKey;
        peer->client = std::make_unique<Client>(connection, peer->authorizer.get());
        peer->channel = peer->client->subscribePresence(QStringLiteral("presence-") + kRoom);
        QVERIFY(peer->channel);
        Peer *raw = peer.get();
        peer->channel->bind(
            QStringLiteral("new_message"), &peer->context,
            [raw](const Event &event) { raw->received.append(event.dataJson().toObject()); });
        peer->client->connect();
        m_peers.push_back(std::move(peer));
    }
    for (const auto &peer : m_peers) {
        QVERIFY2(QTest::qWaitFor([&peer] { return peer->channel->isSubscribed(); }, 20000),
                 qPrintable(peer->name + QStringLiteral(" did not subscribe: ")
                            + (peer->channel->lastError() ? peer->channel->lastError()->message
                                                          : QString())));
    }
}

void TestScaleOut::cleanupTestCase()
{
    m_peers.clear(); // before the servers they talk to
    for (auto &backend : m_backends) {
        if (backend)
            QVERIFY(backend->stop());
    }
    for (SoketiServer &node : m_nodes)
        node.stop();
    m_postgres.stop();
    m_redis.stop();
}

bool TestScaleOut::allReceived(int count) const
{
    return std::all_of(m_peers.begin(), m_peers.end(),
                       [count](const auto &peer) { return peer->received.size() >= count; });
}

void TestScaleOut::sessionsAreSharedByBothBackends()
{
    // A name belongs to its live session on every instance, and a token works on both.
    ServerApiClient::Result taken;
    QVERIFY(api(1).login(m_peers[0]->name, &taken).isEmpty());
    QCOMPARE(taken.status, 409);
    QCOMPARE(taken.code(), QStringLiteral("name_taken"));
    const ServerApiClient::Result session = api(1).get(QStringLiteral("/session"),
                                                       m_peers[0]->token);
    QCOMPARE(session.status, 200);
    QCOMPARE(
        session.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
        m_peers[0]->userId);
}

void TestScaleOut::oneMemberListAcrossNodes()
{
    QSet<QString> everyone;
    for (const auto &peer : m_peers)
        everyone.insert(peer->userId);
    QCOMPARE(everyone.size(), 4);
    for (const auto &peer : m_peers) {
        QVERIFY2(QTest::qWaitFor([&] { return peer->memberIds() == everyone; }, 10000),
                 qPrintable(QStringLiteral("%1 sees %2 of %3")
                                .arg(peer->name, QStringList(peer->memberIds().values()).join(u','),
                                     QStringList(everyone.values()).join(u','))));
        QCOMPARE(peer->channel->members()->myId(), peer->userId);
        for (const auto &other : m_peers) {
            const auto member = peer->channel->members()->get(other->userId);
            QVERIFY(member);
            QCOMPARE(member->info.value(QStringLiteral("name")).toString(), other->name);
        }
    }
    // Both backends count the room's members through the Pusher channels API of their node,
    // which asks every node over Redis.
    for (int b = 0; b < 2; ++b) {
        int members = -1;
        QByteArray last;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const ServerApiClient::Result rooms = api(b).get(QStringLiteral("/rooms"),
                                                                          m_peers[0]->token);
                         last = rooms.body;
                         for (const QJsonValue &room :
                              rooms.json.value(QStringLiteral("rooms")).toArray()) {
                             const QJsonObject o = room.toObject();
                             if (o.value(QStringLiteral("name")).toString() == kRoom)
                                 members = o.value(QStringLiteral("members")).toInt();
                         }
                         return members == 4;
                     },
                     10000),
                 last.constData());
    }
}

void TestScaleOut::everyMessageReachesEveryClientOnce()
{
    constexpr int PerPeer = 5;
    // Interleaved over the peers, so the two backends and nodes work at the same time.
    for (int n = 0; n < PerPeer; ++n) {
        QList<QNetworkReply *> replies;
        for (const auto &peer : m_peers) {
            const QJsonObject body{
                {QStringLiteral("text"), QStringLiteral("%1 says %2").arg(peer->name).arg(n)},
                {QStringLiteral("client_id"), QStringLiteral("%1-%2").arg(peer->name).arg(n)},
                {QStringLiteral("socket_id"), peer->socketId()}};
            replies.append(api(peer->backend)
                               .start("POST", kMessages, QJsonDocument(body).toJson(),
                                      "application/json", peer->token));
        }
        for (QNetworkReply *reply : replies) {
            const ServerApiClient::Result sent = ServerApiClient::wait(reply);
            QVERIFY2(sent.status == 201, qPrintable(sent.describe()));
            m_sentIds.insert(sent.json.value(QStringLiteral("id")).toInteger());
        }
    }
    const int total = int(m_peers.size()) * PerPeer;
    QCOMPARE(m_sentIds.size(), total); // ids are global across both backends

    const int expected = total - PerPeer; // the sender's own socket is excluded
    QVERIFY2(QTest::qWaitFor([&] { return allReceived(expected); }, 20000),
             qPrintable(QStringLiteral("received: %1 %2 %3 %4")
                            .arg(m_peers[0]->received.size())
                            .arg(m_peers[1]->received.size())
                            .arg(m_peers[2]->received.size())
                            .arg(m_peers[3]->received.size())));
    QTest::qWait(1000); // a duplicate (a trigger fanned out twice across nodes) would arrive here

    for (const auto &peer : m_peers) {
        QCOMPARE(peer->received.size(), expected);
        QSet<qint64> ids;
        QHash<QString, int> lastBySender;
        for (const QJsonObject &message : std::as_const(peer->received)) {
            const qint64 id = message.value(QStringLiteral("id")).toInteger();
            QVERIFY2(!ids.contains(id),
                     qPrintable(QStringLiteral("%1 got %2 twice").arg(peer->name).arg(id)));
            ids.insert(id);
            QVERIFY(m_sentIds.contains(id));
            const QString sender = message.value(QStringLiteral("user"))
                                       .toObject()
                                       .value(QStringLiteral("name"))
                                       .toString();
            QVERIFY2(sender != peer->name, qPrintable(peer->name + QStringLiteral(" got its own")));
            // Each sender's messages arrive in the order it sent them.
            const int n
                = message.value(QStringLiteral("client_id")).toString().section(u'-', 1).toInt();
            QVERIFY(n > lastBySender.value(sender, -1));
            lastBySender.insert(sender, n);
        }
        QCOMPARE(lastBySender.size(), 3);
    }
}

void TestScaleOut::historyIsTheSameOnBothBackends()
{
    QList<qint64> pages[2];
    for (int b = 0; b < 2; ++b) {
        const ServerApiClient::Result history = api(b).get(kMessages + QStringLiteral("?limit=50"),
                                                           m_peers[b]->token);
        QCOMPARE(history.status, 200);
        for (const QJsonValue &m : history.json.value(QStringLiteral("messages")).toArray())
            pages[b].append(m.toObject().value(QStringLiteral("id")).toInteger());
    }
    QCOMPARE(pages[0], pages[1]);
    QCOMPARE(pages[0].size(), m_sentIds.size());
    QVERIFY(std::is_sorted(pages[0].begin(), pages[0].end()));
    QCOMPARE(QSet<qint64>(pages[0].begin(), pages[0].end()), m_sentIds);
}

void TestScaleOut::retryThroughTheOtherBackendIsNoDuplicate()
{
    // A load balancer sends the retry of a send whose answer was lost to the other instance.
    Peer &sender = *m_peers[0];
    for (const auto &peer : m_peers)
        peer->received.clear();
    const QJsonObject body{{QStringLiteral("text"), QStringLiteral("once")},
                           {QStringLiteral("client_id"), QStringLiteral("retried-1")},
                           {QStringLiteral("socket_id"), sender.socketId()}};
    const ServerApiClient::Result first = api(0).postJson(kMessages, body, sender.token);
    QCOMPARE(first.status, 201);
    const ServerApiClient::Result retry = api(1).postJson(kMessages, body, sender.token);
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.json.value(QStringLiteral("id")).toInteger(),
             first.json.value(QStringLiteral("id")).toInteger());

    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(m_peers.begin() + 1, m_peers.end(),
                               [](const auto &p) { return !p->received.isEmpty(); });
        },
        10000));
    QTest::qWait(1000);
    for (const auto &peer : m_peers)
        QCOMPARE(peer->received.size(), peer.get() == &sender ? 0 : 1);
}

void TestScaleOut::leavingIsSeenOnBothNodes()
{
    Peer &leaving = *m_peers[0]; // backend 0, node 0
    const QString id = leaving.userId;
    leaving.client->disconnect();
    for (const auto &peer : m_peers) {
        if (peer.get() == &leaving)
            continue;
        QVERIFY2(QTest::qWaitFor([&] { return !peer->memberIds().contains(id); }, 10000),
                 qPrintable(peer->name + QStringLiteral(" still lists the one who left")));
        QCOMPARE(peer->channel->members()->count(), 3);
    }
}

QTEST_GUILESS_MAIN(TestScaleOut)
#include "tst_scaleout.moc"
