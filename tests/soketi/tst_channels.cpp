// Natter against a real soketi: every channel type, REST publishing, auth through an endpoint
// served by the official `pusher` npm package, client events, encryption and user sign-in.
#include "NodeProcess.h"
#include "SoketiServer.h"

#include <pusher/Client.h>
#include <pusher/Connection.h>
#include <pusher/EncryptedChannel.h>
#include <pusher/HttpAuthorizer.h>
#include <pusher/LocalSigner.h>
#include <pusher/PresenceChannel.h>
#include <pusher/RestClient.h>
#include <pusher/RestReply.h>
#include <pusher/UserSession.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace natter::pusher;

namespace {
constexpr int kWait = 10000;
// A signal may already have come while the test waited for something else: count, do not wait for a
// new one.
#define QVERIFY_SPY(spy) QTRY_VERIFY_WITH_TIMEOUT((spy).size() > 0, kWait)
const QByteArray kMasterKey = QByteArray::fromBase64(
    "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
} // namespace

class TestChannels : public QObject
{
    Q_OBJECT
private:
    SoketiServer m_soketi;
    QNetworkAccessManager m_network;

    std::unique_ptr<LocalSigner> signer(const QString &user, const QString &name = {})
    {
        QJsonObject info;
        if (!name.isEmpty())
            info.insert(QStringLiteral("name"), name);
        return std::make_unique<LocalSigner>(QString::fromLatin1(SoketiServer::Key),
                                             QByteArray(SoketiServer::Secret), user, info,
                                             kMasterKey);
    }
    std::unique_ptr<Client> client(Authorizer *authorizer)
    {
        auto c = std::make_unique<Client>(m_soketi.connectionOptions(), authorizer);
        c->connect();
        return c;
    }
    RestClient *rest()
    {
        RestConfig config;
        config.baseUrl = m_soketi.httpBase();
        config.appId = QString::fromLatin1(SoketiServer::AppId);
        config.key = QString::fromLatin1(SoketiServer::Key);
        config.secret = SoketiServer::Secret;
        return new RestClient(&m_network, config, this);
    }
    bool publish(const QString &channel, const QString &event, const QString &data,
                 const QString &socketId = {})
    {
        RestReply *reply = rest()->trigger({channel}, event, data, socketId);
        QSignalSpy done(reply, &RestReply::finished);
        if (!done.wait(kWait) || !reply->ok()) {
            qWarning() << "trigger failed:" << reply->errorString();
            return false;
        }
        return true;
    }
    static bool waitSubscribed(Channel *channel)
    {
        if (!channel)
            return false;
        return QTest::qWaitFor([channel] { return channel->isSubscribed(); }, kWait);
    }

private slots:
    void initTestCase() { QVERIFY2(m_soketi.start(), qPrintable(m_soketi.error())); }

    void publicChannelReceivesRestEvents()
    {
        auto c = client(nullptr);
        Channel *news = c->subscribe(QStringLiteral("news"));
        QVERIFY(waitSubscribed(news));
        QSignalSpy events(news, &Channel::eventReceived);
        QVERIFY(publish(QStringLiteral("news"), QStringLiteral("headline"),
                        QStringLiteral("{\"title\":\"hello\"}")));
        QVERIFY_SPY(events);
        const Event e = events.at(0).at(0).value<Event>();
        QCOMPARE(e.event, QStringLiteral("headline"));
        QCOMPARE(e.dataObject().value(QLatin1String("title")).toString(), QStringLiteral("hello"));
        // A plain (non-JSON) payload arrives as a string.
        QVERIFY(
            publish(QStringLiteral("news"), QStringLiteral("plain"), QStringLiteral("just text")));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, kWait);
        QCOMPARE(events.at(1).at(0).value<Event>().dataJson().toString(),
                 QStringLiteral("just text"));
    }

    void triggerExcludesTheGivenSocket()
    {
        auto a = client(nullptr);
        auto b = client(nullptr);
        Channel *ca = a->subscribe(QStringLiteral("room-exclusion"));
        Channel *cb = b->subscribe(QStringLiteral("room-exclusion"));
        QVERIFY(waitSubscribed(ca) && waitSubscribed(cb));
        QSignalSpy ea(ca, &Channel::eventReceived);
        QSignalSpy eb(cb, &Channel::eventReceived);
        QVERIFY(publish(QStringLiteral("room-exclusion"), QStringLiteral("msg"),
                        QStringLiteral("{}"), a->connection()->socketId()));
        QVERIFY_SPY(eb);
        // Give the excluded socket ample time to (wrongly) receive it too.
        QTest::qWait(300);
        QCOMPARE(ea.size(), 0);
        QCOMPARE(eb.size(), 1);
    }

