// natter-server's messages, history, rooms and webhooks (api.md), against a real soketi with the
// official pusher-js as the listening peer; run on SQLite and on PostgreSQL.
#include "FreePort.h"
#include "NodeProcess.h"
#include "ServerApiClient.h"
#include "ServerRig.h"

#include <pusher/Signer.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <sys/stat.h>

namespace {

const QString kLobby = QStringLiteral("/rooms/lobby/messages");

QJsonObject message(const QString &text, const QString &clientId, const QString &socketId = {})
{
    QJsonObject m{{QStringLiteral("text"), text}, {QStringLiteral("client_id"), clientId}};
    if (!socketId.isEmpty())
        m.insert(QStringLiteral("socket_id"), socketId);
    return m;
}

QList<QJsonObject> newMessages(const NodeProcess &peer)
{
    QList<QJsonObject> list;
    for (const QJsonObject &line : peer.linesOfType(QStringLiteral("event"))) {
        if (line.value(QStringLiteral("event")).toString() == QLatin1String("new_message"))
            list << line.value(QStringLiteral("data")).toObject();
    }
    return list;
}

QList<qint64> ids(const QJsonArray &messages)
{
    QList<qint64> list;
    for (const QJsonValue &m : messages)
        list << m.toObject().value(QStringLiteral("id")).toInteger();
    return list;
}

} // namespace

class TestServerMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void postMessageValidation();
    void sendIsTriggeredOnceAndIdempotent();
    void senderSocketIsExcluded();
    void rateLimit();
    void history();
    void roomsFromChannelsApi();
    void webhooks();
    void accessLogHasNoSecrets();
    void sqliteFileIsPrivate();

private:
    // A pusher-js listener in presence-ROOM of the rig's soketi (signing with the SDK itself).
    bool listen(NodeProcess &peer, const QString &room = QStringLiteral("lobby"))
    {
        if (!peer.start(QStringLiteral("pusherjs-peer.js"),
                        {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                         QStringLiteral("--port"), QString::number(m_rig.soketi().port()),
                         QStringLiteral("--key"), QStringLiteral("app-key"),
                         QStringLiteral("--secret"), QStringLiteral("app-secret"),
                         QStringLiteral("--channel"), QStringLiteral("presence-") + room,
                         QStringLiteral("--user-id"), QStringLiteral("listener")}))
            return false;
        return peer.waitForType(QStringLiteral("subscribed"), 15000) >= 0;
    }
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

void TestServerMessages::initTestCase()
{
    QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
    qInfo() << "database:" << m_rig.backend();
}

