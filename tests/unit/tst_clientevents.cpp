// Client events: local errors, queueing until subscribed, pacing, confirmation by a pong,
// resending after a drop and refusals, on a FakeClock and a FakeNetwork (ChannelRig.h).
#include "ChannelRig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>

class TestClientEvents : public QObject
{
    Q_OBJECT
private slots:
    void clientEventLocalErrors()
    {
        Rig rig;
        rig.connect();
        Channel *priv = rig.subscribed(S("private-chat"));
        Channel *pres = rig.subscribed(S("presence-room"));
        Channel *pub = rig.subscribed(S("news"));
        Channel *enc = rig.client->subscribe(S("private-encrypted-x"));
        const int sentBefore = int(rig.t()->sent.size());

        auto err = priv->trigger(S("typing"), S("{}"));
        QVERIFY(err);
        QCOMPARE(err->kind, ClientEventError::Kind::BadName);
        QVERIFY(!err->message.isEmpty());
        err = pub->trigger(S("client-typing"), S("{}"));
        QVERIFY(err);
        QCOMPARE(err->kind, ClientEventError::Kind::NotAllowedOnChannel);
        err = enc->trigger(S("client-typing"), S("{}"));
        QVERIFY(err);
        QCOMPARE(err->kind, ClientEventError::Kind::NotAllowedOnChannel);
        const QString tooBig = S("\"") + QString(10 * 1024 - 1, u'x') + S("\""); // 10241 bytes
        err = priv->trigger(S("client-big"), tooBig);
        QVERIFY(err);
        QCOMPARE(err->kind, ClientEventError::Kind::TooLarge);
        // Bytes, not characters: 2-byte characters count double.
        err = priv->trigger(S("client-big"), S("\"") + QString(5200, QChar(0xe9)) + S("\""));
        QVERIFY(err);
        QCOMPARE(err->kind, ClientEventError::Kind::TooLarge);
        QCOMPARE(rig.t()->sent.size(), sentBefore);
        QCOMPARE(rig.client->clientEvents()->size(), 0);

        // Exactly 10 KB is fine.
        const QString justRight = S("\"") + QString(10 * 1024 - 2, u'x') + S("\"");
        QVERIFY(!priv->trigger(S("client-big"), justRight));
        QVERIFY(!pres->trigger(S("client-typing"), S("{\"typing\":true}")));
        QCOMPARE(rig.t()->sent.size(), sentBefore + 2);
        QCOMPARE(rig.t()->sent.last(),
                 S("{\"event\":\"client-typing\",\"channel\":\"presence-room\",\"data\":{"
                   "\"typing\":true}}"));
    }

    void clientEventsQueuedUntilSubscribed()
    {
        Rig rig;
        Channel *c = rig.client->subscribe(S("private-chat"));
        // Before the connection exists at all.
        QVERIFY(!c->trigger(S("client-a"), S("{\"n\":1}")));
        rig.connect();
        QVERIFY(!c->trigger(S("client-b"), S("{\"n\":2}")));
        QCOMPARE(rig.t()->sent.size(), 0);
        QCOMPARE(rig.client->clientEvents()->size(), 2);
        rig.auth.respondLast();
        QVERIFY(!c->trigger(S("client-c"), S("{\"n\":3}")));
        QCOMPARE(rig.t()->sentCount(S("client-a")), 0); // pending is not subscribed
        rig.serverSend(frames::subscriptionSucceeded(S("private-chat")));
        const QStringList sent = rig.t()->sent.mid(1);
        QCOMPARE(
            sent,
            (QStringList{
                S("{\"event\":\"client-a\",\"channel\":\"private-chat\",\"data\":{\"n\":1}}"),
                S("{\"event\":\"client-b\",\"channel\":\"private-chat\",\"data\":{\"n\":2}}"),
                S("{\"event\":\"client-c\",\"channel\":\"private-chat\",\"data\":{\"n\":3}}")}));
        QCOMPARE(rig.client->clientEvents()->waitingCount(), 0);
        // Once subscribed they go straight out.
        QVERIFY(!c->trigger(S("client-d"), S("4")));
        QCOMPARE(rig.t()->sent.last(),
                 S("{\"event\":\"client-d\",\"channel\":\"private-chat\",\"data\":4}"));
    }

