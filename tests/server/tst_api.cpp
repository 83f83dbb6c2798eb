// natter-server's HTTP API (api.md): configuration, sessions and channel auth, error by error,
// against a real soketi; run on SQLite and on PostgreSQL (NATTER_TEST_DATABASE, two ctest entries).
#include "NodeProcess.h"
#include "ServerApiClient.h"
#include "ServerRig.h"

#include <pusher/Signer.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using natter::pusher::Signer;

namespace {
const QString kSession = QStringLiteral("/session");
const QString kAuth = QStringLiteral("/pusher/auth");

} // namespace

class TestServerApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void healthAndConfig();
    void slowDatabaseStallsNoOtherRequest();
    void configFlagsBeatEnvBeatFile();
    void helpAndMissingSecret();
    void sessionNames();
    void sessionLifecycle();
    void expiredToken();
    void joinPassword();
    void channelAuth();
    void channelAuthMatchesPusherSdk();
    void batchedAuth();
    void userAuth();
    void survivesPostgresRestart();

private:
    std::unique_ptr<NatterServerProcess> start(const QStringList &args = {},
                                               const QMap<QString, QString> &env = {},
                                               quint16 pusherPort = 0)
    {
        auto server = m_rig.startServer(args, env, pusherPort);
        if (!server)
            qWarning().noquote() << m_rig.error();
        return server;
    }
    ServerRig m_rig;
};

void TestServerApi::initTestCase()
{
    QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
    qInfo() << "database:" << m_rig.backend();
}