void TestServerMessages::postMessageValidation()
{
    auto server = start({QStringLiteral("--rooms"), QStringLiteral("lobby")});
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("alice"));
    QVERIFY(!token.isEmpty());
    auto post = [&](const QJsonObject &body, const QString &path = kLobby) {
        return api.postJson(path, body, token);
    };

    QCOMPARE(api.postJson(kLobby, message(QStringLiteral("hi"), QStringLiteral("c0"))).status, 401);
    struct Case
    {
        QJsonObject body;
        int status;
        const char *code;
    };
    const QList<Case> cases{
        {message(QString(), QStringLiteral("c1")), 400, "bad_request"},
        {message(QStringLiteral(" \n\t "), QStringLiteral("c1")), 400, "bad_request"},
        {{{QStringLiteral("text"), 5}, {QStringLiteral("client_id"), QStringLiteral("c1")}},
         400,
         "bad_request"},
        {{{QStringLiteral("text"), QStringLiteral("x")}}, 400, "bad_request"},
        {message(QStringLiteral("x"), QString()), 400, "bad_request"},
        {message(QStringLiteral("x"), QString(101, QLatin1Char('c'))), 400, "bad_request"},
        {message(QStringLiteral("x"), QStringLiteral("has space")), 400, "bad_request"},
        {message(QStringLiteral("x"), QStringLiteral("c\u00e9")), 400, "bad_request"},
        {message(QStringLiteral("x"), QStringLiteral("c1"), QStringLiteral("1.2:presence-x")), 400,
         "bad_request"},
        {message(QString(2001, QLatin1Char('x')), QStringLiteral("c1")), 413, "too_large"},
        // 2000 characters, but 12 000 bytes once JSON-escaped: over Pusher's 10 KB event limit.
        {message(QString(2000, QChar(0x01)), QStringLiteral("c1")), 413, "too_large"},
    };
    for (const Case &c : cases) {
        const auto r = post(c.body);
        QVERIFY2(r.status == c.status,
                 qPrintable(QString::fromUtf8(
                                QJsonDocument(c.body).toJson(QJsonDocument::Compact).left(80))
                            + QStringLiteral(" -> ") + r.describe().left(200)));
        QCOMPARE(r.code(), QString::fromLatin1(c.code));
        QVERIFY(!r.json.value(QStringLiteral("error")).toString().isEmpty());
    }
    QCOMPARE(api.post(kLobby, "{", "application/json", token).status, 400);
    const auto huge = api.post(kLobby, QByteArray(300 * 1024, ' '), "application/json", token);
    QCOMPARE(huge.status, 413);
    QCOMPARE(huge.code(), QStringLiteral("too_large"));
    QCOMPARE(post(message(QStringLiteral("x"), QStringLiteral("c2")),
                  QStringLiteral("/rooms/other/messages"))
                 .status,
             404);
    QCOMPARE(post(message(QStringLiteral("x"), QStringLiteral("c2")),
                  QStringLiteral("/rooms/bad%20room/messages"))
                 .status,
             400);
    // Nothing above was stored.
    const auto history = api.get(kLobby, token);
    QCOMPARE(history.status, 200);
    QCOMPARE(history.json.value(QStringLiteral("messages")).toArray().size(), 0);

    const QString longest(2000, QChar(0x00e9)); // 2000 characters, 4000 bytes: fits
    const auto ok = post(message(longest, QStringLiteral("c3")));
    QCOMPARE(ok.status, 201);
    QCOMPARE(ok.json.value(QStringLiteral("text")).toString(), longest);
}

void TestServerMessages::sendIsTriggeredOnceAndIdempotent()
{
    auto server = start();
    QVERIFY(server);
    NodeProcess peer;
    QVERIFY2(listen(peer), qPrintable(peer.describe()));
    ServerApiClient api(server->url());
    ServerApiClient::Result login;
    const QString token = api.login(QStringLiteral("judy"), &login);
    const QString other = api.login(QStringLiteral("mallory"));
    const QString text = QStringLiteral("<b>plain</b> & \"text\" \u263a");

    const auto first = api.postJson(kLobby, message(text, QStringLiteral("outbox-1")), token);
    QCOMPARE(first.status, 201);
    const QJsonObject m = first.json;
    QVERIFY(m.value(QStringLiteral("id")).isDouble());
    QCOMPARE(m.value(QStringLiteral("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(m.value(QStringLiteral("client_id")).toString(), QStringLiteral("outbox-1"));
    QCOMPARE(m.value(QStringLiteral("text")).toString(), text);
    QCOMPARE(m.value(QStringLiteral("user")).toObject(),
             login.json.value(QStringLiteral("user")).toObject());
    const QDateTime sentAt = QDateTime::fromString(m.value(QStringLiteral("sent_at")).toString(),
                                                   Qt::ISODateWithMs);
    QVERIFY(sentAt.isValid());
    QVERIFY(qAbs(sentAt.msecsTo(QDateTime::currentDateTimeUtc())) < 60000);

    QVERIFY(peer.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("event")) == QLatin1String("new_message");
    }) >= 0);
    QCOMPARE(newMessages(peer).first(), m);

    // The retried send: the stored message again, no second copy, no second event.
    const auto again = api.postJson(
        kLobby, message(QStringLiteral("changed"), QStringLiteral("outbox-1")), token);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json, m);
    // Another user cannot claim that client_id.
    const auto conflict = api.postJson(kLobby, message(text, QStringLiteral("outbox-1")), other);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.code(), QStringLiteral("client_id_conflict"));
    // A marker after them: once it arrived, anything the retry had triggered would have too.
    const auto marker = api.postJson(
        kLobby, message(QStringLiteral("marker"), QStringLiteral("outbox-2")), token);
    QCOMPARE(marker.status, 201);
    QVERIFY(peer.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("data")).toObject().value(QStringLiteral("text"))
            == QLatin1String("marker");
    }) >= 0);
    const auto received = newMessages(peer);
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(0).value(QStringLiteral("client_id")).toString(),
             QStringLiteral("outbox-1"));
    const auto stored = api.get(kLobby, token).json.value(QStringLiteral("messages")).toArray();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).toObject(), m);
}

