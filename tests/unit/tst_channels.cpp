// Channels through Client: subscription state machines, auth, presence members, bindings,
// client events and their pacing. FakeClock + FakeNetwork + FakeAuthorizer, no real I/O.
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "pusher/Channel.h"
#include "pusher/ChannelName.h"
#include "pusher/Client.h"
#include "pusher/ClientEventQueue.h"
#include "pusher/Connection.h"
#include "pusher/EncryptedChannel.h"
#include "pusher/Members.h"
#include "pusher/PresenceChannel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace natter::pusher;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString stateName(Channel::State s)
{
    switch (s) {
    case Channel::State::Unsubscribed:
        return S("unsubscribed");
    case Channel::State::Authorizing:
        return S("authorizing");
    case Channel::State::Pending:
        return S("pending");
    case Channel::State::Subscribed:
        return S("subscribed");
    case Channel::State::Failed:
        return S("failed");
    }
    return {};
}

#define QCOMPARE_STATE(channel, expected) \
    QCOMPARE(stateName((channel)->state()), stateName(Channel::State::expected))

struct Rig
{
    Rig()
    {
        ConnectionOptions o;
        o.key = QStringLiteral("KEY");
        o.cluster = QStringLiteral("mt1");
        client = std::make_unique<Client>(o, &auth, &clock, net.factory());
        QObject::connect(client->clientEvents(), &ClientEventQueue::sent, client.get(),
                         [this](const QString &channel, const QString &event) {
                             clientSends.append({clock.nowMs(), channel + u'/' + event});
                         });
    }

    FakeTransport *connect(const QString &socketId = QStringLiteral("1.1"))
    {
        client->connect();
        net.last()->accept(socketId);
        return net.last();
    }

    FakeTransport *t() const { return net.last(); }

    // The socket dies; the next attempt is accepted with `socketId`.
    FakeTransport *reconnect(const QString &socketId)
    {
        const int before = net.count();
        t()->fail();
        while (net.count() == before)
            clock.runNextTimer();
        net.last()->accept(socketId);
        return net.last();
    }

    void serverSend(const QString &frame) { t()->serverSend(frame); }

    // Subscribes and completes auth (if needed) and subscription_succeeded.
    Channel *subscribed(const QString &name)
    {
        Channel *c = client->subscribe(name);
        if (!c)
            return nullptr;
        if (ChannelName::needsAuth(name))
            auth.respondLast();
        if (ChannelName::type(name) == ChannelName::Type::Presence)
            serverSend(frames::presenceSucceeded(
                name, QJsonArray{auth.userId},
                QJsonObject{{auth.userId, QJsonObject{{S("name"), auth.userName}}}}));
        else
            serverSend(frames::subscriptionSucceeded(name));
        return c;
    }

    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    std::unique_ptr<Client> client; // last: destroyed first
    QList<QPair<qint64, QString>> clientSends;
};

struct ChannelLog
{
    explicit ChannelLog(Channel *c)
    {
        QObject::connect(c, &Channel::stateChanged, c, [this](Channel::State a, Channel::State b) {
            states.append(stateName(a) + QStringLiteral("->") + stateName(b));
        });
        QObject::connect(c, &Channel::subscribed, c, [this] { ++subscribed; });
        QObject::connect(c, &Channel::subscriptionFailed, c,
                         [this](const ChannelError &e) { failures.append(e); });
        QObject::connect(c, &Channel::authRetrying, c,
                         [this](int ms, const QString &) { retries.append(ms); });
        QObject::connect(c, &Channel::eventReceived, c,
                         [this](const Event &e) { events.append(e); });
        QObject::connect(c, &Channel::subscriptionCountChanged, c,
                         [this](int n) { counts.append(n); });
        QObject::connect(c, &Channel::cacheMiss, c, [this] { ++cacheMisses; });
        QObject::connect(c, &Channel::clientEventRejected, c,
                         [this](const ClientEventError &e) { rejected.append(e); });
    }
    QStringList states;
    int subscribed = 0;
    QList<ChannelError> failures;
    QList<int> retries;
    QList<Event> events;
    QList<int> counts;
    int cacheMisses = 0;
    QList<ClientEventError> rejected;
};

