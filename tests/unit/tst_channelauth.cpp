// Channels: authorisation (refusals, transient retries, bad answers), server errors, bindings
// and channel-name rules, on a FakeClock and a FakeNetwork (ChannelRig.h).
#include "ChannelRig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>

class TestChannelAuth : public QObject
{
    Q_OBJECT
private slots:
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
};

QTEST_GUILESS_MAIN(TestChannelAuth)
#include "tst_channelauth.moc"
