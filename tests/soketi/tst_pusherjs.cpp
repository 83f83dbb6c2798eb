// Natter and the official pusher-js client (in Node) as peers on one presence channel:
// each sees the other join and leave, and client events flow both ways with the sender's id.
#include "NodeProcess.h"
#include "SoketiServer.h"

#include <pusher/Client.h>
#include <pusher/LocalSigner.h>
#include <pusher/PresenceChannel.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace natter::pusher;

namespace {
constexpr int kWait = 15000;
#define QVERIFY_SPY(spy) QTRY_VERIFY_WITH_TIMEOUT((spy).size() > 0, kWait)
} // namespace

class TestPusherJs : public QObject
{
    Q_OBJECT
private:
    SoketiServer m_soketi;

    bool startPeer(NodeProcess &peer, const QString &channel, const QString &id, const QString &name)
    {
        return peer.start(QStringLiteral("pusherjs-peer.js"),
                          {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("--port"), QString::number(m_soketi.port()),
                           QStringLiteral("--key"), QString::fromLatin1(SoketiServer::Key),
                           QStringLiteral("--secret"), QString::fromLatin1(SoketiServer::Secret),
                           QStringLiteral("--channel"), channel, QStringLiteral("--user-id"), id,
                           QStringLiteral("--user-info"),
                           QStringLiteral("{\"name\":\"%1\"}").arg(name)});
    }
    static bool isType(const QJsonObject &o, const char *type)
    {
        return o.value(QLatin1String("type")).toString() == QLatin1String(type);
    }

private slots:
    void initTestCase() { QVERIFY2(m_soketi.start(), qPrintable(m_soketi.error())); }

    void presenceAndClientEventsWithPusherJs()
    {
        const QString room = QStringLiteral("presence-interop");
        LocalSigner aliceAuth(QString::fromLatin1(SoketiServer::Key), SoketiServer::Secret,
                              QStringLiteral("alice"),
                              {{QStringLiteral("name"), QStringLiteral("Alice")}});
        Client alice(m_soketi.connectionOptions(), &aliceAuth);
        alice.connect();
        PresenceChannel *channel = alice.subscribePresence(room);
        QTRY_VERIFY_WITH_TIMEOUT(channel->isSubscribed(), kWait);
        QSignalSpy added(channel, &PresenceChannel::memberAdded);
        QSignalSpy removed(channel, &PresenceChannel::memberRemoved);
        QSignalSpy events(channel, &Channel::eventReceived);

        // pusher-js joins: Natter sees it, and pusher-js sees Natter in its member list.
        NodeProcess pj;
        QVERIFY(startPeer(pj, room, QStringLiteral("pj"), QStringLiteral("Pat")));
        const int sub = pj.waitForType(QStringLiteral("subscribed"), kWait);
        QVERIFY2(sub >= 0, qPrintable(pj.describe()));
        QVERIFY(pj.lines()
                    .at(sub)
                    .value(QLatin1String("members"))
                    .toArray()
                    .contains(QStringLiteral("alice")));
        QVERIFY_SPY(added);
        QCOMPARE(added.at(0).at(0).value<Member>().id, QStringLiteral("pj"));
        QCOMPARE(added.at(0).at(0).value<Member>().info.value(QLatin1String("name")).toString(),
                 QStringLiteral("Pat"));
        QCOMPARE(channel->members()->count(), 2);

        // Natter → pusher-js, with Natter's user id attached by the server.
        QVERIFY(!channel->trigger(QStringLiteral("client-message"),
                                  QStringLiteral("{\"text\":\"from natter\"}")));
        const int got = pj.waitFor(
            [](const QJsonObject &o) {
                return isType(o, "event")
                    && o.value(QLatin1String("event")).toString()
                    == QLatin1String("client-message");
            },
            kWait);
        QVERIFY2(got >= 0, qPrintable(pj.describe()));
        QCOMPARE(pj.lines().at(got).value(QLatin1String("user_id")).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(pj.lines()
                     .at(got)
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("from natter"));

        // pusher-js → Natter.
        pj.send(QStringLiteral("trigger client-message {\"text\":\"from pusher-js\"}"));
        QVERIFY_SPY(events);
        const Event e = events.at(0).at(0).value<Event>();
        QCOMPARE(e.event, QStringLiteral("client-message"));
        QCOMPARE(e.userId, QStringLiteral("pj"));
        QCOMPARE(e.dataObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("from pusher-js"));

        // A second Natter joins and leaves: pusher-js follows.
        {
            LocalSigner bobAuth(QString::fromLatin1(SoketiServer::Key), SoketiServer::Secret,
                                QStringLiteral("bob"));
            Client bob(m_soketi.connectionOptions(), &bobAuth);
            bob.connect();
            QTRY_VERIFY_WITH_TIMEOUT(bob.subscribePresence(room)->isSubscribed(), kWait);
            QCOMPARE(bob.subscribePresence(room)->members()->count(), 3);
            QVERIFY2(pj.waitFor(
                         [](const QJsonObject &o) {
                             return isType(o, "member_added")
                                 && o.value(QLatin1String("id")).toString() == QLatin1String("bob");
                         },
                         kWait)
                         >= 0,
                     qPrintable(pj.describe()));
        }
        QVERIFY2(pj.waitFor(
                     [](const QJsonObject &o) {
                         return isType(o, "member_removed")
                             && o.value(QLatin1String("id")).toString() == QLatin1String("bob");
                     },
                     kWait)
                     >= 0,
                 qPrintable(pj.describe()));

        // pusher-js leaves: Natter's list follows.
        QTRY_COMPARE_WITH_TIMEOUT(channel->members()->count(), 2, kWait); // bob is gone again
        removed.clear();
        pj.send(QStringLiteral("leave"));
        QTRY_VERIFY_WITH_TIMEOUT(removed.size() > 0, kWait);
        QCOMPARE(removed.at(0).at(0).value<Member>().id, QStringLiteral("pj"));
        QCOMPARE(channel->members()->count(), 1);
        QVERIFY(channel->members()->get(QStringLiteral("alice")).has_value());

        // And Natter leaving is seen by a pusher-js that stays.
        NodeProcess watcher;
        QVERIFY(startPeer(watcher, room, QStringLiteral("wanda"), QStringLiteral("Wanda")));
        QVERIFY(watcher.waitForType(QStringLiteral("subscribed"), kWait) >= 0);
        alice.unsubscribe(room);
        QVERIFY2(watcher.waitFor(
                     [](const QJsonObject &o) {
                         return isType(o, "member_removed")
                             && o.value(QLatin1String("id")).toString() == QLatin1String("alice");
                     },
                     kWait)
                     >= 0,
                 qPrintable(watcher.describe()));
        watcher.send(QStringLiteral("quit"));
        pj.send(QStringLiteral("quit"));
        QVERIFY(watcher.waitFinished(5000));
        QVERIFY(pj.waitFinished(5000));
    }

    void cleanupTestCase() { m_soketi.stop(); }
};

QTEST_GUILESS_MAIN(TestPusherJs)
#include "tst_pusherjs.moc"