    void privateChannelWithLocalSigning()
    {
        auto auth = signer(QStringLiteral("alice"));
        auto c = client(auth.get());
        Channel *ch = c->subscribe(QStringLiteral("private-orders"));
        QVERIFY(waitSubscribed(ch));
        QSignalSpy events(ch, &Channel::eventReceived);
        QVERIFY(publish(QStringLiteral("private-orders"), QStringLiteral("created"),
                        QStringLiteral("{\"id\":7}")));
        QVERIFY_SPY(events);
    }

    void wrongSecretIsRejectedByTheServer()
    {
        LocalSigner wrong(QString::fromLatin1(SoketiServer::Key), "not-the-secret",
                          QStringLiteral("mallory"));
        auto c = client(&wrong);
        Channel *ch = c->subscribe(QStringLiteral("private-vault"));
        QSignalSpy failed(ch, &Channel::subscriptionFailed);
        QVERIFY_SPY(failed);
        const auto error = failed.at(0).at(0).value<ChannelError>();
        QCOMPARE(error.kind, ChannelError::Kind::ServerRejected);
        QCOMPARE(error.status, 401);
        QCOMPARE(ch->state(), Channel::State::Failed);
    }

    void authEndpointServedByThePusherPackage()
    {
        NodeProcess server;
        QVERIFY(server.start(QStringLiteral("auth-server.js"),
                             {QStringLiteral("--key"), QString::fromLatin1(SoketiServer::Key),
                              QStringLiteral("--secret"), QString::fromLatin1(SoketiServer::Secret),
                              QStringLiteral("--token"), QStringLiteral("t0k3n"),
                              QStringLiteral("--master-key"),
                              QString::fromLatin1(kMasterKey.toBase64())}));
        QVERIFY2(server.waitFor([](const QJsonObject &o) {
            return o.contains(QLatin1String("port"));
        }) == 0,
                 qPrintable(server.describe()));
        const int port = server.lines().at(0).value(QLatin1String("port")).toInt();

        HttpAuthorizerOptions options;
        options.channelEndpoint = QUrl(QStringLiteral("http://127.0.0.1:%1/pusher/auth").arg(port));
        options.userEndpoint = QUrl(
            QStringLiteral("http://127.0.0.1:%1/pusher/user-auth").arg(port));
        options.params = {{QStringLiteral("user_id"), QStringLiteral("carol")},
                          {QStringLiteral("user_info"), QStringLiteral("{\"name\":\"Carol\"}")}};
        int tokenCalls = 0;
        options.headersProvider = [&tokenCalls] {
            ++tokenCalls;
            return QList<QPair<QByteArray, QByteArray>>{{"Authorization", "Bearer t0k3n"}};
        };
        HttpAuthorizer authorizer(&m_network, options);
        auto c = client(&authorizer);

        Channel *priv = c->subscribe(QStringLiteral("private-endpoint"));
        auto *presence = c->subscribePresence(QStringLiteral("presence-endpoint"));
        auto *encrypted = c->subscribeEncrypted(QStringLiteral("private-encrypted-endpoint"));
        QVERIFY(waitSubscribed(priv));
        QVERIFY(waitSubscribed(presence));
        QVERIFY(waitSubscribed(encrypted));
        QCOMPARE(presence->members()->myId(), QStringLiteral("carol"));
        QCOMPARE(presence->members()->me()->info.value(QLatin1String("name")).toString(),
                 QStringLiteral("Carol"));
        QVERIFY(tokenCalls >= 3);

        // 403 fails the channel with a visible reason, and nothing is retried.
        Channel *forbidden = c->subscribe(QStringLiteral("private-forbidden"));
        QSignalSpy failed(forbidden, &Channel::subscriptionFailed);
        QVERIFY_SPY(failed);
        QCOMPARE(failed.at(0).at(0).value<ChannelError>().kind, ChannelError::Kind::AuthRefused);
        QCOMPARE(failed.at(0).at(0).value<ChannelError>().status, 403);

        // 503 twice, then success: retried with backoff until subscribed.
        Channel *flaky = c->subscribe(QStringLiteral("private-flaky"));
        QSignalSpy retrying(flaky, &Channel::authRetrying);
        QVERIFY(waitSubscribed(flaky));
        QCOMPARE(retrying.size(), 2);

        // An encrypted event published by the official server SDK is decrypted.
        QSignalSpy secret(encrypted, &Channel::eventReceived);
        NodeProcess publisher;
        QVERIFY(publisher.start(
            QStringLiteral("rest-trigger.js"),
            {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
             QString::number(m_soketi.port()), QStringLiteral("--key"),
             QString::fromLatin1(SoketiServer::Key), QStringLiteral("--secret"),
             QString::fromLatin1(SoketiServer::Secret), QStringLiteral("--channel"),
             QStringLiteral("private-encrypted-endpoint"), QStringLiteral("--event"),
             QStringLiteral("secret"), QStringLiteral("--data"),
             QStringLiteral("{\"message\":\"hello world\"}"), QStringLiteral("--master-key"),
             QString::fromLatin1(kMasterKey.toBase64())}));
        QTRY_VERIFY2_WITH_TIMEOUT(secret.size() > 0, qPrintable(publisher.describe()), kWait);
        QCOMPARE(
            secret.at(0).at(0).value<Event>().dataObject().value(QLatin1String("message")).toString(),
            QStringLiteral("hello world"));
    }

