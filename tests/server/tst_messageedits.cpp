// natter-server: PATCH / DELETE /rooms/R/messages/ID (api.md): only the author, stored (edited_at,
// a delete blanks the text), broadcast as message_edited / message_deleted to a pusher-js peer
// and kept in history; run on SQLite and on PostgreSQL.
#include "NodeProcess.h"
#include "ServerApiClient.h"
#include "ServerRig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QString kLobby = QStringLiteral("/rooms/lobby/messages");

QJsonObject message(const QString &text, const QString &clientId, const QString &socketId = {})
{
    QJsonObject m{{QStringLiteral("text"), text}, {QStringLiteral("client_id"), clientId}};
    if (!socketId.isEmpty())
        m.insert(QStringLiteral("socket_id"), socketId);
    return m;
}

QList<QJsonObject> eventsNamed(const NodeProcess &peer, const QString &name)
{
    QList<QJsonObject> list;
    for (const QJsonObject &line : peer.linesOfType(QStringLiteral("event"))) {
        if (line.value(QStringLiteral("event")).toString() == name)
            list << line.value(QStringLiteral("data")).toObject();
    }
    return list;
}

} // namespace

class TestServerMessageEdits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_rig.init(), qPrintable(m_rig.error())); }
    void onlyTheAuthorEdits();
    void deleteBlanksAndKeepsAPlaceholder();
    void validation();

private:
    bool listen(NodeProcess &peer)
    {
        if (!peer.start(QStringLiteral("pusherjs-peer.js"),
                        {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                         QStringLiteral("--port"), QString::number(m_rig.soketi().port()),
                         QStringLiteral("--key"), QStringLiteral("app-key"),
                         QStringLiteral("--secret"), QStringLiteral("app-secret"),
                         QStringLiteral("--channel"), QStringLiteral("presence-lobby"),
                         QStringLiteral("--user-id"), QStringLiteral("listener")}))
            return false;
        return peer.waitForType(QStringLiteral("subscribed"), 15000) >= 0;
    }
    ServerApiClient::Result send(ServerApiClient &api, const QByteArray &method,
                                 const QString &path, const QJsonObject &body, const QString &token)
    {
        const QByteArray bytes = body.isEmpty()
            ? QByteArray()
            : QJsonDocument(body).toJson(QJsonDocument::Compact);
        return ServerApiClient::wait(
            api.start(method, path, bytes, QByteArrayLiteral("application/json"), token));
    }
    ServerApiClient::Result patch(ServerApiClient &api, qint64 id, const QString &text,
                                  const QString &token)
    {
        return send(api, "PATCH", kLobby + u'/' + QString::number(id),
                    {{QStringLiteral("text"), text}}, token);
    }
    ServerApiClient::Result remove(ServerApiClient &api, qint64 id, const QString &token)
    {
        return send(api, "DELETE", kLobby + u'/' + QString::number(id), {}, token);
    }
    ServerRig m_rig;
};