void TestServerApi::healthAndConfig()
{
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    const auto health = api.get(QStringLiteral("/healthz"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));

    const auto config = api.get(QStringLiteral("/config"));
    QCOMPARE(config.status, 200);
    const QJsonObject c = config.json;
    QCOMPARE(c.value(QStringLiteral("app_key")).toString(), QStringLiteral("app-key"));
    QCOMPARE(c.value(QStringLiteral("ws_host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(c.value(QStringLiteral("ws_port")).toInt(), int(m_rig.soketi().port()));
    QCOMPARE(c.value(QStringLiteral("tls")).toBool(), false);
    QCOMPARE(c.value(QStringLiteral("auth_endpoint")).toString(), QStringLiteral("/pusher/auth"));
    QCOMPARE(c.value(QStringLiteral("user_auth_endpoint")).toString(),
             QStringLiteral("/pusher/user-auth"));
    QCOMPARE(c.value(QStringLiteral("batch_auth")).toBool(), true);
    QCOMPARE(c.value(QStringLiteral("join_password_required")).toBool(), false);
    QCOMPARE(c.value(QStringLiteral("max_message_length")).toInt(), 2000);
    QCOMPARE(c.value(QStringLiteral("rooms")).toArray(), QJsonArray{QStringLiteral("lobby")});
    QVERIFY(!config.body.contains("app-secret"));

    // A hosted cluster: the WebSocket side is Pusher's.
    auto hosted = start({}, {{QStringLiteral("NATTER_PUSHER_CLUSTER"), QStringLiteral("eu")}});
    QVERIFY(hosted);
    const QJsonObject h = ServerApiClient(hosted->url()).get(QStringLiteral("/config")).json;
    QCOMPARE(h.value(QStringLiteral("ws_host")).toString(), QStringLiteral("ws-eu.pusher.com"));
    QCOMPARE(h.value(QStringLiteral("ws_port")).toInt(), 443);
    QCOMPARE(h.value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(h.value(QStringLiteral("cluster")).toString(), QStringLiteral("eu"));

    QCOMPARE(api.get(QStringLiteral("/nope")).status, 404);
    QCOMPARE(api.get(QStringLiteral("/nope")).code(), QStringLiteral("not_found"));
    QVERIFY(server->stop());
    QCOMPARE(server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->exitCode(), 0);
}

// The database works on its own thread: while a send waits for a slow database (800 ms per
// statement, through the probe), GET /config, which needs no database, is answered at once.
void TestServerApi::slowDatabaseStallsNoOtherRequest()
{
    if (m_rig.usesPostgres())
        QSKIP("The delay probe is the same on both databases; SQLite is enough.");
    auto server = start(
        {}, {{QStringLiteral("NATTER_SERVER_PROBE_DB_DELAY_MS"), QStringLiteral("800")}});
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("slowpoke"));
    QVERIFY(!token.isEmpty());

    QElapsedTimer postTime;
    postTime.start();
    QNetworkReply *post = api.start(
        "POST", QStringLiteral("/rooms/lobby/messages"),
        QJsonDocument(QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")},
                                  {QStringLiteral("client_id"), QStringLiteral("slow-1")}})
            .toJson(QJsonDocument::Compact),
        "application/json", token);
    QTest::qWait(150); // the send is now waiting for the database

    QElapsedTimer configTime;
    configTime.start();
    const auto config = api.get(QStringLiteral("/config"));
    const qint64 configMs = configTime.elapsed();
    QCOMPARE(config.status, 200);
    QVERIFY2(configMs < 200, qPrintable(QStringLiteral("GET /config took %1 ms").arg(configMs)));

    const auto sent = ServerApiClient::wait(post);
    QCOMPARE(sent.status, 201);
    // It did wait for the database (authentication and insert, 800 ms each).
    QVERIFY2(postTime.elapsed() >= 1600, qPrintable(QString::number(postTime.elapsed())));
}

void TestServerApi::configFlagsBeatEnvBeatFile()
{
    const QString file = m_rig.tempPath() + QStringLiteral("/natter-server.conf");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# test\nNATTER_ROOMS=fromfile\nNATTER_PUSHER_WS_PORT=7777\n");
    f.close();
    const QString config = QStringLiteral("/config");
    auto rooms = [&](const QStringList &args, const QMap<QString, QString> &env) {
        auto server = start(args, env);
        return server ? ServerApiClient(server->url()).get(config).json : QJsonObject();
    };
    const QMap<QString, QString> env{{QStringLiteral("NATTER_ROOMS"), QStringLiteral("fromenv")}};
    QCOMPARE(rooms({QStringLiteral("--config"), file}, {}).value(QStringLiteral("rooms")).toArray(),
             QJsonArray{QStringLiteral("fromfile")});
    QCOMPARE(rooms({QStringLiteral("--config"), file}, {}).value(QStringLiteral("ws_port")).toInt(),
             7777);
    QCOMPARE(rooms({QStringLiteral("--config"), file}, env).value(QStringLiteral("rooms")).toArray(),
             QJsonArray{QStringLiteral("fromenv")});
    QCOMPARE(
        rooms({QStringLiteral("--config"), file, QStringLiteral("--rooms"), QStringLiteral("a,b")},
              env)
            .value(QStringLiteral("rooms"))
            .toArray(),
        (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestServerApi::helpAndMissingSecret()
{
    QProcess help;
    help.start(NatterServerProcess::binaryPath(), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(10000));
    QCOMPARE(help.exitCode(), 0);
    const QString text = QString::fromUtf8(help.readAllStandardOutput());
    for (const char *name : {"--listen",
                             "--database",
                             "--rooms",
                             "--session-ttl",
                             "--rate-limit",
                             "--config",
                             "--log-level",
                             "NATTER_LISTEN",
                             "NATTER_DATABASE",
                             "NATTER_ROOMS",
                             "NATTER_SESSION_TTL",
                             "NATTER_RATE_LIMIT",
                             "NATTER_JOIN_PASSWORD",
                             "NATTER_PUSHER_APP_ID",
                             "NATTER_PUSHER_KEY",
                             "NATTER_PUSHER_SECRET",
                             "NATTER_PUSHER_HOST",
                             "NATTER_PUSHER_PORT",
                             "NATTER_PUSHER_TLS",
                             "NATTER_PUSHER_CLUSTER",
                             "NATTER_PUSHER_WS_HOST",
                             "NATTER_PUSHER_WS_PORT"})
        QVERIFY2(text.contains(QLatin1String(name)), name);

    QProcess noSecret;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NATTER_PUSHER_SECRET"));
    env.insert(QStringLiteral("NATTER_PUSHER_APP_ID"), QStringLiteral("app-id"));
    env.insert(QStringLiteral("NATTER_PUSHER_KEY"), QStringLiteral("app-key"));
    noSecret.setProcessEnvironment(env);
    noSecret.start(NatterServerProcess::binaryPath(),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(noSecret.waitForFinished(10000));
    QCOMPARE(noSecret.exitCode(), 2);
    const QString err = QString::fromUtf8(noSecret.readAllStandardError()).trimmed();
    QCOMPARE(err.count(QLatin1Char('\n')), 0);
    QVERIFY2(err.contains(QLatin1String("NATTER_PUSHER_SECRET")), qPrintable(err));
}

void TestServerApi::sessionNames()
{
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    for (const QString &bad :
         {QString(), QStringLiteral("   "), QStringLiteral("a b"), QStringLiteral("bob!"),
          QStringLiteral("b\u00f8b"), QString(33, QLatin1Char('x')), QStringLiteral("<b>x</b>")}) {
        const auto r = api.postJson(kSession, {{QStringLiteral("name"), bad}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("bad_name"));
        QVERIFY(r.json.value(QStringLiteral("error")).toString().contains(QLatin1String("32")));
    }
    QCOMPARE(api.post(kSession, "not json", "application/json").status, 400);

    ServerApiClient::Result ok;
    const QString token = api.login(QStringLiteral("  Bob_1-x  "), &ok);
    QCOMPARE(ok.status, 201);
    QVERIFY(token.size() >= 43); // 32 random bytes, base64url
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(token).hasMatch());
    const QJsonObject user = ok.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("Bob_1-x"));
    QVERIFY(QRegularExpression(QStringLiteral("^u_[0-9a-f]{16}$"))
                .match(user.value(QStringLiteral("id")).toString())
                .hasMatch());
    const QDateTime expires = QDateTime::fromString(
        ok.json.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 86400) < 60);
    QCOMPARE(api.get(kSession, token).status, 200);
    QCOMPARE(ServerApiClient(server->url()).login(QString(32, QLatin1Char('y'))).isEmpty(), false);

    // The name is taken while the session lives, also in another case.
    for (const QString &same :
         {QStringLiteral("Bob_1-x"), QStringLiteral("bob_1-X"), QStringLiteral(" BOB_1-X")}) {
        ServerApiClient::Result taken;
        QVERIFY(api.login(same, &taken).isEmpty());
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.code(), QStringLiteral("name_taken"));
    }
}

void TestServerApi::sessionLifecycle()
{
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    QCOMPARE(api.get(kSession).status, 401);
    QCOMPARE(api.get(kSession).code(), QStringLiteral("unauthorized"));
    QCOMPARE(api.get(kSession, QStringLiteral("nonsense")).status, 401);
    QCOMPARE(api.del(kSession).status, 401);

    ServerApiClient::Result login;
    const QString token = api.login(QStringLiteral("carol"), &login);
    QVERIFY2(!token.isEmpty(), qPrintable(login.describe()));
    const auto resumed = api.get(kSession, token);
    QCOMPARE(resumed.status, 200);
    QCOMPARE(resumed.json.value(QStringLiteral("user")), login.json.value(QStringLiteral("user")));
    QCOMPARE(resumed.json.value(QStringLiteral("expires_at")),
             login.json.value(QStringLiteral("expires_at")));

    QCOMPARE(api.del(kSession, token).status, 204);
    QCOMPARE(api.get(kSession, token).status, 401);
    // The name is free again, with a new user id.
    ServerApiClient::Result again;
    QVERIFY(!api.login(QStringLiteral("Carol"), &again).isEmpty());
    QVERIFY(again.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id"))
            != login.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
}

void TestServerApi::expiredToken()
{
    auto server = start({QStringLiteral("--session-ttl"), QStringLiteral("1")});
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("dave"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(api.get(kSession, token).status, 200);
    QTest::qWait(1300);
    const auto expired = api.get(kSession, token);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.code(), QStringLiteral("unauthorized"));
    QCOMPARE(api.postForm(kAuth, "socket_id=1.2&channel_name=presence-lobby", token).status, 401);
    QCOMPARE(api.postJson(QStringLiteral("/rooms/lobby/messages"),
                          {{QStringLiteral("text"), QStringLiteral("x")},
                           {QStringLiteral("client_id"), QStringLiteral("c")}},
                          token)
                 .status,
             401);
    // An expired session no longer holds the name.
    QVERIFY(!api.login(QStringLiteral("dave")).isEmpty());
}

void TestServerApi::joinPassword()
{
    auto server = start({}, {{QStringLiteral("NATTER_JOIN_PASSWORD"), QStringLiteral("sesame")}});
    QVERIFY(server);
    ServerApiClient api(server->url());
    QCOMPARE(api.get(QStringLiteral("/config"))
                 .json.value(QStringLiteral("join_password_required"))
                 .toBool(),
             true);
    auto attempt = [&](const QJsonValue &password) {
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("erin")}};
        if (!password.isUndefined())
            body.insert(QStringLiteral("password"), password);
        return api.postJson(kSession, body);
    };
    for (const QJsonValue &wrong :
         {QJsonValue(QJsonValue::Undefined), QJsonValue(QStringLiteral("")),
          QJsonValue(QStringLiteral("Sesame")), QJsonValue(42)}) {
        const auto r = attempt(wrong);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("bad_password"));
    }
    QCOMPARE(attempt(QStringLiteral("sesame")).status, 201);
    QVERIFY(!server->log().contains(QLatin1String("sesame")));
}

void TestServerApi::channelAuth()
{
    auto server = start({QStringLiteral("--rooms"), QStringLiteral("lobby,dev")});
    QVERIFY(server);
    ServerApiClient api(server->url());
    ServerApiClient::Result login;
    const QString token = api.login(QStringLiteral("frank"), &login);
    QVERIFY(!token.isEmpty());
    const QString userId
        = login.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    const Signer signer(QStringLiteral("app-key"), "app-secret");

    QCOMPARE(api.postForm(kAuth, "socket_id=1.2&channel_name=presence-lobby").status, 401);

    const auto presence = api.postForm(kAuth, "socket_id=123.456&channel_name=presence-lobby",
                                       token);
    QCOMPARE(presence.status, 200);
    const QString channelData = presence.json.value(QStringLiteral("channel_data")).toString();
    const QJsonObject data = QJsonDocument::fromJson(channelData.toUtf8()).object();
    QCOMPARE(data.value(QStringLiteral("user_id")).toString(), userId);
    QCOMPARE(
        data.value(QStringLiteral("user_info")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("frank"));
    QCOMPARE(presence.json.value(QStringLiteral("auth")).toString(),
             signer.presenceAuth(QStringLiteral("123.456"), QStringLiteral("presence-lobby"),
                                 channelData));

    const auto priv = api.postForm(kAuth, "socket_id=123.456&channel_name=private-dev", token);
    QCOMPARE(priv.status, 200);
    QCOMPARE(priv.json.value(QStringLiteral("auth")).toString(),
             signer.channelAuth(QStringLiteral("123.456"), QStringLiteral("private-dev")));
    QVERIFY(!priv.json.contains(QStringLiteral("channel_data")));

    for (const QByteArray channel : {"lobby", "presence-other", "private-encrypted-lobby",
                                     "private-", "cache-lobby", "presence-lobby-x"}) {
        const auto r = api.postForm(kAuth, "socket_id=1.2&channel_name=" + channel, token);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("forbidden"));
    }
    for (const QByteArray &form :
         {QByteArray("socket_id=1.2x&channel_name=presence-lobby"),
          QByteArray("socket_id=1.2%3Apresence-x&channel_name=presence-lobby"),
          QByteArray("channel_name=presence-lobby"),
          QByteArray("socket_id=1.2&channel_name=presence-lo%20bby"),
          QByteArray("socket_id=1.2&channel_name=presence-lobby%3A1"),
          QByteArray("socket_id=1.2")}) {
        const auto r = api.postForm(kAuth, form, token);
        QVERIFY2(r.status == 400, form.constData());
        QCOMPARE(r.code(), QStringLiteral("bad_request"));
    }
}

void TestServerApi::channelAuthMatchesPusherSdk()
{
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("grace"));
    const auto ours = api.postForm(kAuth, "socket_id=98765.4321&channel_name=presence-lobby", token);
    QCOMPARE(ours.status, 200);
    NodeProcess sdk;
    QVERIFY(sdk.start(QStringLiteral("natter-server-peer.js"),
                      {QStringLiteral("sign"), QStringLiteral("--key"), QStringLiteral("app-key"),
                       QStringLiteral("--secret"), QStringLiteral("app-secret"),
                       QStringLiteral("--socket-id"), QStringLiteral("98765.4321"),
                       QStringLiteral("--channel"), QStringLiteral("presence-lobby"),
                       QStringLiteral("--channel-data"),
                       ours.json.value(QStringLiteral("channel_data")).toString()}));
    QVERIFY2(sdk.waitForType(QStringLiteral("signed")) >= 0, qPrintable(sdk.describe()));
    const QJsonObject signedBySdk = sdk.linesOfType(QStringLiteral("signed")).first();
    QCOMPARE(signedBySdk.value(QStringLiteral("auth")).toString(),
             ours.json.value(QStringLiteral("auth")).toString());
    QCOMPARE(signedBySdk.value(QStringLiteral("channel_data")).toString(),
             ours.json.value(QStringLiteral("channel_data")).toString());

    const auto priv = api.postForm(kAuth, "socket_id=98765.4321&channel_name=private-lobby", token);
    NodeProcess sdk2;
    QVERIFY(sdk2.start(QStringLiteral("natter-server-peer.js"),
                       {QStringLiteral("sign"), QStringLiteral("--key"), QStringLiteral("app-key"),
                        QStringLiteral("--secret"), QStringLiteral("app-secret"),
                        QStringLiteral("--socket-id"), QStringLiteral("98765.4321"),
                        QStringLiteral("--channel"), QStringLiteral("private-lobby")}));
    QVERIFY2(sdk2.waitForType(QStringLiteral("signed")) >= 0, qPrintable(sdk2.describe()));
    QCOMPARE(
        sdk2.linesOfType(QStringLiteral("signed")).first().value(QStringLiteral("auth")).toString(),
        priv.json.value(QStringLiteral("auth")).toString());
}

