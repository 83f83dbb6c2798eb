// Channels through Client: subscription state machines, presence members, unsubscribing,
// resubscription and event routing. FakeClock + FakeNetwork + FakeAuthorizer (ChannelRig.h).
#include "ChannelRig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>

class TestChannels : public QObject
{
    Q_OBJECT
private slots:
    void publicSubscribe()
    {
        Rig rig;
        FakeTransport *t = rig.connect();
        Channel *c = rig.client->subscribe(S("my-channel"));
        QVERIFY(c);
        ChannelLog log(c);
        QCOMPARE(c->name(), S("my-channel"));
        QCOMPARE(c->type(), ChannelName::Type::Public);
        QCOMPARE(t->sent,
                 QStringList{
                     S("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"my-channel\"}}")});
        QCOMPARE_STATE(c, Pending);
        QCOMPARE(rig.auth.count(), 0);
        rig.serverSend(frames::subscriptionSucceeded(S("my-channel")));
        QCOMPARE_STATE(c, Subscribed);
        QVERIFY(c->isSubscribed());
        QCOMPARE(log.subscribed, 1);
        QCOMPARE(log.states, QStringList{S("pending->subscribed")});
        QVERIFY(log.events.isEmpty()); // pusher_internal:* is not an application event
        QCOMPARE(rig.client->channel(S("my-channel")), c);
        QCOMPARE(rig.client->channels(), QList<Channel *>{c});
    }

    void subscribeWhileDisconnected()
    {
        Rig rig;
        Channel *c = rig.client->subscribe(S("news"));
        QVERIFY(c);
        QCOMPARE_STATE(c, Unsubscribed);
        QVERIFY(c->isWanted());
        rig.client->connect();
        QCOMPARE_STATE(c, Unsubscribed); // not before connection_established
        rig.t()->serverOpen();
        QVERIFY(rig.t()->sent.isEmpty());
        rig.t()->serverHandshake();
        QCOMPARE(
            rig.t()->sent,
            QStringList{S("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}")});
        QCOMPARE_STATE(c, Pending);
    }

    void privateSubscribe()
    {
        Rig rig;
        FakeTransport *t = rig.connect(S("123.456"));
        Channel *c = rig.client->subscribe(S("private-chat"));
        ChannelLog log(c);
        QCOMPARE(c->type(), ChannelName::Type::Private);
        QCOMPARE_STATE(c, Authorizing);
        QVERIFY(t->sent.isEmpty());
        QCOMPARE(rig.auth.count(), 1);
        QCOMPARE(rig.auth.at(0).kind, FakeAuthorizer::Kind::Channel);
        QCOMPARE(rig.auth.at(0).socketId, S("123.456"));
        QCOMPARE(rig.auth.at(0).channel, S("private-chat"));
        AuthResponse r;
        r.auth = S("278d425bdf160c739803:"
                   "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
        QVERIFY(rig.auth.respond(0, r));
        QCOMPARE(t->sent.size(), 1);
        QCOMPARE(
            t->sent.first(),
            S("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-chat\",\"auth\":\"")
                + r.auth + S("\"}}"));
        QCOMPARE_STATE(c, Pending);
        rig.serverSend(frames::subscriptionSucceeded(S("private-chat")));
        QCOMPARE_STATE(c, Subscribed);
        QCOMPARE(log.states, (QStringList{S("authorizing->pending"), S("pending->subscribed")}));
        QVERIFY(!c->lastError());
    }

    void presenceSubscribeAndMembers()
    {
        Rig rig;
        FakeTransport *t = rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(S("presence-room"));
        QVERIFY(c);
        QCOMPARE_STATE(c, Authorizing);
        QList<Member> added;
        QList<Member> removed;
        QObject::connect(c, &PresenceChannel::memberAdded, c,
                         [&](const Member &m) { added.append(m); });
        QObject::connect(c, &PresenceChannel::memberRemoved, c,
                         [&](const Member &m) { removed.append(m); });

        // Odd spacing, key order and escapes: must be sent exactly as signed.
        const QString channelData = S(
            "{ \"user_info\" : {\"name\":\"Zo\xc3\xab \\\"Z\\\"\"}, \"user_id\" : 7 }");
        AuthResponse r;
        r.auth = S("KEY:presencesig");
        r.channelData = channelData;
        QVERIFY(rig.auth.respond(0, r));
        const QJsonObject sub = t->sentJson(0);
        QCOMPARE(sub.value(QLatin1String("event")).toString(), S("pusher:subscribe"));
        const QJsonObject data = sub.value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("channel")).toString(), S("presence-room"));
        QCOMPARE(data.value(QLatin1String("auth")).toString(), S("KEY:presencesig"));
        QVERIFY(data.value(QLatin1String("channel_data")).isString());
        QCOMPARE(data.value(QLatin1String("channel_data")).toString(), channelData);
        QCOMPARE(c->members()->myId(), S("7")); // numeric id normalised
        QCOMPARE(c->members()->count(), 0);

