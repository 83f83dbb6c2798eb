// Natter-server mode: NatterServerApi against an in-process FakeNatterServer (real HTTP on
// loopback), and ChatController with a ServerMessageRoute (the socket on FakeClock +
// FakeNetwork): login errors, resume, send -> pending -> sent with the server's id, 502 with the
// stored message, 4xx -> failed + retry, an outage (stays pending, sent when back), duplicate
// suppression, history pages, gap fill after a reconnect, unread counts.
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeNatterServer.h"
#include "FakeTransport.h"
#include "Frames.h"
#include "FreePort.h"

#include "chat/ChatController.h"
#include "chat/MessageListModel.h"
#include "chat/NatterServerApi.h"
#include "chat/Outbox.h"
#include "chat/Room.h"
#include "chat/ServerMessageRoute.h"

#include <pusher/Client.h>
#include <pusher/Connection.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using natter::pusher::ConnectionOptions;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

struct Rig
{
    Rig()
    {
        token = server.addSession(S("alice"));
        api.setToken(token);
        api.setTimeoutMs(3000);
        aliceId = S("u_0000000000000001");
        auth.userId = aliceId;
        auth.userName = S("alice");
        auth.setAutoAnswerDefault();
        outbox = std::make_unique<Outbox>(dir.filePath(S("outbox.jsonl")));
        chat = std::make_unique<ChatController>(outbox.get());
        chat->setRoute(&route);
        options.key = S("app-key");
        options.host = S("127.0.0.1");
        options.port = 6001;
        options.tls = false;
    }

    FakeTransport *t() const { return net.last(); }
    void accept(const QString &socketId)
    {
        t()->accept(socketId);
        FakeClock::pumpEvents();
    }
    void confirm(const QString &room = S("lobby"))
    {
        FakeClock::pumpEvents();
        QJsonObject hash{{aliceId, QJsonObject{{S("name"), S("alice")}}}};
        t()->serverSend(frames::presenceSucceeded(S("presence-") + room, QJsonArray{aliceId}, hash));
        FakeClock::pumpEvents();
    }
    // Logged in, subscribed, and the newest page fetched.
    Room *loggedIn()
    {
        Room *room = chat->joinRoom(S("lobby"));
        chat->start(options, &auth, aliceId, S("alice"), &clock, net.factory());
        accept(S("1.1"));
        confirm();
        waitForHistory(room);
        return room;
    }
    static bool waitForHistory(Room *room)
    {
        return QTest::qWaitFor([room] { return !room->isFetchingHistory(); }, 5000);
    }
    void reconnect(const QString &socketId)
    {
        const int before = net.count();
        t()->fail();
        while (net.count() == before)
            QVERIFY(clock.runNextTimer());
        accept(socketId);
    }
    // A new_message event as the server triggers it.
    void deliver(const QJsonObject &message, const QString &room = S("lobby"))
    {
        t()->serverSend(
            frames::frame(S("new_message"), frames::json(message), S("presence-") + room));
    }
    static QStringList texts(Room *room)
    {
        QStringList out;
        for (int i = 0; i < room->messages()->rowCount(); ++i)
            out.append(room->messages()->at(i).text);
        return out;
    }
    static QList<qint64> ids(Room *room)
    {
        QList<qint64> out;
        for (int i = 0; i < room->messages()->rowCount(); ++i)
            out.append(room->messages()->at(i).serverId);
        return out;
    }

    QTemporaryDir dir;
    FakeNatterServer server;
    QNetworkAccessManager network;
    NatterServerApi api{&network, server.url()};
    ServerMessageRoute route{&api};
    QString token;
    QString aliceId;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat; // last: destroyed first
};

ChatMessage::State stateOf(Room *room, const QString &id)
{
    return room->messages()->at(room->messages()->rowOf(id)).state;
}

} // namespace

