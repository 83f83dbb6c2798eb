// natter-server's replies (API.md "Replies"): reply_to is validated, stored, returned, broadcast in
// new_message and returned by history; a retry keeps the stored one. Against a real soketi with
// pusher-js listening; run on SQLite and on PostgreSQL.
#include "NodeProcess.h"
#include "ServerApiClient.h"
#include "ServerRig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QString kLobby = QStringLiteral("/rooms/lobby/messages");

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject message(const QString &text, const QString &clientId, const QJsonValue &replyTo = {})
{
    QJsonObject m{{S("text"), text}, {S("client_id"), clientId}};
    if (!replyTo.isNull())
        m.insert(S("reply_to"), replyTo);
    return m;
}

} // namespace

class TestServerReplies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_rig.init(), qPrintable(m_rig.error())); }

    void replyToIsValidated()
    {
        auto server = m_rig.startServer({S("--rooms"), S("lobby")});
        QVERIFY2(server, qPrintable(m_rig.error()));
        ServerApiClient api(server->url());
        const QString token = api.login(S("alice"));
        QVERIFY(!token.isEmpty());
        for (const QJsonValue &bad : {QJsonValue(42), QJsonValue(S("")), QJsonValue(S("has space")),
                                      QJsonValue(QString(101, u'c')), QJsonValue(S("c\u00e9")),
                                      QJsonValue(QJsonObject{{S("id"), S("c1")}})}) {
            const auto r = api.postJson(kLobby, message(S("x"), S("c1"), bad), token);
            QVERIFY2(r.status == 400, qPrintable(r.describe().left(200)));
            QCOMPARE(r.code(), S("bad_request"));
        }
        QCOMPARE(api.get(kLobby, token).json.value(S("messages")).toArray().size(), 0);
        // null is "not a reply".
        const auto plain = api.postJson(kLobby,
                                        QJsonObject{{S("text"), S("x")},
                                                    {S("client_id"), S("c1")},
                                                    {S("reply_to"), QJsonValue()}},
                                        token);
        QCOMPARE(plain.status, 201);
        QVERIFY(!plain.json.contains(S("reply_to")));
    }

    void replyToIsStoredBroadcastAndInHistory()
    {
        auto server = m_rig.startServer();
        QVERIFY2(server, qPrintable(m_rig.error()));
        NodeProcess peer;
        QVERIFY(peer.start(S("pusherjs-peer.js"),
                           {S("--host"), S("127.0.0.1"), S("--port"),
                            QString::number(m_rig.soketi().port()), S("--key"), S("app-key"),
                            S("--secret"), S("app-secret"), S("--channel"), S("presence-lobby"),
                            S("--user-id"), S("listener")}));
        QVERIFY2(peer.waitForType(S("subscribed"), 15000) >= 0, qPrintable(peer.describe()));
        ServerApiClient api(server->url());
        const QString alice = api.login(S("alice"));
        const QString bob = api.login(S("bob"));

        const auto original = api.postJson(kLobby, message(S("lunch?"), S("orig-1")), alice);
        QCOMPARE(original.status, 201);
        QVERIFY(!original.json.contains(S("reply_to")));
        const auto reply = api.postJson(kLobby, message(S("yes"), S("reply-1"), S("orig-1")), bob);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json.value(S("reply_to")).toString(), S("orig-1"));

        // Broadcast with it.
        QVERIFY(peer.waitFor([](const QJsonObject &l) {
            return l.value(S("event")) == QLatin1String("new_message")
                && l.value(S("data")).toObject().value(S("client_id")) == QLatin1String("reply-1");
        }) >= 0);
        QJsonObject broadcast;
        for (const QJsonObject &line : peer.linesOfType(S("event"))) {
            const QJsonObject data = line.value(S("data")).toObject();
            if (data.value(S("client_id")) == QLatin1String("reply-1"))
                broadcast = data;
        }
        QCOMPARE(broadcast, reply.json);

        // History, and a retry of the same client_id, give the stored reply_to.
        const QJsonArray history = api.get(kLobby, alice).json.value(S("messages")).toArray();
        QCOMPARE(history.size(), 2);
        QVERIFY(!history.at(0).toObject().contains(S("reply_to")));
        QCOMPARE(history.at(1).toObject().value(S("reply_to")).toString(), S("orig-1"));
        const auto again = api.postJson(kLobby, message(S("yes"), S("reply-1"), S("other")), bob);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json, reply.json);
        // Older pages too.
        const qint64 newest = history.at(1).toObject().value(S("id")).toInteger();
        const QJsonArray before = api.get(kLobby + S("?before=%1").arg(newest + 1), alice)
                                      .json.value(S("messages"))
                                      .toArray();
        QCOMPARE(before.last().toObject().value(S("reply_to")).toString(), S("orig-1"));
    }

private:
    ServerRig m_rig;
};

QTEST_GUILESS_MAIN(TestServerReplies)
#include "tst_replies.moc"