void TestServerMessages::senderSocketIsExcluded()
{
    auto server = start();
    QVERIFY(server);
    NodeProcess peer;
    QVERIFY2(listen(peer), qPrintable(peer.describe()));
    const int connected = peer.waitFor(
        [](const QJsonObject &l) { return l.contains(QStringLiteral("socket_id")); });
    QVERIFY(connected >= 0);
    const QString socketId
        = peer.lines().at(connected).value(QStringLiteral("socket_id")).toString();
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("kim"));
    QCOMPARE(api.postJson(kLobby,
                          message(QStringLiteral("from the listener's own socket"),
                                  QStringLiteral("x1"), socketId),
                          token)
                 .status,
             201);
    QCOMPARE(
        api.postJson(kLobby, message(QStringLiteral("for everyone"), QStringLiteral("x2")), token)
            .status,
        201);
    QVERIFY(peer.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("data")).toObject().value(QStringLiteral("text"))
            == QLatin1String("for everyone");
    }) >= 0);
    const auto received = newMessages(peer);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().value(QStringLiteral("client_id")).toString(), QStringLiteral("x2"));
}

void TestServerMessages::rateLimit()
{
    auto server = start({QStringLiteral("--rate-limit"), QStringLiteral("3/30")});
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("liam"));
    const QString other = api.login(QStringLiteral("mia"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(api.postJson(kLobby,
                              message(QStringLiteral("m%1").arg(i), QStringLiteral("r%1").arg(i)),
                              token)
                     .status,
                 201);
    const auto limited = api.postJson(kLobby, message(QStringLiteral("m3"), QStringLiteral("r3")),
                                      token);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.code(), QStringLiteral("rate_limited"));
    bool ok = false;
    const int retryAfter = limited.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 30, limited.header("Retry-After").constData());
    // Per token: somebody else is not slowed down; and the refused message was not stored.
    QCOMPARE(
        api.postJson(kLobby, message(QStringLiteral("other"), QStringLiteral("r3")), other).status,
        201);
    QCOMPARE(api.get(kLobby, token).json.value(QStringLiteral("messages")).toArray().size(), 4);
}