void TestServerMessageEdits::onlyTheAuthorEdits()
{
    auto server = m_rig.startServer();
    QVERIFY2(server, qPrintable(m_rig.error()));
    NodeProcess peer;
    QVERIFY2(listen(peer), qPrintable(peer.describe()));
    ServerApiClient api(server->url());
    const QString judy = api.login(QStringLiteral("judy"));
    const QString mallory = api.login(QStringLiteral("mallory"));
    const auto posted = api.postJson(kLobby, message(QStringLiteral("helo"), QStringLiteral("c1")),
                                     judy);
    QCOMPARE(posted.status, 201);
    const qint64 id = posted.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(!posted.json.contains(QStringLiteral("edited_at")));
    QVERIFY(!posted.json.contains(QStringLiteral("deleted")));

    const auto forged = patch(api, id, QStringLiteral("mallory was here"), mallory);
    QCOMPARE(forged.status, 403);
    QCOMPARE(forged.code(), QStringLiteral("forbidden"));
    QCOMPARE(patch(api, id, QStringLiteral("x"), QString()).status, 401);
    QCOMPARE(patch(api, id + 1000, QStringLiteral("x"), judy).status, 404);

    const auto edited = patch(api, id, QStringLiteral("hello <b>all</b>"), judy);
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.json.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(edited.json.value(QStringLiteral("text")).toString(),
             QStringLiteral("hello <b>all</b>"));
    QCOMPARE(edited.json.value(QStringLiteral("client_id")).toString(), QStringLiteral("c1"));
    const QDateTime editedAt = QDateTime::fromString(
        edited.json.value(QStringLiteral("edited_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(editedAt.isValid());
    QVERIFY(qAbs(editedAt.msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
    QCOMPARE(edited.json.value(QStringLiteral("sent_at")),
             posted.json.value(QStringLiteral("sent_at")));

    // The room hears it, as stored; the forged attempt was never broadcast.
    QVERIFY(peer.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("event")) == QLatin1String("message_edited");
    }) >= 0);
    QCOMPARE(eventsNamed(peer, QStringLiteral("message_edited")), QList<QJsonObject>{edited.json});
    // History has the edited text.
    const auto history = api.get(kLobby, judy).json.value(QStringLiteral("messages")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().toObject(), edited.json);
}

void TestServerMessageEdits::deleteBlanksAndKeepsAPlaceholder()
{
    auto server = m_rig.startServer();
    QVERIFY2(server, qPrintable(m_rig.error()));
    NodeProcess peer;
    QVERIFY2(listen(peer), qPrintable(peer.describe()));
    ServerApiClient api(server->url());
    const QString judy = api.login(QStringLiteral("judy"));
    const QString mallory = api.login(QStringLiteral("mallory"));
    const auto posted = api.postJson(
        kLobby, message(QStringLiteral("secret plans"), QStringLiteral("d1")), judy);
    QCOMPARE(posted.status, 201);
    const qint64 id = posted.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(
        api.postJson(kLobby, message(QStringLiteral("after"), QStringLiteral("d2")), judy).status,
        201);

    QCOMPARE(remove(api, id, mallory).status, 403);
    QCOMPARE(remove(api, id, QString()).status, 401);
    const auto deleted = remove(api, id, judy);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json.value(QStringLiteral("deleted")), QJsonValue(true));
    QCOMPARE(deleted.json.value(QStringLiteral("text")).toString(), QString());
    QVERIFY(peer.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("event")) == QLatin1String("message_deleted");
    }) >= 0);
    QCOMPARE(eventsNamed(peer, QStringLiteral("message_deleted")), QList<QJsonObject>{deleted.json});
    // Kept in history as a placeholder, in its place, without its text.
    const auto history = api.get(kLobby, judy).json.value(QStringLiteral("messages")).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toObject(), deleted.json);
    QVERIFY(!QJsonDocument(history.at(0).toObject()).toJson().contains("secret plans"));
    // Deleting again (a client's retry after a 502) answers the same and tells the room again;
    // editing a deleted message cannot bring it back.
    const auto again = remove(api, id, judy);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json, deleted.json);
    QCOMPARE(patch(api, id, QStringLiteral("back"), judy).status, 404);
    // A marker after them: once it arrived, anything triggered before it had too.
    QCOMPARE(
        api.postJson(kLobby, message(QStringLiteral("marker"), QStringLiteral("d3")), judy).status,
        201);
    QVERIFY(peer.waitFor([](const QJsonObject &l) {
        return l.value(QStringLiteral("data")).toObject().value(QStringLiteral("text"))
            == QLatin1String("marker");
    }) >= 0);
    QCOMPARE(eventsNamed(peer, QStringLiteral("message_deleted")),
             (QList<QJsonObject>{deleted.json, deleted.json}));
    QCOMPARE(eventsNamed(peer, QStringLiteral("message_edited")).size(), 0);
}

void TestServerMessageEdits::validation()
{
    auto server = m_rig.startServer({QStringLiteral("--rooms"), QStringLiteral("lobby")});
    QVERIFY2(server, qPrintable(m_rig.error()));
    ServerApiClient api(server->url());
    const QString judy = api.login(QStringLiteral("judy"));
    const auto posted = api.postJson(kLobby, message(QStringLiteral("a"), QStringLiteral("v1")),
                                     judy);
    QCOMPARE(posted.status, 201);
    const qint64 id = posted.json.value(QStringLiteral("id")).toInteger();
    const QString path = kLobby + u'/' + QString::number(id);
    // Text as POST checks it.
    QCOMPARE(patch(api, id, QStringLiteral("   "), judy).status, 400);
    QCOMPARE(send(api, "PATCH", path, {{QStringLiteral("text"), 5}}, judy).status, 400);
    QCOMPARE(send(api, "PATCH", path, {}, judy).status, 400);
    const auto tooLong = patch(api, id, QString(2001, u'x'), judy);
    QCOMPARE(tooLong.status, 413);
    QCOMPARE(tooLong.code(), QStringLiteral("too_large"));
    // 2000 characters, but 12 000 bytes once JSON-escaped: over Pusher's 10 KB event limit.
    QCOMPARE(patch(api, id, QString(2000, QChar(0x01)), judy).status, 413);
    QCOMPARE(patch(api, id, QString(2000, u'y'), judy).status, 200);
    QCOMPARE(send(api, "PATCH", path,
                  {{QStringLiteral("text"), QStringLiteral("b")},
                   {QStringLiteral("socket_id"), QStringLiteral("nope")}},
                  judy)
                 .status,
             400);
    // Unknown ids, other rooms, malformed ids, wrong methods.
    QCOMPARE(patch(api, 0, QStringLiteral("b"), judy).status, 404);
    QCOMPARE(send(api, "PATCH", kLobby + QStringLiteral("/abc"),
                  {{QStringLiteral("text"), QStringLiteral("b")}}, judy)
                 .status,
             404);
    QCOMPARE(send(api, "PATCH", QStringLiteral("/rooms/elsewhere/messages/") + QString::number(id),
                  {{QStringLiteral("text"), QStringLiteral("b")}}, judy)
                 .status,
             404);
    QCOMPARE(api.get(path, judy).status, 405);
    // The message itself is untouched by the refusals.
    const auto history = api.get(kLobby, judy).json.value(QStringLiteral("messages")).toArray();
    QCOMPARE(history.first().toObject().value(QStringLiteral("text")).toString(),
             QString(2000, u'y'));
}

QTEST_GUILESS_MAIN(TestServerMessageEdits)
#include "tst_messageedits.moc"