        // Member events before subscription_succeeded: tst_presenceearlymembers.

        rig.serverSend(frames::presenceSucceeded(
            S("presence-room"), QJsonArray{7, S("b")},
            QJsonObject{{S("7"), QJsonObject{{S("name"), S("Zo\xc3\xab")}}},
                        {S("b"), QJsonObject{{S("name"), S("Bee")}}}}));
        QCOMPARE_STATE(c, Subscribed);
        const Members *m = c->members();
        QCOMPARE(m->count(), 2);
        QCOMPARE(m->at(0).id, S("7"));
        QCOMPARE(m->at(1).id, S("b"));
        QCOMPARE(m->get(S("b"))->info.value(QLatin1String("name")).toString(), S("Bee"));
        QVERIFY(m->me());
        QCOMPARE(m->me()->id, S("7"));
        QCOMPARE(m->me()->info.value(QLatin1String("name")).toString(), S("Zo\xc3\xab"));
        QCOMPARE(m->indexOf(S("b")), 1);
        QCOMPARE(m->indexOf(S("nobody")), -1);
        QVERIFY(added.isEmpty()); // a rebuild is not a series of additions

        rig.serverSend(
            frames::memberAdded(S("presence-room"), S("c"), QJsonObject{{S("name"), S("Cee")}}));
        QCOMPARE(m->count(), 3);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().id, S("c"));
        QCOMPARE(added.first().info.value(QLatin1String("name")).toString(), S("Cee"));
        // Duplicate add: ignored.
        rig.serverSend(
            frames::memberAdded(S("presence-room"), S("c"), QJsonObject{{S("name"), S("Cee")}}));
        QCOMPARE(m->count(), 3);
        QCOMPARE(added.size(), 1);
        // Numeric user_id in member_added.
        rig.serverSend(frames::memberAdded(S("presence-room"), 42));
        QCOMPARE(m->count(), 4);
        QCOMPARE(added.last().id, S("42"));
        QVERIFY(m->get(S("42")));
        // Unknown remove: ignored.
        rig.serverSend(frames::memberRemoved(S("presence-room"), S("zz")));
        QCOMPARE(m->count(), 4);
        QVERIFY(removed.isEmpty());
        rig.serverSend(frames::memberRemoved(S("presence-room"), S("b")));
        QCOMPARE(m->count(), 3);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().id, S("b"));
        QCOMPARE(removed.first().info.value(QLatin1String("name")).toString(), S("Bee"));
        QCOMPARE(m->indexOf(S("c")), 1);
        QCOMPARE(m->indexOf(S("42")), 2);
        rig.serverSend(frames::memberRemoved(S("presence-room"), 42));
        QCOMPARE(m->count(), 2);
        QVERIFY(!m->get(S("42")));
        QStringList ids;
        m->each([&](const Member &x) { ids << x.id; });
        QCOMPARE(ids, (QStringList{S("7"), S("c")}));

        // The connection drops: members are cleared at once, never stale.
        rig.t()->fail();
        QCOMPARE(m->count(), 0);
        QVERIFY(!m->me());
        QCOMPARE_STATE(c, Unsubscribed);
        // Rebuilt from the next subscription_succeeded after re-auth.
        FakeTransport *t2 = rig.reconnect(S("2.2"));
        QCOMPARE_STATE(c, Authorizing);
        QCOMPARE(rig.auth.count(), 2);
        QCOMPARE(rig.auth.at(1).socketId, S("2.2"));
        r.auth = S("KEY:presencesig2");
        QVERIFY(rig.auth.respond(1, r));
        QCOMPARE(subscribeFrames(t2, S("presence-room")).size(), 1);
        QCOMPARE(m->count(), 0);
        rig.serverSend(frames::presenceSucceeded(
            S("presence-room"), QJsonArray{S("7"), S("d")},
            QJsonObject{{S("7"), QJsonObject{}}, {S("d"), QJsonObject{}}}));
        QCOMPARE(m->count(), 2);
        QCOMPARE(m->at(1).id, S("d"));
        QVERIFY(!m->get(S("c")));
        QVERIFY(m->me());
    }

    void presenceMembersFromHashOnly()
    {
        Rig rig;
        rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(S("presence-x"));
        rig.auth.respondLast();
        // No ids: members come from the hash (keys are strings).
        rig.serverSend(frames::frame(
            S("pusher_internal:subscription_succeeded"),
            frames::json(QJsonObject{
                {S("presence"),
                 QJsonObject{
                     {S("hash"), QJsonObject{{S("1"), QJsonObject{}}, {S("me"), QJsonObject{}}}},
                     {S("count"), 2}}}}),
            S("presence-x")));
        QCOMPARE(c->members()->count(), 2);
        QVERIFY(c->members()->get(S("1")));
        QVERIFY(c->members()->me());
        // Duplicate ids in the list are counted once.
        rig.t()->fail();
        rig.reconnect(S("2.2"));
        rig.auth.respondLast();
        rig.serverSend(frames::presenceSucceeded(
            S("presence-x"), QJsonArray{S("a"), S("a"), S("me")},
            QJsonObject{{S("a"), QJsonObject{}}, {S("me"), QJsonObject{}}}));
        QCOMPARE(c->members()->count(), 2);
    }

    void presenceAuthWithoutUserIdFails()
    {
        Rig rig;
        rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(S("presence-x"));
        ChannelLog log(c);
        AuthResponse r;
        r.auth = S("KEY:sig");
        r.channelData = S("{\"user_info\":{}}");
        rig.auth.respond(0, r);
        QCOMPARE_STATE(c, Failed);
        QCOMPARE(log.failures.size(), 1);
        QCOMPARE(log.failures.first().kind, ChannelError::Kind::AuthBadResponse);
        QCOMPARE(rig.t()->sentCount(S("pusher:subscribe")), 0);
    }

    void idempotentSubscribe()
    {
        Rig rig;
        FakeTransport *t = rig.connect();
        Channel *a = rig.client->subscribe(S("my-channel"));
        Channel *b = rig.client->subscribe(S("my-channel"));
        QCOMPARE(a, b);
        QCOMPARE(t->sentCount(S("pusher:subscribe")), 1);
        rig.serverSend(frames::subscriptionSucceeded(S("my-channel")));
        QCOMPARE(rig.client->subscribe(S("my-channel")), a);
        QCOMPARE(t->sentCount(S("pusher:subscribe")), 1);
        QCOMPARE_STATE(a, Subscribed);

        Channel *p = rig.client->subscribe(S("private-x"));
        QCOMPARE(rig.client->subscribe(S("private-x")), p);
        QCOMPARE(rig.auth.count(), 1);
        rig.auth.respondLast();
        QCOMPARE(rig.client->subscribe(S("private-x")), p);
        QCOMPARE(rig.auth.count(), 1);
        QCOMPARE(t->sentCount(S("pusher:subscribe")), 2);
        QCOMPARE(rig.client->channels().size(), 2);
    }

    void unsubscribe()
    {
        Rig rig;
        FakeTransport *t = rig.connect();
        Channel *c = rig.subscribed(S("my-channel"));
        ChannelLog log(c);
        rig.client->unsubscribe(S("my-channel"));
        QCOMPARE(t->sent.last(),
                 S("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"my-channel\"}}"));
        QCOMPARE_STATE(c, Unsubscribed);
        QVERIFY(!c->isWanted());
        // Events already in flight are not delivered any more.
        rig.serverSend(appEvent(S("my-channel"), S("late")));
        QVERIFY(log.events.isEmpty());
        // A second unsubscribe sends nothing.
        const int sent = int(t->sent.size());
        rig.client->unsubscribe(S("my-channel"));
        rig.client->unsubscribe(S("never-subscribed"));
        QCOMPARE(t->sent.size(), sent);
        // Subscribing again works.
        QCOMPARE(rig.client->subscribe(S("my-channel")), c);
        QCOMPARE(subscribeFrames(t, S("my-channel")).size(), 2);
        rig.serverSend(frames::subscriptionSucceeded(S("my-channel")));
        rig.serverSend(appEvent(S("my-channel"), S("again")));
        QCOMPARE(log.events.size(), 1);
        QCOMPARE(log.events.first().event, S("again"));
    }

    // bench/memory found VmRSS growing ~2.7 KB per cycle when every cycle used a new channel
    // name: the Client kept every channel it ever had. Unsubscribed channels are now retired,
    // only the most recent few are kept for a cheap re-subscribe.
    void unsubscribedChannelsAreForgotten()
    {
        Rig rig;
        FakeTransport *t = rig.connect();
        rig.subscribed(S("keep"));
        const int cycles = 10 * Client::RetainedUnsubscribed;
        for (int i = 0; i < cycles; ++i) {
            const QString name = S("c-%1").arg(i);
            rig.subscribed(name);
            rig.serverSend(appEvent(name, S("e"))); // routes through the last-channel cache
            rig.client->unsubscribe(name);
        }
        FakeClock::flushDeletes();
        const auto alive = rig.client->findChildren<Channel *>(Qt::FindDirectChildrenOnly);
        QVERIFY2(alive.size() <= Client::RetainedUnsubscribed + 1,
                 qPrintable(S("%1 channels alive").arg(alive.size())));
        QCOMPARE(rig.client->channels().size(), alive.size());
        QVERIFY(rig.client->channel(S("keep")));
        QVERIFY(!rig.client->channel(S("c-0")));
        // Late events for a forgotten channel (the last one routed to, too) are dropped.
        rig.serverSend(appEvent(S("c-0"), S("late")));
        rig.serverSend(appEvent(S("c-%1").arg(cycles - 1), S("late")));
        // The most recently unsubscribed channel is still the same object when wanted again.
        Channel *last = rig.client->channel(S("c-%1").arg(cycles - 1));
        QVERIFY(last);
        QCOMPARE(rig.client->subscribe(S("c-%1").arg(cycles - 1)), last);
        // A forgotten one comes back as a new, working channel.
        Channel *again = rig.client->subscribe(S("c-0"));
        QVERIFY(again);
        ChannelLog log(again);
        rig.serverSend(frames::subscriptionSucceeded(S("c-0")));
        rig.serverSend(appEvent(S("c-0"), S("back")));
        QCOMPARE(log.events.size(), 1);
        QCOMPARE(subscribeFrames(t, S("c-0")).size(), 2);
    }

    void unsubscribeWhilePendingIgnoresLateSuccess()
    {
        Rig rig;
        FakeTransport *t = rig.connect();
        Channel *c = rig.client->subscribe(S("my-channel"));
        ChannelLog log(c);
        rig.client->unsubscribe(S("my-channel"));
        QCOMPARE(t->sentCount(S("pusher:unsubscribe")), 1);
        rig.serverSend(frames::subscriptionSucceeded(S("my-channel")));
        QCOMPARE_STATE(c, Unsubscribed);
        QCOMPARE(log.subscribed, 0);
        rig.serverSend(S("{\"event\":\"pusher:subscription_error\",\"channel\":\"my-channel\","
                         "\"data\":{\"status\":4009}}"));
        QCOMPARE_STATE(c, Unsubscribed);
        QVERIFY(log.failures.isEmpty());
    }

    void unsubscribeCancelsPendingAuth()
    {
        Rig rig;
        FakeTransport *t = rig.connect();
        Channel *c = rig.client->subscribe(S("private-chat"));
        QVERIFY(rig.auth.isPending(0));
        rig.client->unsubscribe(S("private-chat"));
        QCOMPARE_STATE(c, Unsubscribed);
        QVERIFY(rig.auth.isCancelled(0));
        QVERIFY(!rig.auth.respondDefault(0)); // nothing to deliver to
        QVERIFY(t->sent.isEmpty()); // neither subscribe nor unsubscribe: the server never knew

        // An answer already queued when unsubscribe() runs is dropped too.
        rig.client->subscribe(S("private-chat"));
        QCOMPARE(rig.auth.count(), 2);
        rig.auth.requests[1].request->resolve(rig.auth.defaultResponse(rig.auth.at(1)));
        rig.client->unsubscribe(S("private-chat"));
        FakeClock::pumpEvents();
        QVERIFY(t->sent.isEmpty());
        QCOMPARE_STATE(c, Unsubscribed);
    }

    void everythingResubscribedAfterReconnect()
    {
        Rig rig;
        FakeTransport *t1 = rig.connect(S("1.1"));
        Channel *pub = rig.subscribed(S("news"));
        Channel *priv = rig.subscribed(S("private-chat"));
        Channel *pres = rig.subscribed(S("presence-room"));
        QCOMPARE(rig.auth.count(), 2);
        QVERIFY(pub->isSubscribed() && priv->isSubscribed() && pres->isSubscribed());

        t1->fail();
        QCOMPARE_STATE(pub, Unsubscribed);
        QCOMPARE_STATE(priv, Unsubscribed);
        QCOMPARE_STATE(pres, Unsubscribed);

        FakeTransport *t2 = rig.reconnect(S("2.2"));
        QCOMPARE(subscribeFrames(t2, S("news")).size(), 1);
        QCOMPARE_STATE(pub, Pending);
        QCOMPARE_STATE(priv, Authorizing);
        QCOMPARE_STATE(pres, Authorizing);
        QCOMPARE(rig.auth.count(), 4);
        QCOMPARE(rig.auth.pendingIndexes(), (QList<int>{2, 3}));
        for (int i : {2, 3})
            QCOMPARE(rig.auth.at(i).socketId, S("2.2"));
        QCOMPARE(rig.auth.countFor(S("private-chat")), 2);
        QCOMPARE(rig.auth.countFor(S("presence-room")), 2);
        rig.auth.respondDefault(2);
        rig.auth.respondDefault(3);
        const QJsonObject privSub = subscribeFrames(t2, S("private-chat")).value(0);
        QCOMPARE(
            privSub.value(QLatin1String("data")).toObject().value(QLatin1String("auth")).toString(),
            S("key:sig-2.2-private-chat"));
        QCOMPARE(subscribeFrames(t2, S("presence-room")).size(), 1);
        for (const QString &name : {S("news"), S("private-chat")})
            rig.serverSend(frames::subscriptionSucceeded(name));
        rig.serverSend(frames::presenceSucceeded(S("presence-room"), QJsonArray{S("me")},
                                                 QJsonObject{{S("me"), QJsonObject{}}}));
        QVERIFY(pub->isSubscribed() && priv->isSubscribed() && pres->isSubscribed());
        // Nothing was sent twice, and nothing went to the dead socket.
        QCOMPARE(t2->sentCount(S("pusher:subscribe")), 3);
        QCOMPARE(t1->sentCount(S("pusher:subscribe")), 3);
    }

    void eventsForAChannelGoToThatChannelOnly()
    {
        // The routing cache (last channel) must not misroute when names alternate.
        Rig rig;
        rig.connect();
        Channel *a = rig.subscribed(S("a"));
        Channel *b = rig.subscribed(S("b"));
        ChannelLog la(a);
        ChannelLog lb(b);
        for (int i = 0; i < 20; ++i) {
            rig.serverSend(appEvent(i % 3 == 0 ? S("b") : S("a"), S("e"), QString::number(i)));
            for (int k = 0; k < 8; ++k) // churn the parser's name cache
                rig.serverSend(
                    appEvent(QStringLiteral("zz%1").arg(k), QStringLiteral("e%1").arg(k)));
        }
        QCOMPARE(la.events.size() + lb.events.size(), 20);
        for (const Event &e : la.events)
            QVERIFY(e.data.toInt() % 3 != 0);
        for (const Event &e : lb.events)
            QVERIFY(e.data.toInt() % 3 == 0);
    }

    void disconnectThenConnectResubscribes()
    {
        Rig rig;
        rig.connect(S("1.1"));
        Channel *pub = rig.subscribed(S("news"));
        Channel *priv = rig.subscribed(S("private-chat"));
        rig.client->disconnect();
        QCOMPARE_STATE(pub, Unsubscribed);
        QCOMPARE_STATE(priv, Unsubscribed);
        QVERIFY(pub->isWanted() && priv->isWanted());
        rig.clock.advance(60000);
        QCOMPARE(rig.net.count(), 1);
        FakeTransport *t2 = rig.connect(S("2.2"));
        QCOMPARE(subscribeFrames(t2, S("news")).size(), 1);
        QCOMPARE(rig.auth.last().socketId, S("2.2"));
        rig.auth.respondLast();
        QCOMPARE(subscribeFrames(t2, S("private-chat")).size(), 1);
    }

    // Product requirement: after a 2 s server outage, every channel is subscribed again within
    // 2 s of the server's return (auth endpoint answering at once).
    void subscribedAgainWithinTwoSecondsOfServerReturn_data()
    {
        QTest::addColumn<double>("random");
        QTest::newRow("no jitter") << 0.5;
        QTest::newRow("min jitter") << 0.0;
        QTest::newRow("max jitter") << 0.999999;
    }

    void subscribedAgainWithinTwoSecondsOfServerReturn()
    {
        QFETCH(double, random);
        Rig rig;
        rig.clock.setRandom(random);
        rig.auth.setAutoAnswerDefault();
        rig.connect();
        const QStringList names{S("news"), S("private-chat"), S("presence-room")};
        QList<Channel *> channels;
        for (const QString &name : names)
            channels << rig.client->subscribe(name);
        // The server side: answer every subscribe on a live socket.
        QHash<FakeTransport *, int> answered;
        auto serve = [&] {
            FakeTransport *t = rig.t();
            if (!t || !t->isOpened() || t->isAborted() || t->isClosed())
                return;
            for (int i = answered.value(t); i < t->sent.size(); ++i) {
                const QJsonObject o = t->sentJson(i);
                if (o.value(QLatin1String("event")).toString() != S("pusher:subscribe"))
                    continue;
                const QString name = o.value(QLatin1String("data"))
                                         .toObject()
                                         .value(QLatin1String("channel"))
                                         .toString();
                if (name.startsWith(S("presence-")))
                    t->serverSend(frames::presenceSucceeded(name, QJsonArray{S("me")},
                                                            QJsonObject{{S("me"), QJsonObject{}}}));
                else
                    t->serverSend(frames::subscriptionSucceeded(name));
            }
            answered[t] = int(t->sent.size());
        };
        auto allSubscribed = [&] {
            return std::all_of(channels.begin(), channels.end(),
                               [](Channel *c) { return c->isSubscribed(); });
        };
        rig.clock.advance(1);
        serve();
        QVERIFY(allSubscribed());

        rig.clock.advance(30000);
        rig.t()->serverSend(S("{\"event\":\"pusher:pong\"}"));
        const qint64 down = rig.clock.nowMs();
        const qint64 back = down + 2000;
        rig.t()->fail(Transport::Failure::Network, S("server restarting"));
        QVERIFY(!allSubscribed());
        qint64 recoveredAt = -1;
        while (rig.clock.nowMs() < back + 10000) {
            rig.clock.advance(1);
            FakeTransport *t = rig.t();
            if (t && !t->isAborted() && !t->isClosed() && !t->isOpened()) {
                if (rig.clock.nowMs() < back)
                    t->fail(Transport::Failure::Network, S("connection refused"));
                else
                    t->accept(QStringLiteral("2.%1").arg(rig.net.count()));
            }
            serve();
            if (allSubscribed()) {
                recoveredAt = rig.clock.nowMs();
                break;
            }
        }
        QVERIFY(recoveredAt >= back);
        QVERIFY2(recoveredAt - back <= 2000,
                 qPrintable(QStringLiteral("subscribed again %1 ms after the server came back")
                                .arg(recoveredAt - back)));
        // Re-authorized with the new socket id.
        QVERIFY(rig.auth.last().socketId.startsWith(S("2.")));
    }

    void clientDestroyedWithPendingWork()
    {
        auto rig = std::make_unique<Rig>();
        rig->connect();
        rig->client->subscribe(S("private-a"));
        rig->client->subscribe(S("presence-b"));
        Channel *c = rig->subscribed(S("private-c"));
        c->trigger(S("client-x"), S("{}"));
        rig->client->unsubscribe(S("private-c"));
        rig->client.reset();
        QVERIFY(rig->auth.isCancelled(0));
        QVERIFY(rig->auth.isCancelled(1));
        rig->clock.advance(60000);
        FakeClock::flushDeletes();
    }
};

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
