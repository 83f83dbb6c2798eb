// natter-server's server-wide view for Natter's Developer tools (api.md, "Debug users"): webhooks
// republished on private-natter-debug, that channel signed only for --debug-users, GET /debug and
// POST /debug/events; against a real soketi with pusher-js listeners, on SQLite and PostgreSQL.
#include "NodeProcess.h"
#include "ServerApiClient.h"
#include "ServerRig.h"

#include <pusher/Signer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using natter::pusher::Signer;

namespace {
const QString kAuth = QStringLiteral("/pusher/auth");
const QString kDebugChannel = QStringLiteral("private-natter-debug");
} // namespace

class TestServerDebug : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
        qInfo() << "database:" << m_rig.backend();
    }

    void onlyDebugUsersGetTheChannel()
    {
        auto server = start({QStringLiteral("--debug-users"), QStringLiteral("Alice,carol")});
        QVERIFY(server);
        ServerApiClient api(server->url());
        const QString alice = api.login(QStringLiteral("alice")); // case-insensitive match
        const QString bob = api.login(QStringLiteral("bob"));
        QVERIFY(!alice.isEmpty() && !bob.isEmpty());

        const auto status = api.get(QStringLiteral("/debug"), alice);
        QVERIFY2(status.status == 200, qPrintable(status.describe()));
        QCOMPARE(status.json.value(QStringLiteral("channel")).toString(), kDebugChannel);
        QVERIFY(status.json.value(QStringLiteral("events"))
                    .toArray()
                    .contains(QJsonValue(QStringLiteral("member_added"))));
        const auto refused = api.get(QStringLiteral("/debug"), bob);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("forbidden"));
        QCOMPARE(api.get(QStringLiteral("/debug")).status, 401);

        const QByteArray form = "socket_id=123.456&channel_name=" + kDebugChannel.toUtf8();
        const auto signedForAlice = api.postForm(kAuth, form, alice);
        QVERIFY2(signedForAlice.status == 200, qPrintable(signedForAlice.describe()));
        const Signer signer(QStringLiteral("app-key"), "app-secret");
        QCOMPARE(signedForAlice.json.value(QStringLiteral("auth")).toString(),
                 signer.channelAuth(QStringLiteral("123.456"), kDebugChannel));
        const auto bobAuth = api.postForm(kAuth, form, bob);
        QCOMPARE(bobAuth.status, 403);
        QCOMPARE(bobAuth.code(), QStringLiteral("forbidden"));
        QVERIFY(!bobAuth.json.contains(QStringLiteral("auth")));
        // In a batch too.
        const auto batch = api.postForm(kAuth,
                                        "socket_id=1.2&channel_name[0]=" + kDebugChannel.toUtf8()
                                            + "&channel_name[1]=presence-lobby",
                                        bob);
        QCOMPARE(batch.status, 200);
        QCOMPARE(batch.json.value(kDebugChannel).toObject().value(QStringLiteral("status")).toInt(),
                 403);
        QCOMPARE(batch.json.value(QStringLiteral("presence-lobby"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 200);

        // Without the setting nobody is a debug user (though "natter-debug" is a valid room name).
        auto plain = start();
        QVERIFY(plain);
        ServerApiClient plainApi(plain->url());
        const QString token = plainApi.login(QStringLiteral("alice"));
        QCOMPARE(plainApi.get(QStringLiteral("/debug"), token).status, 403);
        QCOMPARE(plainApi.postForm(kAuth, form, token).status, 403);

        // A malformed setting is refused at start.
        auto bad = m_rig.startServer({QStringLiteral("--debug-users"), QStringLiteral("al ice")});
        QVERIFY(!bad);
        QVERIFY2(m_rig.error().contains(QStringLiteral("--debug-users")), qPrintable(m_rig.error()));
    }

    void webhooksAreRepublished()
    {
        auto server = start({QStringLiteral("--debug-users"), QStringLiteral("alice")});
        QVERIFY(server);
        NodeProcess feed;
        QVERIFY(listen(feed, kDebugChannel));
        ServerApiClient api(server->url());
        const auto ok = hook(api,
                             {event("channel_occupied", "presence-ops"),
                              event("member_added", "presence-ops", "u7"),
                              event("client_event", "private-ops", "u7",
                                    {{QStringLiteral("event"), QStringLiteral("client-typing")},
                                     {QStringLiteral("data"), QStringLiteral("{\"on\":true}")}}),
                              event("subscription_count", "private-ops"), // not republished
                              event("member_added", "private-natter-debug", "u7"), // its own
                              event("member_removed", "presence-ops", "u7"),
                              event("channel_vacated", "presence-ops")});
        QVERIFY2(ok.status == 200, qPrintable(ok.describe()));
        const QStringList expected{QStringLiteral("channel_occupied"),
                                   QStringLiteral("member_added"), QStringLiteral("client_event"),
                                   QStringLiteral("member_removed"),
                                   QStringLiteral("channel_vacated")};
        QVERIFY2(feed.waitFor(
                     [](const QJsonObject &o) {
                         return o.value(QStringLiteral("event")).toString()
                             == QStringLiteral("channel_vacated");
                     },
                     15000)
                     >= 0,
                 qPrintable(feed.describe()));
        QStringList got;
        for (const QJsonObject &line : feed.linesOfType(QStringLiteral("event"))) {
            QCOMPARE(line.value(QStringLiteral("channel")).toString(), kDebugChannel);
            got << line.value(QStringLiteral("event")).toString();
            const QJsonValue dataValue = line.value(QStringLiteral("data"));
            const QJsonObject data = dataValue.isObject()
                ? dataValue.toObject()
                : QJsonDocument::fromJson(dataValue.toString().toUtf8()).object();
            QCOMPARE(data.value(QStringLiteral("name")).toString(), got.last());
            QCOMPARE(data.value(QStringLiteral("time_ms")).toInteger(), qint64(1234));
            QVERIFY(
                data.value(QStringLiteral("channel")).toString().endsWith(QStringLiteral("-ops")));
            if (got.last() == QStringLiteral("client_event")) {
                QCOMPARE(data.value(QStringLiteral("event")).toString(),
                         QStringLiteral("client-typing"));
                QCOMPARE(data.value(QStringLiteral("user_id")).toString(), QStringLiteral("u7"));
            }
        }
        QCOMPARE(got, expected);

        // A forged webhook is not republished.
        const int before = int(feed.linesOfType(QStringLiteral("event")).size());
        QCOMPARE(hook(api, {event("channel_occupied", "presence-forged")}, true).status, 401);
        QTest::qWait(500);
        QCOMPARE(int(feed.linesOfType(QStringLiteral("event")).size()), before);
    }

    void debugUsersTriggerEvents()
    {
        auto server = start({QStringLiteral("--debug-users"), QStringLiteral("alice")});
        QVERIFY(server);
        NodeProcess listener;
        QVERIFY(listen(listener, QStringLiteral("devtools-target")));
        ServerApiClient api(server->url());
        const QString alice = api.login(QStringLiteral("alice"));
        const QString bob = api.login(QStringLiteral("bob"));
        const QString path = QStringLiteral("/debug/events");
        auto body = [](const QString &channel, const QString &event, const QString &data) {
            return QJsonObject{{QStringLiteral("channel"), channel},
                               {QStringLiteral("event"), event},
                               {QStringLiteral("data"), data}};
        };

        const auto sent = api.postJson(path,
                                       body(QStringLiteral("devtools-target"),
                                            QStringLiteral("hello"), QStringLiteral("{\"n\":1}")),
                                       alice);
        QVERIFY2(sent.status == 200, qPrintable(sent.describe()));
        QVERIFY(listener.waitFor(
                    [](const QJsonObject &o) {
                        return o.value(QStringLiteral("event")).toString()
                            == QStringLiteral("hello");
                    },
                    15000)
                >= 0);
        const QJsonObject got = listener.linesOfType(QStringLiteral("event")).last();
        QCOMPARE(got.value(QStringLiteral("channel")).toString(), QStringLiteral("devtools-target"));
        QCOMPARE(got.value(QStringLiteral("data")).toObject().value(QStringLiteral("n")).toInt(), 1);

        const auto bobSent = api.postJson(
            path,
            body(QStringLiteral("devtools-target"), QStringLiteral("hello"), QStringLiteral("{}")),
            bob);
        QCOMPARE(bobSent.status, 403);
        QCOMPARE(api.postJson(path,
                              body(QStringLiteral("devtools-target"), QStringLiteral("x"),
                                   QStringLiteral("{}")))
                     .status,
                 401);
        const QString big = QStringLiteral("{\"t\":\"") + QString(10240, QLatin1Char('a'))
            + QStringLiteral("\"}");
        const auto tooLarge = api.postJson(
            path, body(QStringLiteral("devtools-target"), QStringLiteral("x"), big), alice);
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.code(), QStringLiteral("too_large"));
        for (const QJsonObject &wrong :
             {body(QStringLiteral("bad channel"), QStringLiteral("x"), QStringLiteral("{}")),
              body(QStringLiteral("private-encrypted-x"), QStringLiteral("x"), QStringLiteral("{}")),
              body(QStringLiteral("devtools-target"), QStringLiteral("pusher:x"),
                   QStringLiteral("{}")),
              body(QStringLiteral("devtools-target"), QString(), QStringLiteral("{}")),
              QJsonObject{{QStringLiteral("channel"), QStringLiteral("devtools-target")},
                          {QStringLiteral("event"), QStringLiteral("x")},
                          {QStringLiteral("data"), 5}}}) {
            const auto r = api.postJson(path, wrong, alice);
            QVERIFY2(r.status == 400, qPrintable(r.describe()));
            QCOMPARE(r.code(), QStringLiteral("bad_request"));
        }
        QCOMPARE(api.get(path, alice).status, 405);
        // Nothing but the first event reached the listener.
        QTest::qWait(300);
        QCOMPARE(listener.linesOfType(QStringLiteral("event")).size(), 1);
    }