QString appEvent(const QString &channel, const QString &event,
                 const QString &data = QStringLiteral("{}"))
{
    return frames::frame(event, data, channel);
}

QList<QJsonObject> subscribeFrames(const FakeTransport *t, const QString &channel)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : t->sentEvents(S("pusher:subscribe"))) {
        if (o.value(QLatin1String("data")).toObject().value(QLatin1String("channel")).toString()
            == channel)
            out.append(o);
    }
    return out;
}

} // namespace

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

    void authAnsweredAfterConnectionDropIsIgnored()
    {
        Rig rig;
        FakeTransport *t1 = rig.connect(S("1.1"));
        Channel *c = rig.client->subscribe(S("private-chat"));
        // The answer is on its way (queued) when the socket dies.
        rig.auth.requests[0].request->resolve(rig.auth.defaultResponse(rig.auth.at(0)));
        t1->fail();
        FakeClock::pumpEvents();
        QCOMPARE_STATE(c, Unsubscribed);
        QVERIFY(rig.auth.isCancelled(0));
        FakeTransport *t2 = rig.reconnect(S("2.2"));
        QCOMPARE(t2->sentCount(S("pusher:subscribe")), 0); // not with the old socket's signature
        QCOMPARE(rig.auth.count(), 2);
        QCOMPARE(rig.auth.at(1).socketId, S("2.2"));
        rig.auth.respondDefault(1);
        QCOMPARE(subscribeFrames(t2, S("private-chat")).size(), 1);

        // Answered by hand after the drop: nothing to deliver to.
        Channel *d = rig.client->subscribe(S("private-other"));
        t2->fail();
        QVERIFY(!rig.auth.respondDefault(2));
        QCOMPARE_STATE(d, Unsubscribed);
    }

    void authRefused()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.client->subscribe(S("private-secret"));
        ChannelLog log(c);
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Refused, 403, S("Forbidden")));
        QCOMPARE_STATE(c, Failed);
        QCOMPARE(log.failures.size(), 1);
        QCOMPARE(log.failures.first().kind, ChannelError::Kind::AuthRefused);
        QCOMPARE(log.failures.first().status, 403);
        QCOMPARE(log.failures.first().message, S("Forbidden"));
        QVERIFY(c->lastError());
        QCOMPARE(c->lastError()->kind, ChannelError::Kind::AuthRefused);
        QCOMPARE(c->lastError()->status, 403);
        rig.clock.advance(60000);
        QCOMPARE(rig.auth.count(), 1); // refused is final until asked again
        QCOMPARE(rig.t()->sentCount(S("pusher:subscribe")), 0);
    }

    void authTransientRetriesWithBackoff()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.client->subscribe(S("private-chat"));
        ChannelLog log(c);
        rig.auth.reject(
            0, FakeAuthorizer::error(AuthError::Kind::Transient, 503, S("Service Unavailable")));
        QCOMPARE_STATE(c, Authorizing);
        QCOMPARE(log.retries, QList<int>{500});
        QVERIFY(c->lastError());
        QCOMPARE(c->lastError()->kind, ChannelError::Kind::AuthUnavailable);
        QCOMPARE(c->lastError()->status, 503);
        QVERIFY(log.failures.isEmpty());
        rig.clock.advance(499);
        QCOMPARE(rig.auth.count(), 1);
        rig.clock.advance(1);
        QCOMPARE(rig.auth.count(), 2);
        rig.auth.reject(1, FakeAuthorizer::error(AuthError::Kind::Transient, 0, S("timeout")));
        QCOMPARE(log.retries, (QList<int>{500, 1000}));
        rig.clock.advance(1000);
        QCOMPARE(rig.auth.count(), 3);
        rig.auth.respondDefault(2);
        QCOMPARE_STATE(c, Pending);
        rig.serverSend(frames::subscriptionSucceeded(S("private-chat")));
        QCOMPARE_STATE(c, Subscribed);
        QVERIFY(!c->lastError());
        QCOMPARE(log.states, (QStringList{S("authorizing->pending"), S("pending->subscribed")}));

        // A success resets the auth backoff.
        rig.reconnect(S("2.2"));
        rig.auth.reject(3, FakeAuthorizer::error(AuthError::Kind::Transient, 502));
        QCOMPARE(log.retries.last(), 500);
    }

    void authTransientRetryIsCancelledByDrop()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.client->subscribe(S("private-chat"));
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Transient, 503));
        rig.t()->fail();
        QCOMPARE_STATE(c, Unsubscribed);
        rig.clock.advance(
            50); // the connection retry (100 ms) has not happened yet, the auth retry would have
        rig.clock.advance(450);
        QCOMPARE(rig.auth.count(), 1);
    }

    void authBadResponse()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.client->subscribe(S("private-a"));
        ChannelLog log(c);
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::BadResponse, 200, S("not JSON")));
        QCOMPARE_STATE(c, Failed);
        QCOMPARE(log.failures.last().kind, ChannelError::Kind::AuthBadResponse);
        QCOMPARE(log.failures.last().status, 200);
        rig.clock.advance(60000);
        QCOMPARE(rig.auth.count(), 1);

        // A 200 without "auth" is a bad response, too.
        Channel *d = rig.client->subscribe(S("private-b"));
        ChannelLog logD(d);
        rig.auth.respond(1, AuthResponse{});
        QCOMPARE_STATE(d, Failed);
        QCOMPARE(logD.failures.last().kind, ChannelError::Kind::AuthBadResponse);
        QCOMPARE(rig.t()->sentCount(S("pusher:subscribe")), 0);
    }

    void retryAfterFailure()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.client->subscribe(S("private-chat"));
        ChannelLog log(c);
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Refused, 401));
        QCOMPARE_STATE(c, Failed);
        c->retry();
        QCOMPARE_STATE(c, Authorizing);
        QCOMPARE(rig.auth.count(), 2);
        QVERIFY(!c->lastError());
        rig.auth.respondDefault(1);
        rig.serverSend(frames::subscriptionSucceeded(S("private-chat")));
        QCOMPARE_STATE(c, Subscribed);

        // subscribe() again after a failure is a retry, too.
        Channel *d = rig.client->subscribe(S("private-d"));
        rig.auth.reject(2, FakeAuthorizer::error(AuthError::Kind::BadResponse, 200));
        QCOMPARE_STATE(d, Failed);
        QCOMPARE(rig.client->subscribe(S("private-d")), d);
        QCOMPARE(rig.auth.count(), 4);
        rig.auth.respondDefault(3);
        QCOMPARE_STATE(d, Pending);

        // retry() during a transient wait skips the wait.
        Channel *e = rig.client->subscribe(S("private-e"));
        rig.auth.reject(4, FakeAuthorizer::error(AuthError::Kind::Transient, 503));
        QCOMPARE(rig.auth.count(), 5);
        e->retry();
        QCOMPARE(rig.auth.count(), 6);
        rig.clock.advance(5000); // the skipped timer does not fire any more
        QCOMPARE(rig.auth.count(), 6);

        // retry() on a healthy channel does nothing.
        c->retry();
        QCOMPARE(rig.auth.count(), 6);
        QCOMPARE_STATE(c, Subscribed);
    }

    void failedChannelIsRetriedAfterReconnect()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.client->subscribe(S("private-chat"));
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Refused, 403));
        QCOMPARE_STATE(c, Failed);
        rig.reconnect(S("2.2"));
        // Still wanted: a new connection is a new chance (the token may have been renewed).
        QCOMPARE(rig.auth.count(), 2);
        QCOMPARE_STATE(c, Authorizing);
    }

    void serverSubscriptionError()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.client->subscribe(S("private-x"));
        ChannelLog log(c);
        rig.auth.respondLast();
        QCOMPARE_STATE(c, Pending);
        rig.serverSend(S(
            "{\"event\":\"pusher:subscription_error\",\"channel\":\"private-x\",\"data\":{\"type\":"
            "\"AuthError\",\"error\":\"The connection is unauthorized.\",\"status\":401}}"));
        QCOMPARE_STATE(c, Failed);
        QCOMPARE(log.failures.size(), 1);
        QCOMPARE(log.failures.first().kind, ChannelError::Kind::ServerRejected);
        QCOMPARE(log.failures.first().status, 401);
        QCOMPARE(log.failures.first().message, S("The connection is unauthorized."));
        QVERIFY(log.events.isEmpty());

        // Double-encoded, and without "error".
        Channel *d = rig.client->subscribe(S("public-y"));
        ChannelLog logD(d);
        rig.serverSend(S("{\"event\":\"pusher:subscription_error\",\"channel\":\"public-y\","
                         "\"data\":\"{\\\"status\\\":4009}\"}"));
        QCOMPARE_STATE(d, Failed);
        QCOMPARE(logD.failures.first().status, 4009);
        QVERIFY(!logD.failures.first().message.isEmpty());
    }

    void invalidSignatureErrorFailsThePendingChannel()
    {
        Rig rig;
        rig.connect(S("123.456"));
        Channel *c = rig.client->subscribe(S("private-foo"));
        ChannelLog log(c);
        QList<int> clientLevel;
        QObject::connect(rig.client.get(), &Client::serverError, rig.client.get(),
                         [&](int code, const QString &) { clientLevel.append(code); });
        rig.auth.respondLast();
        rig.serverSend(
            frames::frame(S("pusher:error"),
                          QJsonObject{{S("code"), QJsonValue::Null},
                                      {S("message"),
                                       S("Invalid signature: Expected HMAC SHA256 hex digest of "
                                         "123.456:private-foo, but got 52aab")}}));
        QCOMPARE_STATE(c, Failed);
        QCOMPARE(log.failures.size(), 1);
        QCOMPARE(log.failures.first().kind, ChannelError::Kind::ServerRejected);
        QVERIFY(clientLevel.isEmpty());
        QCOMPARE(toString(rig.client->connection()->state()), toString(ConnectionState::Connected));
    }

    void subscriptionCountAndCacheMiss()
    {
        Rig rig;
        rig.connect();
        Channel *c = rig.subscribed(S("cache-news"));
        QVERIFY(c->isCache());
        ChannelLog log(c);
        QCOMPARE(c->subscriptionCount(), -1);
        rig.serverSend(frames::frame(S("pusher_internal:subscription_count"),
                                     frames::json(QJsonObject{{S("subscription_count"), 5}}),
                                     S("cache-news")));
        QCOMPARE(log.counts, QList<int>{5});
        QCOMPARE(c->subscriptionCount(), 5);
        rig.serverSend(frames::frame(S("pusher_internal:subscription_count"),
                                     QJsonObject{{S("subscription_count"), 6}}, S("cache-news")));
        QCOMPARE(c->subscriptionCount(), 6);
        rig.serverSend(S("{\"event\":\"pusher:cache_miss\",\"channel\":\"cache-news\"}"));
        QCOMPARE(log.cacheMisses, 1);
        QVERIFY(log.events.isEmpty()); // neither reaches the application bindings
        QVERIFY(!rig.client->subscribe(S("news"))->isCache());
        QVERIFY(ChannelName::isCache(S("private-encrypted-cache-x")));
    }

    void bindings()
    {
        Rig rig;
        rig.connect();
        Channel *a = rig.subscribed(S("room-a"));
        Channel *b = rig.subscribed(S("room-b"));
        auto ctx = std::make_unique<QObject>();
        QStringList onlyMessage;
        QStringList all;
        QStringList global;
        a->bind(S("message"), ctx.get(), [&](const Event &e) { onlyMessage << e.data; });
        a->bindAll(ctx.get(), [&](const Event &e) { all << e.event; });
        rig.client->bindGlobal(ctx.get(),
                               [&](const Event &e) { global << e.channel + u'/' + e.event; });

        rig.serverSend(appEvent(S("room-a"), S("message"), S("hi")));
        rig.serverSend(appEvent(S("room-a"), S("typing")));
        rig.serverSend(appEvent(S("room-b"), S("message"), S("other room")));
        rig.serverSend(appEvent(S("room-c"), S("message"))); // not subscribed: dropped
        rig.serverSend(frames::subscriptionSucceeded(S("room-a"))); // internal: not an app event
        QCOMPARE(onlyMessage, QStringList{S("hi")});
        QCOMPARE(all, (QStringList{S("message"), S("typing")}));
        QCOMPARE(global,
                 (QStringList{S("room-a/message"), S("room-a/typing"), S("room-b/message")}));
        QVERIFY(b->isSubscribed());

        // Data and user id come through intact.
        QList<Event> got;
        auto ctx2 = std::make_unique<QObject>();
        b->bind(S("json"), ctx2.get(), [&](const Event &e) { got << e; });
        rig.serverSend(
            frames::frame(S("json"), frames::json(QJsonObject{{S("x"), 1}}), S("room-b")));
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().channel, S("room-b"));
        QCOMPARE(got.first().dataObject().value(QLatin1String("x")).toInt(), 1);

        QCOMPARE(global.size(), 4); // bindGlobal saw that one too

        // The bindings die with their context.
        ctx.reset();
        rig.serverSend(appEvent(S("room-a"), S("message"), S("after")));
        rig.serverSend(appEvent(S("room-b"), S("message"), S("after")));
        QCOMPARE(onlyMessage.size(), 1);
        QCOMPARE(all.size(), 2);
        QCOMPARE(global.size(), 4);
        // ... and only those.
        rig.serverSend(
            frames::frame(S("json"), frames::json(QJsonObject{{S("x"), 2}}), S("room-b")));
        QCOMPARE(got.size(), 2);

        // A returned connection can be cut by hand.
        int n = 0;
        auto ctx3 = std::make_unique<QObject>();
        const QMetaObject::Connection conn = a->bind(S("ping"), ctx3.get(),
                                                     [&](const Event &) { ++n; });
        rig.serverSend(appEvent(S("room-a"), S("ping")));
        QObject::disconnect(conn);
        rig.serverSend(appEvent(S("room-a"), S("ping")));
        QCOMPARE(n, 1);
    }

    void invalidNamesAreRejected_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("too long") << (S("private-") + QString(157, u'x'));
        QTest::newRow("space") << S("my channel");
        QTest::newRow("slash") << S("a/b");
        QTest::newRow("colon") << S("a:b");
        QTest::newRow("non-ascii") << S("caf\xc3\xa9");
        QTest::newRow("star") << S("news*");
        QTest::newRow("hash prefix") << S("#server-to-user-1");
        QTest::newRow("hash inside") << S("a#b");
        QTest::newRow("bare private") << S("private-");
        QTest::newRow("bare presence") << S("presence-");
        QTest::newRow("bare encrypted") << S("private-encrypted-");
        QTest::newRow("bare cache") << S("cache-");
        QTest::newRow("bare private cache") << S("private-cache-");
    }

    void invalidNamesAreRejected()
    {
        QFETCH(QString, name);
        Rig rig;
        rig.connect();
        QString error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("not subscribing")));
        QVERIFY(!rig.client->subscribe(name, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(rig.client->channels().isEmpty());
        QVERIFY(rig.t()->sent.isEmpty());
        QCOMPARE(rig.auth.count(), 0);
    }

    void validNameLimits()
    {
        Rig rig;
        rig.connect();
        const QString longest = S("private-") + QString(156, u'x');
        QCOMPARE(longest.size(), ChannelName::MaxLength);
        QString error;
        QVERIFY(rig.client->subscribe(longest, &error));
        QVERIFY(error.isEmpty());
        QVERIFY(rig.client->subscribe(S("a_b-c=d@e,f.g;h"), &error));
        QVERIFY(rig.client->subscribe(S("private-encrypted-cache-x"), &error));
    }

    void typedSubscribeHelpers()
    {
        Rig rig;
        QString error;
        QVERIFY(!rig.client->subscribePresence(S("private-x"), &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!rig.client->subscribeEncrypted(S("private-x"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(rig.client->subscribePresence(S("presence-x")));
        QVERIFY(rig.client->subscribeEncrypted(S("private-encrypted-x")));
        QVERIFY(qobject_cast<PresenceChannel *>(rig.client->subscribe(S("presence-y"))));
        QVERIFY(qobject_cast<EncryptedChannel *>(rig.client->subscribe(S("private-encrypted-y"))));
        QVERIFY(!qobject_cast<PresenceChannel *>(rig.client->subscribe(S("private-y"))));
    }

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
