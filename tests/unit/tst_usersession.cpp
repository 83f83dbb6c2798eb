// User authentication: pusher:signin, #server-to-user-<id>, watchlist events, redone on reconnect.
#include "ClientRig.h"
#include "Frames.h"

#include "pusher/Channel.h"
#include "pusher/UserSession.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace natter::pusher;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

struct Rig : ClientRig
{
    Rig()
    {
        UserSession *u = client->user();
        QObject::connect(u, &UserSession::signedIn, u,
                         [this](const QString &id, const QJsonObject &info) {
                             signedIn.append(id);
                             infos.append(info);
                         });
        QObject::connect(u, &UserSession::signinFailed, u,
                         [this](const QString &reason, int status) {
                             failures.append({reason, status});
                         });
        QObject::connect(u, &UserSession::eventReceived, u,
                         [this](const Event &e) { userEvents.append(e); });
        QObject::connect(u, &UserSession::signinRetrying, u,
                         [this](int delayMs, const QString &) { retries.append(delayMs); });
        QObject::connect(u, &UserSession::watchlistEvent, u,
                         [this](const QString &name, const QStringList &ids) {
                             watchlist.append(name + u':' + ids.join(u','));
                         });
    }

    UserSession *user() const { return client->user(); }

    // {"event":"pusher:signin_success","data":{"user_data":"<userData>"}}
    void signinSuccess(const QString &userData)
    {
        serverSend(
            frames::frame(S("pusher:signin_success"), QJsonObject{{S("user_data"), userData}}));
    }

    int indexOfSent(FakeTransport *t, const QString &event, const QString &channel = {}) const
    {
        for (int i = 0; i < t->sent.size(); ++i) {
            const QJsonObject o = t->sentJson(i);
            if (o.value(QLatin1String("event")).toString() != event)
                continue;
            if (!channel.isEmpty()
                && o.value(QLatin1String("data")).toObject().value(QLatin1String("channel")).toString()
                    != channel)
                continue;
            return i;
        }
        return -1;
    }

    QStringList signedIn;
    QList<QJsonObject> infos;
    QList<QPair<QString, int>> failures;
    QList<Event> userEvents;
    QStringList watchlist;
    QList<int> retries;
};

const QString UserChannel = QStringLiteral("#server-to-user-me");

} // namespace