    void wrongBearerTokenIsRefused()
    {
        NodeProcess server;
        QVERIFY(server.start(QStringLiteral("auth-server.js"),
                             {QStringLiteral("--key"), QString::fromLatin1(SoketiServer::Key),
                              QStringLiteral("--secret"), QString::fromLatin1(SoketiServer::Secret),
                              QStringLiteral("--token"), QStringLiteral("right")}));
        QVERIFY(server.waitFor([](const QJsonObject &o) {
            return o.contains(QLatin1String("port"));
        }) == 0);
        HttpAuthorizerOptions options;
        options.channelEndpoint = QUrl(
            QStringLiteral("http://127.0.0.1:%1/pusher/auth")
                .arg(server.lines().at(0).value(QLatin1String("port")).toInt()));
        options.headers = {{"Authorization", "Bearer wrong"}};
        HttpAuthorizer authorizer(&m_network, options);
        auto c = client(&authorizer);
        Channel *ch = c->subscribe(QStringLiteral("private-tokens"));
        QSignalSpy failed(ch, &Channel::subscriptionFailed);
        QVERIFY_SPY(failed);
        QCOMPARE(failed.at(0).at(0).value<ChannelError>().status, 401);
    }

    void presenceBetweenTwoNatterClients()
    {
        auto aliceAuth = signer(QStringLiteral("alice"), QStringLiteral("Alice"));
        auto bobAuth = signer(QStringLiteral("42"), QStringLiteral("Bob"));
        auto alice = client(aliceAuth.get());
        PresenceChannel *ra = alice->subscribePresence(QStringLiteral("presence-lounge"));
        QVERIFY(waitSubscribed(ra));
        QCOMPARE(ra->members()->count(), 1);
        QSignalSpy added(ra, &PresenceChannel::memberAdded);
        QSignalSpy removed(ra, &PresenceChannel::memberRemoved);

        auto bob = client(bobAuth.get());
        PresenceChannel *rb = bob->subscribePresence(QStringLiteral("presence-lounge"));
        QVERIFY(waitSubscribed(rb));
        QCOMPARE(rb->members()->count(), 2);
        QCOMPARE(rb->members()->myId(), QStringLiteral("42"));
        QVERIFY(rb->members()->get(QStringLiteral("alice")).has_value());
        QVERIFY_SPY(added);
        QCOMPARE(added.at(0).at(0).value<Member>().id, QStringLiteral("42"));
        QCOMPARE(added.at(0).at(0).value<Member>().info.value(QLatin1String("name")).toString(),
                 QStringLiteral("Bob"));
        QCOMPARE(ra->members()->count(), 2);

        // Client events both ways, with the sender's user id; never echoed to the sender.
        QSignalSpy atAlice(ra, &Channel::eventReceived);
        QSignalSpy atBob(rb, &Channel::eventReceived);
        QVERIFY(!ra->trigger(QStringLiteral("client-message"),
                             QStringLiteral("{\"text\":\"hi bob\"}")));
        QVERIFY_SPY(atBob);
        QCOMPARE(atBob.at(0).at(0).value<Event>().userId, QStringLiteral("alice"));
        QCOMPARE(
            atBob.at(0).at(0).value<Event>().dataObject().value(QLatin1String("text")).toString(),
            QStringLiteral("hi bob"));
        QVERIFY(!rb->trigger(QStringLiteral("client-message"),
                             QStringLiteral("{\"text\":\"hi alice\"}")));
        QVERIFY_SPY(atAlice);
        QCOMPARE(atAlice.at(0).at(0).value<Event>().userId, QStringLiteral("42"));
        QTest::qWait(200);
        QCOMPARE(atAlice.size(), 1);
        QCOMPARE(atBob.size(), 1);

        bob->disconnect();
        QVERIFY_SPY(removed);
        QCOMPARE(removed.at(0).at(0).value<Member>().id, QStringLiteral("42"));
        QCOMPARE(ra->members()->count(), 1);
    }