void TestServerApi::batchedAuth()
{
    auto server = start({QStringLiteral("--rooms"), QStringLiteral("a,b")});
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("heidi"));
    const Signer signer(QStringLiteral("app-key"), "app-secret");
    // The exact body pusher-js-auth 4.0.1 sends: leading '&', brackets unescaped.
    const auto r = api.postForm(
        kAuth,
        "&socket_id=11.22&channel_name[0]=presence-a&channel_name[1]=private-b"
        "&channel_name[2]=presence-zzz&channel_name[3]=public-a",
        token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.size(), 4);
    const QJsonObject a = r.json.value(QStringLiteral("presence-a")).toObject();
    QCOMPARE(a.value(QStringLiteral("status")).toInt(), 200);
    const QJsonObject aData = a.value(QStringLiteral("data")).toObject();
    QCOMPARE(aData.value(QStringLiteral("auth")).toString(),
             signer.presenceAuth(QStringLiteral("11.22"), QStringLiteral("presence-a"),
                                 aData.value(QStringLiteral("channel_data")).toString()));
    const QJsonObject b = r.json.value(QStringLiteral("private-b")).toObject();
    QCOMPARE(b.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(b.value(QStringLiteral("data")).toObject().value(QStringLiteral("auth")).toString(),
             signer.channelAuth(QStringLiteral("11.22"), QStringLiteral("private-b")));
    for (const QString &denied : {QStringLiteral("presence-zzz"), QStringLiteral("public-a")}) {
        const QJsonObject d = r.json.value(denied).toObject();
        QCOMPARE(d.value(QStringLiteral("status")).toInt(), 403);
        QCOMPARE(d.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("forbidden"));
    }
    // Percent-encoded brackets (what a form encoder sends) work the same.
    const auto encoded = api.postForm(kAuth, "socket_id=11.22&channel_name%5B0%5D=presence-a",
                                      token);
    QCOMPARE(encoded.json.value(QStringLiteral("presence-a"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toInt(),
             200);

    QByteArray tooMany = "socket_id=1.2";
    for (int i = 0; i <= 100; ++i)
        tooMany += "&channel_name[" + QByteArray::number(i) + "]=private-a" + QByteArray::number(i);
    QCOMPARE(api.postForm(kAuth, tooMany, token).status, 400);
    QCOMPARE(api.postForm(kAuth, "socket_id=x&channel_name[0]=presence-a", token).status, 400);
    QCOMPARE(api.postForm(kAuth, "socket_id=1.2&channel_name[0]=presence-a", QString()).status, 401);
}

void TestServerApi::userAuth()
{
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    ServerApiClient::Result login;
    const QString token = api.login(QStringLiteral("ivan"), &login);
    const auto r = api.postForm(QStringLiteral("/pusher/user-auth"), "socket_id=5.6", token);
    QCOMPARE(r.status, 200);
    const QString userData = r.json.value(QStringLiteral("user_data")).toString();
    const QJsonObject user = QJsonDocument::fromJson(userData.toUtf8()).object();
    QCOMPARE(user.value(QStringLiteral("id")),
             login.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
    QCOMPARE(
        user.value(QStringLiteral("user_info")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("ivan"));
    NodeProcess sdk;
    QVERIFY(sdk.start(QStringLiteral("natter-server-peer.js"),
                      {QStringLiteral("sign"), QStringLiteral("--key"), QStringLiteral("app-key"),
                       QStringLiteral("--secret"), QStringLiteral("app-secret"),
                       QStringLiteral("--socket-id"), QStringLiteral("5.6"),
                       QStringLiteral("--user-data"), userData}));
    QVERIFY2(sdk.waitForType(QStringLiteral("signed")) >= 0, qPrintable(sdk.describe()));
    QCOMPARE(
        sdk.linesOfType(QStringLiteral("signed")).first().value(QStringLiteral("auth")).toString(),
        r.json.value(QStringLiteral("auth")).toString());
    QCOMPARE(api.postForm(QStringLiteral("/pusher/user-auth"), "socket_id=5", token).status, 400);
    QCOMPARE(api.postForm(QStringLiteral("/pusher/user-auth"), "socket_id=5.6").status, 401);
}

void TestServerApi::survivesPostgresRestart()
{
    if (!m_rig.usesPostgres())
        QSKIP("PostgreSQL only");
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("steady"));
    QVERIFY(!token.isEmpty());
    QVERIFY2(m_rig.postgres()->restart(), qPrintable(m_rig.postgres()->error()));
    // The request that finds the connection gone may fail (503, never a crash or a hang); the
    // server reconnects, and the session is still there.
    const auto first = api.get(kSession, token);
    QVERIFY2(first.status == 200 || first.status == 503, qPrintable(first.describe()));
    QCOMPARE(api.get(kSession, token).status, 200);
    QCOMPARE(api.get(QStringLiteral("/healthz")).status, 200);
    QVERIFY(!api.login(QStringLiteral("steady2")).isEmpty());
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_api.moc"