void TestServerMessages::history()
{
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("nina"));
    QList<qint64> all;
    for (int i = 1; i <= 7; ++i) {
        const auto r = api.postJson(
            kLobby, message(QStringLiteral("n%1").arg(i), QStringLiteral("h%1").arg(i)), token);
        QCOMPARE(r.status, 201);
        all << r.json.value(QStringLiteral("id")).toInteger();
        // Another room's messages interleave without showing up here.
        QCOMPARE(api.postJson(QStringLiteral("/rooms/elsewhere/messages"),
                              message(QStringLiteral("e"), QStringLiteral("e%1").arg(i)), token)
                     .status,
                 201);
    }
    QVERIFY(std::is_sorted(all.cbegin(), all.cend()));
    auto page = [&](const QString &query) {
        const auto r = api.get(kLobby + query, token);
        return std::make_pair(ids(r.json.value(QStringLiteral("messages")).toArray()),
                              r.json.value(QStringLiteral("has_more")).toBool());
    };
    QCOMPARE(page(QString()), std::make_pair(all, false));
    QCOMPARE(page(QStringLiteral("?limit=3")), std::make_pair(all.mid(4), true));
    QCOMPARE(page(QStringLiteral("?before=%1&limit=3").arg(all[4])),
             std::make_pair(all.mid(1, 3), true));
    QCOMPARE(page(QStringLiteral("?before=%1&limit=3").arg(all[1])),
             std::make_pair(all.mid(0, 1), false));
    QCOMPARE(page(QStringLiteral("?after=0&limit=5")), std::make_pair(all.mid(0, 5), true));
    QCOMPARE(page(QStringLiteral("?after=%1&limit=5").arg(all[4])),
             std::make_pair(all.mid(5), false));
    QCOMPARE(page(QStringLiteral("?after=%1").arg(all[6])), std::make_pair(QList<qint64>(), false));
    const auto first = api.get(kLobby + QStringLiteral("?limit=1"), token)
                           .json.value(QStringLiteral("messages"))
                           .toArray();
    QCOMPARE(first.first().toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("n7"));

    for (const QString &bad :
         {QStringLiteral("?limit=0"), QStringLiteral("?limit=201"), QStringLiteral("?limit=x"),
          QStringLiteral("?after=1&before=5"), QStringLiteral("?after=-1")}) {
        const auto r = api.get(kLobby + bad, token);
        QVERIFY2(r.status == 400, qPrintable(bad));
        QCOMPARE(r.code(), QStringLiteral("bad_request"));
    }
    QCOMPARE(api.get(kLobby).status, 401);
    QCOMPARE(api.get(kLobby + QStringLiteral("?limit=200"), token).status, 200);
}

void TestServerMessages::roomsFromChannelsApi()
{
    auto server = start();
    QVERIFY(server);
    NodeProcess peer;
    QVERIFY2(listen(peer, QStringLiteral("busy")), qPrintable(peer.describe()));
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("oscar"));
    QCOMPARE(api.get(QStringLiteral("/rooms")).status, 401);
    QCOMPARE(api.postJson(QStringLiteral("/rooms/quiet/messages"),
                          message(QStringLiteral("q"), QStringLiteral("q1")), token)
                 .status,
             201);
    const auto r = api.get(QStringLiteral("/rooms"), token);
    QCOMPARE(r.status, 200);
    QMap<QString, int> members;
    for (const QJsonValue &room : r.json.value(QStringLiteral("rooms")).toArray())
        members.insert(room.toObject().value(QStringLiteral("name")).toString(),
                       room.toObject().value(QStringLiteral("members")).toInt(-1));
    QCOMPARE(members,
             (QMap<QString, int>{{QStringLiteral("lobby"), 0},
                                 {QStringLiteral("quiet"), 0},
                                 {QStringLiteral("busy"), 1}}));
}

void TestServerMessages::webhooks()
{
    // Pusher's channels API is unreachable here, so GET /rooms can only know what webhooks said.
    auto server = start({}, {}, FreePort::pick());
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("peggy"));
    const natter::pusher::Signer signer(QStringLiteral("app-key"), "app-secret");
    auto hook = [&](const QJsonArray &events, const QByteArray &key = "app-key",
                    const QByteArray &badSignature = {}) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("time_ms"), 1},
                                                          {QStringLiteral("events"), events}})
                                    .toJson(QJsonDocument::Compact);
        const QByteArray signature = badSignature.isEmpty()
            ? signer.webhookSignature(body).toLatin1()
            : badSignature;
        return api.post(QStringLiteral("/pusher/webhooks"), body, "application/json", {},
                        {{"X-Pusher-Key", key}, {"X-Pusher-Signature", signature}});
    };
    auto event = [](const char *name, const char *channel, const char *user = nullptr) {
        QJsonObject e{{QStringLiteral("name"), QLatin1String(name)},
                      {QStringLiteral("channel"), QLatin1String(channel)}};
        if (user)
            e.insert(QStringLiteral("user_id"), QLatin1String(user));
        return e;
    };
    auto roomMembers = [&](const QString &name) {
        for (const QJsonValue &room :
             api.get(QStringLiteral("/rooms"), token).json.value(QStringLiteral("rooms")).toArray()) {
            if (room.toObject().value(QStringLiteral("name")).toString() == name)
                return room.toObject().value(QStringLiteral("members")).toInt();
        }
        return -1;
    };
    const QJsonArray join{event("channel_occupied", "presence-hooks"),
                          event("member_added", "presence-hooks", "u1"),
                          event("member_added", "presence-hooks", "u2")};
    QCOMPARE(hook(join, "app-key", QByteArray(64, 'a')).status, 401);
    QCOMPARE(hook(join, "other-key").status, 401);
    QCOMPARE(roomMembers(QStringLiteral("hooks")), -1);
    const auto ok = hook(join);
    QVERIFY2(ok.status == 200, qPrintable(ok.describe()));
    QCOMPARE(roomMembers(QStringLiteral("hooks")), 2);
    QCOMPARE(hook({event("member_removed", "presence-hooks", "u1")}).status, 200);
    QCOMPARE(roomMembers(QStringLiteral("hooks")), 1);
    QCOMPARE(hook({event("channel_vacated", "presence-hooks")}).status, 200);
    QCOMPARE(roomMembers(QStringLiteral("hooks")), -1);
}