    void clientEventsArePacedNotDropped()
    {
        auto aAuth = signer(QStringLiteral("a"));
        auto bAuth = signer(QStringLiteral("b"));
        auto a = client(aAuth.get());
        auto b = client(bAuth.get());
        Channel *ca = a->subscribe(QStringLiteral("private-burst"));
        Channel *cb = b->subscribe(QStringLiteral("private-burst"));
        QVERIFY(waitSubscribed(cb));
        // Queued before a is subscribed: sent once it is, 10 per second.
        for (int i = 0; i < 15; ++i)
            QVERIFY(!ca->trigger(QStringLiteral("client-n"), QStringLiteral("{\"i\":%1}").arg(i)));
        QSignalSpy got(cb, &Channel::eventReceived);
        QSignalSpy rejected(ca, &Channel::clientEventRejected);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 15, kWait);
        for (int i = 0; i < 15; ++i)
            QCOMPARE(got.at(i).at(0).value<Event>().dataObject().value(QLatin1String("i")).toInt(),
                     i);
        QCOMPARE(rejected.size(), 0);
        // Local limits give a clear error and send nothing.
        QVERIFY(ca->trigger(QStringLiteral("client-big"),
                            QStringLiteral("\"%1\"").arg(QString(11000, u'x')))
                    .has_value());
        QVERIFY(ca->trigger(QStringLiteral("not-client"), QStringLiteral("{}")).has_value());
    }

    void userSigninAndServerToUserEvents()
    {
        auto auth = signer(QStringLiteral("dora"), QStringLiteral("Dora"));
        auto c = client(auth.get());
        QSignalSpy signedIn(c->user(), &UserSession::signedIn);
        c->user()->signin();
        QVERIFY_SPY(signedIn);
        QCOMPARE(signedIn.at(0).at(0).toString(), QStringLiteral("dora"));
        QSignalSpy toUser(c->user(), &UserSession::eventReceived);
        // The server-to-user channel is subscribed right after sign-in; give it a moment.
        QTRY_VERIFY_WITH_TIMEOUT(
            c->channel(QStringLiteral("#server-to-user-dora"))
                && c->channel(QStringLiteral("#server-to-user-dora"))->isSubscribed(),
            kWait);
        RestReply *reply = rest()->sendToUser(QStringLiteral("dora"), QStringLiteral("direct"),
                                              QStringLiteral("{\"x\":1}"));
        QSignalSpy done(reply, &RestReply::finished);
        QVERIFY_SPY(done);
        QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
        QVERIFY_SPY(toUser);
        QCOMPARE(toUser.at(0).at(0).value<Event>().event, QStringLiteral("direct"));
    }

    void cacheChannelReportsAMiss()
    {
        auto c = client(nullptr);
        Channel *ch = c->subscribe(QStringLiteral("cache-weather"));
        QSignalSpy miss(ch, &Channel::cacheMiss);
        QVERIFY_SPY(miss);
        QVERIFY(waitSubscribed(ch));
        // Once something was published, a new subscriber gets it first instead.
        QVERIFY(publish(QStringLiteral("cache-weather"), QStringLiteral("forecast"),
                        QStringLiteral("{\"sky\":\"blue\"}")));
        auto late = client(nullptr);
        Channel *lateChannel = late->subscribe(QStringLiteral("cache-weather"));
        QSignalSpy cached(lateChannel, &Channel::eventReceived);
        QVERIFY_SPY(cached);
        QCOMPARE(cached.at(0).at(0).value<Event>().event, QStringLiteral("forecast"));
    }

    void restQueriesSeeTheSubscriptions()
    {
        auto auth = signer(QStringLiteral("erin"), QStringLiteral("Erin"));
        auto c = client(auth.get());
        QVERIFY(waitSubscribed(c->subscribe(QStringLiteral("presence-census"))));
        RestReply *users = rest()->presenceUsers(QStringLiteral("presence-census"));
        QSignalSpy done(users, &RestReply::finished);
        QVERIFY_SPY(done);
        QVERIFY2(users->ok(), qPrintable(users->errorString()));
        const QJsonArray list = users->json().value(QLatin1String("users")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("erin"));
    }

    void cleanupTestCase() { m_soketi.stop(); }
};

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