    void clientEventsSurviveAReconnectAndDieWithUnsubscribe()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("private-chat"));
        rig.t()->fail();
        QVERIFY(!c->trigger(S("client-queued"), S("{}")));
        FakeTransport *t2 = rig.reconnect(S("2.2"));
        QCOMPARE(t2->sentCount(S("client-queued")), 0);
        rig.auth.respondLast();
        rig.serverSend(frames::subscriptionSucceeded(S("private-chat")));
        QCOMPARE(t2->sentCount(S("client-queued")), 1);

        // Unsubscribing drops what is still queued for that channel only.
        Channel *d = rig.client->subscribe(S("private-other"));
        QVERIFY(!d->trigger(S("client-dropped"), S("{}")));
        QCOMPARE(rig.client->clientEvents()->waitingCount(), 1);
        rig.client->unsubscribe(S("private-other"));
        QCOMPARE(rig.client->clientEvents()->waitingCount(), 0);
        rig.client->subscribe(S("private-other"));
        rig.auth.respondLast();
        rig.serverSend(frames::subscriptionSucceeded(S("private-other")));
        QCOMPARE(t2->sentCount(S("client-dropped")), 0);
    }

    void clientEventsArePacedNotDropped()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("private-chat"));
        Channel *d = rig.subscribed(S("presence-room"));
        rig.clock.advance(5000);
        for (int i = 0; i < 25; ++i)
            QVERIFY(!(i % 5 == 4 ? d : c)->trigger(S("client-n"), QString::number(i)));
        QCOMPARE(rig.t()->sentCount(S("client-n")), 10);
        // Advance in small steps; check the rolling window on every send.
        for (int step = 0; step < 400 && rig.clientSends.size() < 25; ++step)
            rig.clock.advance(10);
        QCOMPARE(rig.clientSends.size(), 25);
        const QList<QJsonObject> sent = rig.t()->sentEvents(S("client-n"));
        QCOMPARE(sent.size(), 25);
        for (int i = 0; i < 25; ++i) {
            const QJsonObject &o = sent.at(i);
            QCOMPARE(o.value(QLatin1String("data")).toInt(), i); // all of them, in order
            QCOMPARE(o.value(QLatin1String("channel")).toString(),
                     i % 5 == 4 ? S("presence-room") : S("private-chat"));
        }
        for (int i = 10; i < rig.clientSends.size(); ++i) {
            QVERIFY2(rig.clientSends.at(i).first - rig.clientSends.at(i - 10).first >= 1100,
                     qPrintable(
                         QStringLiteral("sends %1 and %2 are %3 ms apart")
                             .arg(i - 10)
                             .arg(i)
                             .arg(rig.clientSends.at(i).first - rig.clientSends.at(i - 10).first)));
        }
        // Not needlessly slow: 25 events leave within about 2 windows (10 per 1.1 s: a margin
        // under a server that counts 10 per second by arrival).
        QVERIFY(rig.clientSends.last().first - rig.clientSends.first().first <= 2300);
        // The window really rolls: after a quiet window, 10 go out at once again.
        rig.clock.advance(1100);
        for (int i = 0; i < 10; ++i)
            c->trigger(S("client-m"), QString::number(i));
        QCOMPARE(rig.t()->sentCount(S("client-m")), 10);
    }

    // Review item 1: a client event is confirmed only by the pong to a ping written after it.
    void clientEventsAreConfirmedByAPong()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("private-chat"));
        QStringList confirmed;
        QObject::connect(
            rig.client->clientEvents(), &ClientEventQueue::confirmed, rig.client.get(),
            [&](const QString &, const QString &, const QString &tag) { confirmed << tag; });
        QVERIFY(!c->trigger(S("client-a"), S("1"), S("a")));
        QVERIFY(!c->trigger(S("client-b"), S("2"), S("b")));
        QCOMPARE(rig.t()->sentCount(S("client-a")), 1);
        QCOMPARE(rig.client->clientEvents()->unconfirmedCount(), 2);
        FakeClock::pumpEvents();
        QCOMPARE(rig.t()->sentCount(S("pusher:ping")), 1);
        QVERIFY(confirmed.isEmpty());
        rig.t()->serverPong();
        QCOMPARE(confirmed, (QStringList{S("a"), S("b")}));
        QCOMPARE(rig.client->clientEvents()->size(), 0);
    }

    // ... and one that was written but not confirmed goes out again after a reconnect, first.
    void unconfirmedClientEventsAreResentAfterADrop()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("private-chat"));
        QStringList confirmed;
        QObject::connect(
            rig.client->clientEvents(), &ClientEventQueue::confirmed, rig.client.get(),
            [&](const QString &, const QString &, const QString &tag) { confirmed << tag; });
        QVERIFY(!c->trigger(S("client-a"), S("1"), S("a")));
        QVERIFY(!c->trigger(S("client-typing"), S("{}"), QString(),
                            ClientEventQueue::Delivery::BestEffort));
        FakeClock::pumpEvents();
        FakeTransport *t2 = rig.reconnect(S("2.2")); // no pong on the first socket
        QVERIFY(!c->trigger(S("client-b"), S("2"), S("b")));
        rig.auth.respondLast();
        rig.serverSend(frames::subscriptionSucceeded(S("private-chat")));
        QCOMPARE(t2->sentCount(S("client-a")), 1);
        QCOMPARE(t2->sentCount(S("client-typing")), 0); // stale: not resent
        QCOMPARE(t2->sentJsonAll().last().value(S("event")).toString(), S("client-b"));
        FakeClock::pumpEvents();
        t2->serverPong();
        QCOMPARE(confirmed, (QStringList{S("a"), S("b")}));
    }

    // Review item 4: a rate-limit refusal does not say which event it refuses: every unconfirmed
    // one goes out again after a pause; a final refusal reports them all, once.
    void refusedClientEventsAreResentOrReported()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("private-chat"));
        QStringList confirmed;
        QStringList rejected;
        QObject::connect(
            rig.client->clientEvents(), &ClientEventQueue::confirmed, rig.client.get(),
            [&](const QString &, const QString &, const QString &tag) { confirmed << tag; });
        QObject::connect(rig.client->clientEvents(), &ClientEventQueue::rejected, rig.client.get(),
                         [&](const QString &, const QString &, const QString &tag,
                             const QString &) { rejected << tag; });
        for (const char *tag : {"a", "b", "c"})
            QVERIFY(!c->trigger(S("client-m"), S("{}"), S(tag)));
        rig.serverSend(frames::pusherError(
            4301, S("The rate limit for sending client events exceeded the quota."),
            S("private-chat")));
        rig.serverSend(frames::pusherError(
            4301, S("The rate limit for sending client events exceeded the quota."),
            S("private-chat")));
        FakeClock::pumpEvents();
        rig.t()->serverPong(); // the batch's pong, after the refusals: confirms nothing now
        QVERIFY(confirmed.isEmpty());
        QCOMPARE(rig.t()->sentCount(S("client-m")), 3);
        rig.clock.advance(999);
        QCOMPARE(rig.t()->sentCount(S("client-m")), 3);
        rig.clock.advance(2);
        QCOMPARE(rig.t()->sentCount(S("client-m")), 6);
        FakeClock::pumpEvents();
        rig.t()->serverPong();
        QCOMPARE(confirmed, (QStringList{S("a"), S("b"), S("c")}));
        QVERIFY(rejected.isEmpty());

        QVERIFY(!c->trigger(S("client-m"), S("{}"), S("d")));
        rig.serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), S("private-chat")));
        QCOMPARE(rejected, QStringList{S("d")});
        FakeClock::pumpEvents();
        rig.t()->serverPong();
        rig.clock.advance(10000);
        QCOMPARE(rig.t()->sentCount(S("client-m")), 7); // not sent again
        QCOMPARE(rig.net.count(), 1);
    }

    // Review item 16: hosted Pusher's 4301 names no channel: it concerns every unconfirmed event.
    void refusalWithoutAChannelConcernsEveryUnconfirmedEvent()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("private-chat"));
        Channel *d = rig.subscribed(S("presence-room"));
        QStringList rejected;
        QObject::connect(rig.client->clientEvents(), &ClientEventQueue::rejected, rig.client.get(),
                         [&](const QString &, const QString &, const QString &tag,
                             const QString &) { rejected << tag; });
        QVERIFY(!c->trigger(S("client-m"), S("{}"), S("a")));
        QVERIFY(!d->trigger(S("client-m"), S("{}"), S("b")));
        rig.serverSend(frames::pusherError(4301, S("Client messaging disabled: too large")));
        QCOMPARE(rejected, (QStringList{S("a"), S("b")}));
    }

    void clientEventRejectedByServer()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("private-chat"));
        ChannelLog log(c);
        QList<int> clientLevel;
        QObject::connect(rig.client.get(), &Client::serverError, rig.client.get(),
                         [&](int code, const QString &) { clientLevel.append(code); });
        rig.serverSend(frames::pusherError(
            4301, S("Client event rejected - only 10 per second allowed"), S("private-chat")));
        QCOMPARE(log.rejected.size(), 1);
        QCOMPARE(log.rejected.first().kind, ClientEventError::Kind::RejectedByServer);
        QVERIFY(log.rejected.first().message.contains(S("only 10 per second")));
        QCOMPARE_STATE(c, Subscribed); // the subscription is fine
        QVERIFY(clientLevel.isEmpty());

        // Errors for no channel we know go to Client::serverError.
        rig.serverSend(frames::pusherError(4302, S("watchlist limit")));
        rig.serverSend(frames::pusherError(4301, S("x"), S("private-unknown")));
        QCOMPARE(clientLevel, (QList<int>{4302, 4301}));
        QCOMPARE(toString(rig.client->connection()->state()), toString(ConnectionState::Connected));
    }

    void presenceClientEventsCarryUserId()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("presence-room"));
        QList<Event> got;
        c->bind(S("client-typing"), c, [&](const Event &e) { got << e; });
        rig.serverSend(S("{\"event\":\"client-typing\",\"channel\":\"presence-room\",\"data\":{"
                         "\"typing\":true},\"user_id\":\"42\"}"));
        rig.serverSend(S("{\"event\":\"client-typing\",\"channel\":\"presence-room\",\"data\":\"{}"
                         "\",\"user_id\":43}"));
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).userId, S("42"));
        QCOMPARE(got.at(0).dataObject().value(QLatin1String("typing")).toBool(), true);
        QCOMPARE(got.at(1).userId, S("43"));
    }
};

QTEST_GUILESS_MAIN(TestClientEvents)
#include "tst_clientevents.moc"