void TestServerMessages::accessLogHasNoSecrets()
{
    auto server = start();
    QVERIFY(server);
    ServerApiClient api(server->url());
    const QString token = api.login(QStringLiteral("quinn"));
    const auto auth = api.postForm(QStringLiteral("/pusher/auth"),
                                   "socket_id=1.2&channel_name=presence-lobby", token);
    QCOMPARE(auth.status, 200);
    QCOMPARE(api.get(kLobby + QStringLiteral("?limit=5&token=") + token, token).status, 200);
    QVERIFY(server->stop());
    const QString log = server->log();
    for (const QString &line :
         {QStringLiteral("natter.server.access: POST /session 201"),
          QStringLiteral("natter.server.access: POST /pusher/auth 200"),
          QStringLiteral("natter.server.access: GET /rooms/lobby/messages 200")})
        QVERIFY2(log.contains(line), qPrintable(log));
    const QString signature
        = auth.json.value(QStringLiteral("auth")).toString().section(QLatin1Char(':'), 1);
    QVERIFY(!log.contains(token));
    QVERIFY(!log.contains(signature));
    QVERIFY(!log.contains(QLatin1String("app-secret")));
    QVERIFY(!log.contains(QLatin1String("limit=")));
}

void TestServerMessages::sqliteFileIsPrivate()
{
    if (m_rig.usesPostgres())
        QSKIP("SQLite only");
    const QString xdg = m_rig.tempPath() + QStringLiteral("/xdg");
    NatterServerProcess server;
    server.usePusher(m_rig.soketi());
    server.setEnv(QStringLiteral("XDG_DATA_HOME"), xdg);
    QVERIFY2(server.start(), qPrintable(server.error()));
    ServerApiClient api(server.url());
    QCOMPARE(api.postJson(kLobby, message(QStringLiteral("x"), QStringLiteral("p1")),
                          api.login(QStringLiteral("rita")))
                 .status,
             201);
    const QString dir = xdg + QStringLiteral("/natter-server");
    const QString file = dir + QStringLiteral("/natter.sqlite");
    auto mode = [](const QString &path) {
        struct stat st = {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    };
    QCOMPARE(mode(dir), 0700);
    QCOMPARE(mode(file), 0600);
    QVERIFY(QFileInfo::exists(file + QStringLiteral("-wal"))); // WAL mode while running
    QCOMPARE(mode(file + QStringLiteral("-wal")), 0600);
    QVERIFY(server.stop());
    // A second start migrates nothing and keeps the data.
    NatterServerProcess again;
    again.usePusher(m_rig.soketi());
    again.setEnv(QStringLiteral("XDG_DATA_HOME"), xdg);
    QVERIFY2(again.start(), qPrintable(again.error()));
    ServerApiClient api2(again.url());
    QCOMPARE(api2.get(kLobby, api2.login(QStringLiteral("rita2")))
                 .json.value(QStringLiteral("messages"))
                 .toArray()
                 .size(),
             1);
}

QTEST_GUILESS_MAIN(TestServerMessages)
#include "tst_messages.moc"