private:
    std::unique_ptr<NatterServerProcess> start(const QStringList &args = {})
    {
        auto server = m_rig.startServer(args);
        if (!server)
            qWarning().noquote() << m_rig.error();
        return server;
    }
    // A pusher-js listener on CHANNEL of the rig's soketi (signing with the SDK itself).
    bool listen(NodeProcess &peer, const QString &channel)
    {
        if (!peer.start(QStringLiteral("pusherjs-peer.js"),
                        {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                         QStringLiteral("--port"), QString::number(m_rig.soketi().port()),
                         QStringLiteral("--key"), QStringLiteral("app-key"),
                         QStringLiteral("--secret"), QStringLiteral("app-secret"),
                         QStringLiteral("--channel"), channel}))
            return false;
        return peer.waitForType(QStringLiteral("subscribed"), 15000) >= 0;
    }
    static QJsonObject event(const char *name, const char *channel, const char *user = nullptr,
                             const QJsonObject &extra = {})
    {
        QJsonObject e = extra;
        e.insert(QStringLiteral("name"), QLatin1String(name));
        e.insert(QStringLiteral("channel"), QLatin1String(channel));
        if (user)
            e.insert(QStringLiteral("user_id"), QLatin1String(user));
        return e;
    }
    static ServerApiClient::Result hook(ServerApiClient &api, const QJsonArray &events,
                                        bool forged = false)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("time_ms"), 1234},
                                                          {QStringLiteral("events"), events}})
                                    .toJson(QJsonDocument::Compact);
        const Signer signer(QStringLiteral("app-key"), "app-secret");
        const QByteArray signature = forged ? QByteArray(64, 'a')
                                            : signer.webhookSignature(body).toLatin1();
        return api.post(QStringLiteral("/pusher/webhooks"), body, "application/json", {},
                        {{"X-Pusher-Key", "app-key"}, {"X-Pusher-Signature", signature}});
    }

    ServerRig m_rig;
};

QTEST_GUILESS_MAIN(TestServerDebug)
#include "tst_debug.moc"