class TestServerMode : public QObject
{
    Q_OBJECT
private slots:
    void loginErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::addColumn<NatterServerApi::Error>("error");
        QTest::addColumn<QString>("code");
        QTest::newRow("bad name") << S("no spaces") << QString() << NatterServerApi::Error::BadName
                                  << S("bad_name");
        QTest::newRow("name taken")
            << S("ALICE") << S("sesame") << NatterServerApi::Error::NameTaken << S("name_taken");
        QTest::newRow("bad password")
            << S("bob") << S("wrong") << NatterServerApi::Error::BadPassword << S("bad_password");
        QTest::newRow("ok") << S("bob") << S("sesame") << NatterServerApi::Error::None << QString();
    }

    void loginErrors()
    {
        QFETCH(QString, name);
        QFETCH(QString, password);
        QFETCH(NatterServerApi::Error, error);
        QFETCH(QString, code);
        FakeNatterServer server;
        server.joinPassword = S("sesame");
        server.addSession(S("alice"));
        QNetworkAccessManager network;
        NatterServerApi api(&network, server.url());
        bool done = false;
        NatterServerApi::Failure failure;
        NatterServerApi::Session session;
        api.createSession(name, password,
                          [&](const NatterServerApi::Failure &f, const NatterServerApi::Session &s) {
                              done = true;
                              failure = f;
                              session = s;
                          });
        QVERIFY(!done); // asynchronous
        QTRY_VERIFY(done);
        QCOMPARE(failure.error, error);
        QCOMPARE(failure.code, code);
        if (error == NatterServerApi::Error::None) {
            QCOMPARE(session.userName, S("bob"));
            QVERIFY(!session.token.isEmpty());
            QCOMPARE(api.token(), session.token);
        } else {
            QVERIFY(!failure.message.isEmpty()); // the server's sentence, for the login page
            QVERIFY(api.token().isEmpty());
        }
        const QByteArray body = server.http()->requests().last().body;
        QCOMPARE(body.contains("sesame"), password == S("sesame"));
    }

    void unreachableAndBadResponses()
    {
        QNetworkAccessManager network;
        NatterServerApi closed(&network, QUrl(S("http://127.0.0.1:%1").arg(FreePort::pick())));
        NatterServerApi::Failure failure;
        bool done = false;
        closed.fetchConfig([&](const NatterServerApi::Failure &f, const NatterServerApi::Config &) {
            failure = f;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(failure.error, NatterServerApi::Error::Unreachable);
        QVERIFY(failure.isTransient());

        FakeHttpServer html;
        html.setHandler([](const FakeHttpServer::Request &) {
            auto r = FakeHttpServer::Response::text("<html>login</html>", 200);
            r.contentType = "text/html";
            return r;
        });
        NatterServerApi api(&network, html.url());
        done = false;
        api.fetchConfig([&](const NatterServerApi::Failure &f, const NatterServerApi::Config &) {
            failure = f;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(failure.error, NatterServerApi::Error::BadResponse);

        // A token that the server does not know: Unauthorized (the login makes a new session).
        FakeNatterServer server;
        NatterServerApi stale(&network, server.url());
        stale.setToken(S("expired"));
        done = false;
        stale.resumeSession(
            [&](const NatterServerApi::Failure &f, const NatterServerApi::Session &) {
                failure = f;
                done = true;
            });
        QTRY_VERIFY(done);
        QCOMPARE(failure.error, NatterServerApi::Error::Unauthorized);
        QCOMPARE(failure.status, 401);
    }

    void resumeWithStoredTokenAndConfig()
    {
        FakeNatterServer server;
        server.wsPort = 6123;
        const QString token = server.addSession(S("carol"));
        QNetworkAccessManager network;
        NatterServerApi api(&network, server.url());
        api.setToken(token);
        NatterServerApi::Session session;
        bool done = false;
        api.resumeSession([&](const NatterServerApi::Failure &f, const NatterServerApi::Session &s) {
            QVERIFY(f.ok());
            session = s;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(session.userName, S("carol"));
        QCOMPARE(server.http()->requests().last().header("Authorization"),
                 QByteArray("Bearer ") + token.toUtf8());
        NatterServerApi::Config config;
        done = false;
        api.fetchConfig([&](const NatterServerApi::Failure &f, const NatterServerApi::Config &c) {
            QVERIFY(f.ok());
            config = c;
            done = true;
        });
        QTRY_VERIFY(done);
        const ConnectionOptions o = config.connectionOptions();
        QCOMPARE(o.key, S("app-key"));
        QCOMPARE(o.host, S("127.0.0.1"));
        QCOMPARE(o.port, 6123);
        QVERIFY(!o.tls);
        QCOMPARE(config.authEndpoint, server.http()->url(S("/pusher/auth")));
        QVERIFY(server.http()->requests().last().header("Authorization").isEmpty()); // public
        // Logout forgets the token and frees the name.
        done = false;
        api.deleteSession([&](const NatterServerApi::Failure &f) {
            QVERIFY(f.ok());
            done = true;
        });
        QVERIFY(api.token().isEmpty());
        QTRY_VERIFY(done);
        QVERIFY(!server.hasSession(token));
    }

    void sendIsPendingThenSentWithTheServersId()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QAbstractItemModelTester tester(room->messages(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        const QString id = rig.chat->send(S("lobby"), S("hello server"), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QVERIFY(rig.outbox->contains(id));
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(!rig.outbox->contains(id));
        const ChatMessage &m = room->messages()->at(room->messages()->rowOf(id));
        QCOMPARE(m.serverId, 1);
        const QJsonObject posted
            = QJsonDocument::fromJson(rig.server.http()->requests().last().body).object();
        QCOMPARE(posted.value(S("client_id")).toString(), id); // the outbox id: idempotent
        QCOMPARE(posted.value(S("socket_id")).toString(), S("1.1"));
        QCOMPARE(posted.value(S("text")).toString(), S("hello server"));
        QCOMPARE(rig.server.messages(S("lobby")).size(), 1);
        QCOMPARE(rig.net.allSentEvents(S("client-message")).size(), 0); // no client events
    }

    // A reply names its original by id (the client_id the server knows it by) in the POST.
    void replyPostsReplyTo()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        const QString original = rig.chat->send(S("lobby"), S("question"));
        QTRY_COMPARE(stateOf(room, original), ChatMessage::State::Sent);
        QString error;
        const QString id = rig.chat->sendReply(S("lobby"), S("answer"), original, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Sent);
        const QJsonObject posted
            = QJsonDocument::fromJson(rig.server.http()->requests().last().body).object();
        QCOMPARE(posted.value(S("client_id")).toString(), id);
        QCOMPARE(posted.value(S("reply_to")).toString(), original);
        QCOMPARE(room->messages()->at(room->messages()->rowOf(id)).replyTo, original);
    }

    // Regression: every send was posted at once, so the server stored (and numbered) a burst in
    // whatever order the parallel requests arrived, and everybody saw it shuffled.
    void sendsArePostedOneAtATimeInOrder()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.server.postDelayMs = 300;
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << rig.chat->send(S("lobby"), S("burst %1").arg(i));
        QTRY_COMPARE(rig.server.count(S("POST /rooms/lobby/messages")), 1);
        QTest::qWait(150);
        QCOMPARE(rig.server.count(S("POST /rooms/lobby/messages")), 1); // the next waits
        QVERIFY(!rig.chat->discard(ids.at(0))); // posted: may be stored already
        QVERIFY(rig.chat->discard(ids.at(4))); // only queued here: can be withdrawn
        QTRY_VERIFY_WITH_TIMEOUT(rig.outbox->isEmpty(), 10000);
        QStringList stored;
        for (const QJsonObject &m : rig.server.messages(S("lobby")))
            stored << m.value(S("text")).toString();
        QCOMPARE(stored, (QStringList{S("burst 0"), S("burst 1"), S("burst 2"), S("burst 3")}));
        QCOMPARE(Rig::texts(room), stored);
    }

    void pusherDownWithTheStoredMessageIsSent()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.server.pusherDown = true;
        const QString id = rig.chat->send(S("lobby"), S("stored anyway"));
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(!rig.outbox->contains(id));
        QCOMPARE(room->messages()->at(room->messages()->rowOf(id)).serverId, 1);
    }

    void refusedFailsWithTheServersTextAndRetrySends()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.server.nextPostAnswers << FakeHttpServer::Response::json(
            R"({"error":"That message is not allowed here.","code":"bad_request"})", 400);
        const QString id = rig.chat->send(S("lobby"), S("try me"));
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Failed);
        QCOMPARE(room->messages()->at(room->messages()->rowOf(id)).error,
                 S("That message is not allowed here."));
        QVERIFY(rig.outbox->contains(id)); // retry survives a restart
        QCOMPARE(rig.outbox->message(id)->state, ChatMessage::State::Failed);
        QVERIFY(rig.chat->retry(id));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(!rig.outbox->contains(id));
        QCOMPARE(rig.server.messages(S("lobby")).size(), 1);
    }

    void outageKeepsItPendingUntilTheServerIsBack()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.server.down = true; // 503 without a stored message
        const QString id = rig.chat->send(S("lobby"), S("patience"));
        QTRY_COMPARE(rig.server.count(S("POST /rooms/lobby/messages")), 1);
        QTest::qWait(50);
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QVERIFY(rig.outbox->contains(id));
        QVERIFY(!rig.chat->discard(id)); // on its way: may already be stored
        // Backoff: the next attempt fails too, and it stays pending.
        QVERIFY(rig.clock.runNextTimer());
        QTRY_COMPARE(rig.server.count(S("POST /rooms/lobby/messages")), 2);
        QTest::qWait(50);
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        rig.server.down = false;
        QVERIFY(rig.clock.runNextTimer());
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(!rig.outbox->contains(id));
        QCOMPARE(rig.server.messages(S("lobby")).size(), 1);
    }

    void rateLimitedIsRetriedAfterTheServersDelay()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        auto limited = FakeHttpServer::Response::json(
            R"({"error":"Slow down.","code":"rate_limited"})", 429);
        limited.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("7")));
        rig.server.nextPostAnswers << limited;
        const QString id = rig.chat->send(S("lobby"), S("eventually"));
        QTRY_COMPARE(rig.server.count(S("POST /rooms/lobby/messages")), 1);
        QTest::qWait(50);
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        rig.clock.advance(6000);
        QTest::qWait(50);
        QCOMPARE(rig.server.count(S("POST /rooms/lobby/messages")), 1); // not before Retry-After
        rig.clock.advance(2000);
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Sent);
    }

    // The server's event for our own pending message (another device of ours, or the echo
    // before the POST's answer) replaces it instead of showing it twice.
    void ownEventReplacesThePendingMessage()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QAbstractItemModelTester tester(room->messages(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = rig.chat->send(S("lobby"), S("mine"));
        QCOMPARE(room->messages()->rowCount(), 1);
        QSignalSpy received(rig.chat.get(), &ChatController::messageReceived);
        rig.deliver({{S("id"), 41},
                     {S("room"), S("lobby")},
                     {S("client_id"), id},
                     {S("text"), S("mine")},
                     {S("sent_at"), S("2026-11-30T15:00:00.000Z")},
                     {S("user"), QJsonObject{{S("id"), rig.aliceId}, {S("name"), S("alice")}}}});
        QCOMPARE(room->messages()->rowCount(), 1);
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(room->messages()->at(0).serverId, 41);
        QCOMPARE(received.size(), 0);
        QCOMPARE(room->unread(), 0);
        QTRY_VERIFY(!rig.outbox->contains(id));
        QCOMPARE(room->messages()->rowCount(), 1);
    }

    void incomingMessagesAreVerifiedAndOrdered()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QSignalSpy received(rig.chat.get(), &ChatController::messageReceived);
        const QJsonObject second = rig.server.storeMessage(S("lobby"), S("bob"), S("second"));
        const QJsonObject first = rig.server.messages(S("lobby")).first();
        QJsonObject third = rig.server.storeMessage(S("lobby"), S("bob"), S("third"));
        rig.deliver(third);
        rig.deliver(second);
        QCOMPARE(received.size(), 2);
        const ChatMessage m = received.first().at(1).value<ChatMessage>();
        QCOMPARE(m.text, S("third"));
        QVERIFY(m.senderVerified); // the server says who sent it
        QCOMPARE(m.senderName, S("bob"));
        QVERIFY(!m.historical);
        QCOMPARE(Rig::texts(room), (QStringList{S("second"), S("third")}));
        QCOMPARE(room->unread(), 2);
        Q_UNUSED(first);
        rig.deliver(third); // a redelivery
        QCOMPARE(room->messages()->rowCount(), 2);
        QCOMPARE(room->unread(), 2);
    }

    void historyNewestPageThenOlderPages()
    {
        Rig rig;
        for (int i = 1; i <= 120; ++i)
            rig.server.storeMessage(S("lobby"), S("bob"), S("m%1").arg(i));
        Room *room = rig.chat->joinRoom(S("lobby"));
        QAbstractItemModelTester tester(room->messages(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy fetched(rig.chat.get(), &ChatController::messagesFetched);
        QSignalSpy loading(room, &Room::loadingOlderChanged);
        rig.chat->start(rig.options, &rig.auth, rig.aliceId, S("alice"), &rig.clock,
                        rig.net.factory());
        rig.accept(S("1.1"));
        rig.confirm();
        QVERIFY(Rig::waitForHistory(room));
        QCOMPARE(rig.server.historyQueries(), QStringList{S("newest")});
        QCOMPARE(room->messages()->rowCount(), 50);
        QCOMPARE(room->messages()->at(0).text, S("m71"));
        QCOMPARE(room->messages()->at(49).text, S("m120"));
        QVERIFY(room->hasOlder());
        QCOMPARE(room->unread(), 0); // history is not news
        QCOMPARE(fetched.size(), 0);

        QVERIFY(rig.chat->loadOlder(S("lobby")));
        QVERIFY(room->isLoadingOlder());
        QVERIFY(!rig.chat->loadOlder(S("lobby"))); // one at a time
        QTRY_VERIFY(!room->isLoadingOlder());
        QCOMPARE(loading.size(), 2);
        QCOMPARE(rig.server.historyQueries().last(), S("before=71"));
        QCOMPARE(room->messages()->rowCount(), 100);
        QCOMPARE(room->messages()->at(0).text, S("m21"));
        QVERIFY(room->hasOlder());
        QVERIFY(rig.chat->loadOlder(S("lobby")));
        QTRY_VERIFY(!room->isLoadingOlder());
        QCOMPARE(room->messages()->rowCount(), 120);
        QVERIFY(!room->hasOlder());
        QVERIFY(!rig.chat->loadOlder(S("lobby")));
        QList<qint64> expected;
        for (int i = 1; i <= 120; ++i)
            expected.append(i);
        QCOMPARE(Rig::ids(room), expected);
        QCOMPARE(room->unread(), 0);
    }

    // 120 messages while our socket was gone, one of them also delivered live right after the
    // resubscription: all appear once, in order, counted unread, announced as one fetch.
    void gapFillAfterReconnect()
    {
        Rig rig;
        rig.server.storeMessage(S("lobby"), S("bob"), S("before 1"));
        rig.server.storeMessage(S("lobby"), S("bob"), S("before 2"));
        Room *room = rig.loggedIn();
        QAbstractItemModelTester tester(room->messages(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(room->messages()->rowCount(), 2);
        rig.deliver(rig.server.storeMessage(S("lobby"), S("bob"), S("live 3")));
        QTRY_COMPARE(room->messages()->rowCount(), 3);
        QSignalSpy received(rig.chat.get(), &ChatController::messageReceived);
        QSignalSpy fetched(rig.chat.get(), &ChatController::messagesFetched);
        const int unreadBefore = room->unread();

        rig.t()->fail();
        QList<QJsonObject> missed;
        for (int i = 0; i < 120; ++i)
            missed.append(rig.server.storeMessage(S("lobby"), i % 3 ? S("bob") : S("carol"),
                                                  S("missed %1").arg(i)));
        const int before = rig.net.count();
        while (rig.net.count() == before)
            QVERIFY(rig.clock.runNextTimer());
        rig.accept(S("1.2"));
        rig.confirm();
        rig.deliver(missed.at(60)); // live, while the fill is on its way
        QVERIFY(Rig::waitForHistory(room));
        QCOMPARE(rig.server.historyQueries(),
                 (QStringList{S("newest"), S("after=3"), S("after=53"), S("after=103")}));
        QCOMPARE(room->messages()->rowCount(), 123);
        QList<qint64> expected;
        for (int i = 1; i <= 123; ++i)
            expected.append(i);
        QCOMPARE(Rig::ids(room), expected);
        QCOMPARE(room->unread() - unreadBefore, 120);
        QCOMPARE(received.size(), 1); // the live one
        int announced = 0;
        for (const auto &args : fetched) {
            const auto list = args.at(1).value<QList<ChatMessage>>();
            for (const ChatMessage &m : list)
                QVERIFY(m.historical);
            announced += int(list.size());
        }
        QCOMPARE(announced, 119);

        // A second reconnect with nothing missed: one request, nothing added.
        rig.reconnect(S("1.3"));
        rig.confirm();
        QVERIFY(Rig::waitForHistory(room));
        QCOMPARE(rig.server.historyQueries().last(), S("after=123"));
        QCOMPARE(room->messages()->rowCount(), 123);
    }

    // Messages queued while stopped go out at start with their outbox id (a restart never
    // duplicates: the server answers 200 with the stored one).
    void outboxAfterRestartIsNotDuplicated()
    {
        Rig rig;
        Room *room = rig.chat->joinRoom(S("lobby"));
        const QString id = rig.chat->send(S("lobby"), S("written offline"));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        // As if an earlier run had posted it and crashed before the answer.
        rig.server.storeMessage(S("lobby"), S("alice"), S("written offline"), id);
        rig.chat->start(rig.options, &rig.auth, rig.aliceId, S("alice"), &rig.clock,
                        rig.net.factory());
        QTRY_COMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(rig.server.messages(S("lobby")).size(), 1);
        rig.accept(S("1.1"));
        rig.confirm();
        QVERIFY(Rig::waitForHistory(room));
        QCOMPARE(room->messages()->rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerMode)
#include "tst_servermode.moc"
