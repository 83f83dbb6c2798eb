// Natter in natter-server mode against the real natter-server and a real soketi: two
// ChatControllers with ServerMessageRoute chat both ways (sent by POST, delivered as the
// server's new_message, sender signed by the server), and a gap fill: bob's socket is cut and
// kept down while alice sends 50 messages; after bob is back he has all 50, in order, once.
#include "ServerRig.h"

#include "chat/ChatController.h"
#include "chat/MessageListModel.h"
#include "chat/NatterServerApi.h"
#include "chat/Outbox.h"
#include "chat/Room.h"
#include "chat/ServerMessageRoute.h"

#include <pusher/Connection.h>
#include <pusher/HttpAuthorizer.h>
#include <pusher/SystemClock.h>
#include <pusher/WebSocketTransport.h>

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using natter::pusher::ConnectionOptions;
using natter::pusher::Transport;

namespace {

constexpr int kWait = 20000;

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The real WebSocket transport, which the test can cut as a network failure would (closed
// 1006), and keep from connecting while `blocked`.
class CuttableTransport : public Transport
{
    Q_OBJECT
public:
    CuttableTransport(const ConnectionOptions &options, const bool *blocked)
        : m_inner(std::make_unique<natter::pusher::WebSocketTransport>(options))
        , m_blocked(blocked)
    {
        connect(m_inner.get(), &Transport::opened, this, &Transport::opened);
        connect(m_inner.get(), &Transport::textReceived, this, &Transport::textReceived);
        connect(m_inner.get(), &Transport::malformedReceived, this, &Transport::malformedReceived);
        connect(m_inner.get(), &Transport::closed, this, &Transport::closed);
    }
    void open(const QUrl &url) override
    {
        if (*m_blocked) {
            QMetaObject::invokeMethod(
                this, [this] { emit closed(1006, S("blocked by the test"), Failure::Network); },
                Qt::QueuedConnection);
            return;
        }
        m_inner->open(url);
    }
    bool sendText(const QString &text) override { return m_inner->sendText(text); }
    void abort() override { m_inner->abort(); }
    void cut()
    {
        m_inner->abort();
        emit closed(1006, S("cut by the test"), Failure::Network);
    }

private:
    std::unique_ptr<natter::pusher::WebSocketTransport> m_inner;
    const bool *m_blocked;
};

// One Natter user logged in through natter-server.
struct User
{
    User(QNetworkAccessManager *network, const QUrl &server, const QString &dirPath,
         const QString &name)
        : api(network, server)
        , route(&api)
    {
        bool done = false;
        NatterServerApi::Failure failure;
        api.createSession(
            name, {}, [&](const NatterServerApi::Failure &f, const NatterServerApi::Session &s) {
                failure = f;
                session = s;
                done = true;
            });
        if (!QTest::qWaitFor([&] { return done; }, kWait) || !failure.ok()) {
            error = S("session: ") + failure.message;
            return;
        }
        done = false;
        api.fetchConfig([&](const NatterServerApi::Failure &f, const NatterServerApi::Config &c) {
            failure = f;
            config = c;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, kWait) || !failure.ok()) {
            error = S("config: ") + failure.message;
            return;
        }
        natter::pusher::HttpAuthorizerOptions options;
        options.channelEndpoint = config.authEndpoint;
        options.headersProvider = [this] {
            return QList<QPair<QByteArray, QByteArray>>{
                {QByteArrayLiteral("Authorization"), api.authorizationHeader()}};
        };
        auth = std::make_unique<natter::pusher::HttpAuthorizer>(network, options);
        outbox = std::make_unique<Outbox>(dirPath + u'/' + name + S(".jsonl"));
        chat = std::make_unique<ChatController>(outbox.get());
        chat->setRoute(&route);
    }

    Room *login()
    {
        Room *room = chat->joinRoom(S("lobby"));
        QSignalSpy loggedIn(chat.get(), &ChatController::loggedIn);
        chat->start(config.connectionOptions(), auth.get(), session.userId, session.userName,
                    &clock, [this](const ConnectionOptions &o) -> std::unique_ptr<Transport> {
                        auto t = std::make_unique<CuttableTransport>(o, &blocked);
                        transport = t.get();
                        return t;
                    });
        if (!loggedIn.wait(kWait))
            return nullptr;
        if (!QTest::qWaitFor([room] { return !room->isFetchingHistory(); }, kWait))
            return nullptr;
        return room;
    }

    NatterServerApi api;
    ServerMessageRoute route;
    NatterServerApi::Session session;
    NatterServerApi::Config config;
    natter::pusher::SystemClock clock;
    std::unique_ptr<natter::pusher::HttpAuthorizer> auth;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat; // after what it uses
    QPointer<CuttableTransport> transport;
    bool blocked = false;
    QString error;
};

} // namespace

class TestNatterServerChat : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
        // 50 messages in a row are this test's point, not the rate limit's.
        m_server = m_rig.startServer({S("--rate-limit"), S("1000/10")});
        QVERIFY2(m_server, qPrintable(m_rig.error()));
    }

    void chatBothWaysAndGapFill()
    {
        QNetworkAccessManager network;
        User alice(&network, m_server->url(), m_dir.path(), S("alice"));
        QVERIFY2(alice.error.isEmpty(), qPrintable(alice.error));
        User bob(&network, m_server->url(), m_dir.path(), S("bob"));
        QVERIFY2(bob.error.isEmpty(), qPrintable(bob.error));
        Room *a = alice.login();
        QVERIFY(a);
        Room *b = bob.login();
        QVERIFY(b);

        QSignalSpy bobGot(bob.chat.get(), &ChatController::messageReceived);
        const QString id = alice.chat->send(S("lobby"), S("hi bob, through the server"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(bobGot.size(), 1, kWait);
        const ChatMessage got = bobGot.first().at(1).value<ChatMessage>();
        QCOMPARE(got.text, S("hi bob, through the server"));
        QCOMPARE(got.senderName, S("alice"));
        QCOMPARE(got.senderId, alice.session.userId);
        QVERIFY(got.senderVerified);
        QVERIFY(got.serverId > 0);
        QCOMPARE(got.id, id); // the client_id: the same message on both sides
        QTRY_COMPARE_WITH_TIMEOUT(int(a->messages()->at(a->messages()->rowOf(id)).state),
                                  int(ChatMessage::State::Sent), kWait);
        QCOMPARE(a->messages()->at(a->messages()->rowOf(id)).serverId, got.serverId);
        QVERIFY(!alice.outbox->contains(id));

        QSignalSpy aliceGot(alice.chat.get(), &ChatController::messageReceived);
        const QString reply = bob.chat->send(S("lobby"), S("hello alice"));
        QTRY_COMPARE_WITH_TIMEOUT(aliceGot.size(), 1, kWait);
        QCOMPARE(aliceGot.first().at(1).value<ChatMessage>().senderName, S("bob"));
        QTRY_COMPARE_WITH_TIMEOUT(int(b->messages()->at(b->messages()->rowOf(reply)).state),
                                  int(ChatMessage::State::Sent), kWait);
        QCOMPARE(a->messages()->rowCount(), 2);
        QCOMPARE(b->messages()->rowCount(), 2);

        // Bob's socket dies and stays down while alice sends 50 messages.
        QSignalSpy fetched(bob.chat.get(), &ChatController::messagesFetched);
        bob.blocked = true;
        QVERIFY(bob.transport);
        bob.transport->cut();
        QTRY_VERIFY_WITH_TIMEOUT(!bob.chat->connection()->isConnected(), kWait);
        QStringList sentIds;
        for (int i = 0; i < 50; ++i)
            sentIds << alice.chat->send(S("lobby"), S("while you were away %1").arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(alice.outbox->isEmpty(), kWait);
        QCOMPARE(b->messages()->rowCount(), 2);
        const int unreadBefore = b->unread();
        bob.blocked = false;
        bob.chat->connection()->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(b->isSubscribed(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(b->messages()->rowCount(), 52, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!b->isFetchingHistory(), kWait);
        QTest::qWait(500); // nothing more may arrive (no duplicates from a late delivery)
        QCOMPARE(b->messages()->rowCount(), 52);
        for (int i = 0; i < 50; ++i) {
            const ChatMessage &m = b->messages()->at(2 + i);
            QCOMPARE(m.text, S("while you were away %1").arg(i));
            QCOMPARE(m.id, sentIds.at(i));
            QVERIFY(m.serverId > b->messages()->at(1 + i).serverId);
            QCOMPARE(m.senderName, S("alice"));
        }
        QCOMPARE(b->unread() - unreadBefore, 50);
        int announced = 0;
        for (const auto &args : fetched)
            announced += int(args.at(1).value<QList<ChatMessage>>().size());
        QCOMPARE(announced, 50);
        QCOMPARE(a->messages()->rowCount(), 52);
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

private:
    QTemporaryDir m_dir;
    ServerRig m_rig;
    std::unique_ptr<NatterServerProcess> m_server;
};

QTEST_GUILESS_MAIN(TestNatterServerChat)
#include "tst_natterserver_chat.moc"