class TestUserSession : public QObject
{
    Q_OBJECT
private slots:
    void signinFlow()
    {
        Rig rig;
        FakeTransport *t = rig.connect(S("123.456"));
        QVERIFY(!rig.user()->isSigningIn());
        rig.user()->signin();
        QVERIFY(rig.user()->isSigningIn());
        QVERIFY(!rig.user()->isSignedIn());
        QCOMPARE(rig.auth.count(), 1);
        QCOMPARE(rig.auth.at(0).kind, FakeAuthorizer::Kind::User);
        QCOMPARE(rig.auth.at(0).socketId, S("123.456"));
        QVERIFY(t->sent.isEmpty());

        const QString userData = S("{\"id\":\"me\",\"user_info\":{\"name\":\"Me "
                                   "\\\"quoted\\\"\"},\"watchlist\":[\"1\",\"2\"]}");
        AuthResponse r;
        r.auth = S("KEY:usersig");
        r.userData = userData;
        rig.auth.respond(0, r);
        QCOMPARE(t->sent.size(), 1);
        const QJsonObject signin = t->sentJson(0);
        QCOMPARE(signin.value(QLatin1String("event")).toString(), S("pusher:signin"));
        const QJsonObject data = signin.value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("auth")).toString(), S("KEY:usersig"));
        QVERIFY(data.value(QLatin1String("user_data")).isString()); // a string, exactly as signed
        QCOMPARE(data.value(QLatin1String("user_data")).toString(), userData);
        QVERIFY(!signin.contains(QLatin1String("channel")));
        QVERIFY(rig.signedIn.isEmpty());

        rig.signinSuccess(userData);
        QCOMPARE(rig.signedIn, QStringList{S("me")});
        QCOMPARE(rig.infos.first().value(QLatin1String("name")).toString(), S("Me \"quoted\""));
        QVERIFY(rig.user()->isSignedIn());
        QVERIFY(!rig.user()->isSigningIn());
        QCOMPARE(rig.user()->userId(), S("me"));
        QCOMPARE(rig.user()->userInfo().value(QLatin1String("name")).toString(), S("Me \"quoted\""));
        QVERIFY(rig.failures.isEmpty());

        // Then #server-to-user-<id>, without auth.
        QCOMPARE(
            t->sent.last(),
            S("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"#server-to-user-me\"}}"));
        QCOMPARE(rig.auth.count(), 1);
        Channel *uc = rig.client->channel(UserChannel);
        QVERIFY(uc);
        rig.serverSend(frames::subscriptionSucceeded(UserChannel));
        QVERIFY(uc->isSubscribed());
        rig.serverSend(
            frames::frame(S("notify"), frames::json(QJsonObject{{S("x"), 1}}), UserChannel));
        rig.serverSend(frames::frame(S("other"), S("plain"), UserChannel));
        QCOMPARE(rig.userEvents.size(), 2);
        QCOMPARE(rig.userEvents.at(0).event, S("notify"));
        QCOMPARE(rig.userEvents.at(0).dataObject().value(QLatin1String("x")).toInt(), 1);
        QCOMPARE(rig.userEvents.at(1).data, S("plain"));
    }

    void signinSuccessDataAsString()
    {
        Rig rig;
        rig.connect();
        rig.user()->signin();
        rig.auth.respondDefault(0);
        // Hosted Pusher double-encodes: data is a JSON string holding {"user_data":"..."}.
        rig.serverSend(S("{\"event\":\"pusher:signin_success\",\"data\":\"{\\\"user_data\\\":\\\"{"
                         "\\\\\\\"id\\\\\\\":\\\\\\\"me\\\\\\\",\\\\\\\"user_info\\\\\\\":{"
                         "\\\\\\\"name\\\\\\\":\\\\\\\"Me\\\\\\\"}}\\\"}\"}"));
        QCOMPARE(rig.signedIn, QStringList{S("me")});
        QCOMPARE(rig.infos.first().value(QLatin1String("name")).toString(), S("Me"));
        QVERIFY(rig.client->channel(UserChannel));

        // soketi echoes {auth, user_data} as an object.
        Rig rig2;
        rig2.connect();
        rig2.user()->signin();
        rig2.auth.respondDefault(0);
        rig2.serverSend(frames::frame(
            S("pusher:signin_success"),
            QJsonObject{{S("auth"), S("key:x")}, {S("user_data"), rig2.auth.userData()}}));
        QCOMPARE(rig2.signedIn, QStringList{S("me")});
    }

    void signinBeforeConnectWaits()
    {
        Rig rig;
        rig.user()->signin();
        QVERIFY(rig.user()->isSigningIn());
        QCOMPARE(rig.auth.count(), 0);
        rig.connect(S("5.5"));
        QCOMPARE(rig.auth.count(), 1);
        QCOMPARE(rig.auth.at(0).socketId, S("5.5"));
        rig.user()->signin(); // idempotent
        QCOMPARE(rig.auth.count(), 1);
    }

    void authFailure()
    {
        Rig rig;
        rig.connect();
        rig.user()->signin();
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Refused, 403, S("Forbidden")));
        QCOMPARE(rig.failures.size(), 1);
        QCOMPARE(rig.failures.first().first, S("Forbidden"));
        QCOMPARE(rig.failures.first().second, 403);
        QVERIFY(!rig.user()->isSignedIn());
        QCOMPARE(rig.t()->sentCount(S("pusher:signin")), 0);
    }

    void authResponseWithoutUserDataFails()
    {
        Rig rig;
        rig.connect();
        rig.user()->signin();
        AuthResponse r;
        r.auth = S("KEY:sig");
        rig.auth.respond(0, r);
        QCOMPARE(rig.failures.size(), 1);
        QCOMPARE(rig.t()->sentCount(S("pusher:signin")), 0);
    }

    void serverRejectsSignin()
    {
        Rig rig;
        rig.connect();
        rig.user()->signin();
        rig.auth.respondDefault(0);
        rig.serverSend(frames::pusherError(4009, S("Invalid signature")));
        QCOMPARE(rig.failures.size(), 1);
        QCOMPARE(rig.failures.first().second, 4009);
        QVERIFY(!rig.user()->isSignedIn());
        // Later connection-level errors are not about sign-in any more.
        QList<int> clientLevel;
        QObject::connect(rig.client.get(), &Client::serverError, rig.client.get(),
                         [&](int code, const QString &) { clientLevel.append(code); });
        rig.serverSend(frames::pusherError(4302, S("watchlist")));
        QCOMPARE(rig.failures.size(), 1);
        QCOMPARE(clientLevel, QList<int>{4302});

        // pusher:signin_error (pusher-js 8.6 style).
        Rig rig2;
        rig2.connect();
        rig2.user()->signin();
        rig2.auth.respondDefault(0);
        rig2.serverSend(
            frames::frame(S("pusher:signin_error"), QJsonObject{{S("error"), S("nope")}}));
        QCOMPARE(rig2.failures.size(), 1);
        QCOMPARE(rig2.failures.first().first, S("nope"));
    }

    void signinSuccessWithoutIdFails()
    {
        Rig rig;
        rig.connect();
        rig.user()->signin();
        rig.auth.respondDefault(0);
        rig.signinSuccess(S("{\"user_info\":{}}"));
        QCOMPARE(rig.failures.size(), 1);
        QVERIFY(!rig.user()->isSignedIn());
        QVERIFY(rig.signedIn.isEmpty());
    }

    void watchlistEvents()
    {
        Rig rig;
        rig.connect();
        rig.user()->signin();
        rig.auth.respondDefault(0);
        rig.signinSuccess(rig.auth.userData());
        rig.serverSend(S("{\"event\":\"pusher_internal:watchlist_events\",\"data\":{\"events\":[{"
                         "\"name\":\"online\",\"user_ids\":[\"1\"]},{\"name\":\"offline\",\"user_"
                         "ids\":[\"2\",\"3\",\"4\"]}]}}"));
        QCOMPARE(rig.watchlist, (QStringList{S("online:1"), S("offline:2,3,4")}));
        // Double encoded, numeric ids normalised.
        rig.serverSend(
            frames::frame(S("pusher_internal:watchlist_events"),
                          frames::json(QJsonObject{
                              {S("events"),
                               QJsonArray{QJsonObject{{S("name"), S("online")},
                                                      {S("user_ids"), QJsonArray{5, S("6")}}}}}})));
        QCOMPARE(rig.watchlist.last(), S("online:5,6"));
        QVERIFY(rig.userEvents.isEmpty());
    }

    void signinRedoneAfterReconnect()
    {
        Rig rig;
        FakeTransport *t1 = rig.connect(S("1.1"));
        rig.user()->signin();
        rig.auth.respondDefault(0);
        rig.signinSuccess(rig.auth.userData());
        rig.serverSend(frames::subscriptionSucceeded(UserChannel));
        QCOMPARE(rig.signedIn.size(), 1);
        QCOMPARE(t1->sentCount(S("pusher:signin")), 1);

        FakeTransport *t2 = rig.reconnect(S("2.2"));
        QVERIFY(!rig.user()->isSignedIn());
        QVERIFY(rig.user()->isSigningIn());
        QCOMPARE(rig.auth.count(), 2);
        QCOMPARE(rig.auth.at(1).kind, FakeAuthorizer::Kind::User);
        QCOMPARE(rig.auth.at(1).socketId, S("2.2"));
        // The server only lets a connection signed in as that user into #server-to-user-<id>,
        // so the channel must wait for the new sign-in (as pusher-js does).
        QCOMPARE(rig.indexOfSent(t2, S("pusher:subscribe"), UserChannel), -1);
        rig.auth.respondDefault(1);
        QCOMPARE(t2->sentCount(S("pusher:signin")), 1);
        QCOMPARE(t2->sentJson(rig.indexOfSent(t2, S("pusher:signin")))
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("auth"))
                     .toString(),
                 S("key:user-sig-2.2"));
        QCOMPARE(rig.indexOfSent(t2, S("pusher:subscribe"), UserChannel), -1);
        rig.signinSuccess(rig.auth.userData());
        QCOMPARE(rig.signedIn.size(), 2);
        QVERIFY(rig.user()->isSignedIn());
        const int sub = rig.indexOfSent(t2, S("pusher:subscribe"), UserChannel);
        QVERIFY(sub > rig.indexOfSent(t2, S("pusher:signin")));
        int subs = 0;
        for (const QJsonObject &o : t2->sentEvents(S("pusher:subscribe")))
            subs += o.value(QLatin1String("data"))
                        .toObject()
                        .value(QLatin1String("channel"))
                        .toString()
                == UserChannel;
        QCOMPARE(subs, 1);
        rig.serverSend(frames::subscriptionSucceeded(UserChannel));
        rig.serverSend(frames::frame(S("notify"), S("{}"), UserChannel));
        QCOMPARE(rig.userEvents.size(), 1); // delivered once, not once per sign-in
    }

    void transientSigninFailureIsRetriedWithBackoff()
    {
        Rig rig;
        FakeTransport *t = rig.connect(S("1.1"));
        rig.user()->signin();
        QCOMPARE(rig.auth.count(), 1);
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Transient, 503, S("down")));
        QVERIFY(rig.failures.isEmpty()); // not final
        QCOMPARE(rig.retries.size(), 1);
        QVERIFY(rig.user()->isSigningIn());
        const int first = rig.retries.at(0);
        QVERIFY2(first > 0 && first <= 1000, qPrintable(QString::number(first)));
        rig.clock.advance(first - 1);
        QCOMPARE(rig.auth.count(), 1);
        rig.clock.advance(1);
        QCOMPARE(rig.auth.count(), 2);
        QCOMPARE(rig.auth.at(1).kind, FakeAuthorizer::Kind::User);
        QCOMPARE(rig.auth.at(1).socketId, S("1.1"));

        // A timeout or network error (no status) is transient too, and the wait grows.
        rig.auth.reject(1, FakeAuthorizer::error(AuthError::Kind::Transient, 0, S("timeout")));
        QCOMPARE(rig.retries.size(), 2);
        QVERIFY2(rig.retries.at(1) > first, qPrintable(QString::number(rig.retries.at(1))));
        rig.clock.advance(rig.retries.at(1));
        QCOMPARE(rig.auth.count(), 3);
        rig.auth.respondDefault(2);
        QCOMPARE(t->sentCount(S("pusher:signin")), 1);
        rig.signinSuccess(rig.auth.userData());
        QCOMPARE(rig.signedIn, QStringList{S("me")});
        QVERIFY(rig.failures.isEmpty());
        // Nothing more is asked once signed in.
        rig.clock.advance(120000);
        QCOMPARE(rig.auth.count(), 3);
    }

    void refusedSigninIsFinal_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("401") << 401;
        QTest::newRow("403") << 403;
    }

    void refusedSigninIsFinal()
    {
        QFETCH(int, status);
        Rig rig;
        rig.connect();
        rig.user()->signin();
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Refused, status, S("no")));
        QCOMPARE(rig.failures.size(), 1);
        QCOMPARE(rig.failures.first().second, status);
        QVERIFY(rig.retries.isEmpty());
        rig.clock.advance(120000);
        QCOMPARE(rig.auth.count(), 1);
    }

    void pendingRetryGivesWayToReconnect()
    {
        Rig rig;
        rig.connect(S("1.1"));
        rig.user()->signin();
        rig.auth.reject(0, FakeAuthorizer::error(AuthError::Kind::Transient, 502, S("bad gw")));
        QCOMPARE(rig.retries.size(), 1);
        FakeTransport *t2 = rig.reconnect(S("2.2"));
        // The reconnect asks at once, for the new socket; the old timer asks nothing more.
        QCOMPARE(rig.auth.count(), 2);
        QCOMPARE(rig.auth.at(1).socketId, S("2.2"));
        rig.clock.advance(120000);
        QCOMPARE(rig.auth.count(), 2);
        rig.auth.respondDefault(1);
        QCOMPARE(t2->sentCount(S("pusher:signin")), 1);
    }

    void serverToUserChannelFollowsTheUserIdAcrossReconnects()
    {
        Rig rig;
        FakeTransport *t1 = rig.connect(S("1.1"));
        rig.user()->signin();
        rig.auth.respondDefault(0);
        rig.signinSuccess(rig.auth.userData());
        rig.serverSend(frames::subscriptionSucceeded(UserChannel));
        QVERIFY(rig.client->channel(UserChannel)->isSubscribed());
        QCOMPARE(rig.indexOfSent(t1, S("pusher:subscribe"), UserChannel) >= 0, true);

        // After the reconnect the backend signs in another user.
        rig.auth.userId = S("other");
        FakeTransport *t2 = rig.reconnect(S("2.2"));
        rig.auth.respondDefault(1);
        rig.signinSuccess(rig.auth.userData());
        QCOMPARE(rig.signedIn, (QStringList{S("me"), S("other")}));
        QCOMPARE(rig.user()->userId(), S("other"));
        const QString otherChannel = S("#server-to-user-other");
        QVERIFY(rig.indexOfSent(t2, S("pusher:subscribe"), otherChannel) >= 0);
        QCOMPARE(rig.indexOfSent(t2, S("pusher:subscribe"), UserChannel), -1);
        Channel *old = rig.client->channel(UserChannel);
        QVERIFY(old);
        QCOMPARE(old->state(), Channel::State::Unsubscribed);
        Channel *now = rig.client->channel(otherChannel);
        QVERIFY(now);
        rig.serverSend(frames::subscriptionSucceeded(otherChannel));
        QVERIFY(now->isSubscribed());
        rig.serverSend(frames::frame(S("notify"), S("{\"for\":\"other\"}"), otherChannel));
        rig.serverSend(frames::frame(S("notify"), S("{\"for\":\"me\"}"), UserChannel));
        QCOMPARE(rig.userEvents.size(), 1);
        QCOMPARE(rig.userEvents.first().channel, otherChannel);

        // And back: the first user's channel is subscribed again, the second one's left.
        rig.auth.userId = S("me");
        FakeTransport *t3 = rig.reconnect(S("3.3"));
        rig.auth.respondDefault(2);
        rig.signinSuccess(rig.auth.userData());
        QVERIFY(rig.indexOfSent(t3, S("pusher:subscribe"), UserChannel) >= 0);
        QCOMPARE(rig.indexOfSent(t3, S("pusher:subscribe"), otherChannel), -1);
        QCOMPARE(now->state(), Channel::State::Unsubscribed);
        rig.serverSend(frames::subscriptionSucceeded(UserChannel));
        rig.serverSend(frames::frame(S("notify"), S("{}"), UserChannel));
        QCOMPARE(rig.userEvents.size(), 2);
        QCOMPARE(rig.userEvents.last().channel, UserChannel);
    }

    void signinAnswerAfterDropIsIgnored()
    {
        Rig rig;
        rig.connect(S("1.1"));
        rig.user()->signin();
        rig.t()->fail();
        QVERIFY(rig.auth.isCancelled(0));
        QVERIFY(!rig.auth.respondDefault(0));
        FakeTransport *t2 = rig.reconnect(S("2.2"));
        QCOMPARE(t2->sentCount(S("pusher:signin")), 0);
        QCOMPARE(rig.auth.count(), 2);
        rig.auth.respondDefault(1);
        QCOMPARE(t2->sentCount(S("pusher:signin")), 1);
    }
};

QTEST_GUILESS_MAIN(TestUserSession)
#include "tst_usersession.moc"
