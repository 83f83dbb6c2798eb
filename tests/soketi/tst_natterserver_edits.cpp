// Edit and delete in natter-server mode against the real natter-server and soketi: alice's
// edit and delete (PATCH / DELETE through ServerMessageRoute) reach bob live as the server's
// message_edited / message_deleted, bob cannot change alice's message (403), and carol, who
// logs in afterwards, gets the edited text and the deleted placeholder from history.
#include "ServerRig.h"

#include "chat/ChatController.h"
#include "chat/MessageListModel.h"
#include "chat/NatterServerApi.h"
#include "chat/Outbox.h"
#include "chat/Room.h"
#include "chat/ServerMessageRoute.h"

#include <pusher/HttpAuthorizer.h>

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;

namespace {

constexpr int kWait = 20000;

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

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
        chat->start(config.connectionOptions(), auth.get(), session.userId, session.userName);
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
    std::unique_ptr<natter::pusher::HttpAuthorizer> auth;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat; // after what it uses
    QString error;
};

} // namespace

class TestNatterServerEdits : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
        m_server = m_rig.startServer();
        QVERIFY2(m_server, qPrintable(m_rig.error()));
    }

    void editAndDeleteThroughTheServer()
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

        const QString id = alice.chat->send(S("lobby"), S("helo"));
        const QString kept = alice.chat->send(S("lobby"), S("to be deleted"));
        QTRY_COMPARE_WITH_TIMEOUT(b->messages()->rowCount(), 2, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(alice.outbox->isEmpty(), kWait);
        QVERIFY(!bob.chat->canEdit(id));
        QString error;
        QVERIFY(!bob.chat->editMessage(id, S("bob was here"), &error));

        QVERIFY2(alice.chat->editMessage(id, S("hello"), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(b->messages()->at(b->messages()->rowOf(id)).text, S("hello"),
                                  kWait);
        QVERIFY(b->messages()->at(b->messages()->rowOf(id)).editedAt.isValid());
        QCOMPARE(a->messages()->at(a->messages()->rowOf(id)).text, S("hello"));

        // The server refuses bob's PATCH of alice's message.
        bool done = false;
        NatterServerApi::Failure refused;
        bob.api.editMessage(S("lobby"), b->messages()->at(b->messages()->rowOf(id)).serverId,
                            S("bob was here"), {},
                            [&](const NatterServerApi::Failure &f, const auto &) {
                                refused = f;
                                done = true;
                            });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
        QCOMPARE(refused.status, 403);

        QVERIFY2(alice.chat->deleteMessage(kept, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(b->messages()->at(b->messages()->rowOf(kept)).deleted, kWait);
        QVERIFY(b->messages()->at(b->messages()->rowOf(kept)).text.isEmpty());

        // A later login reads both changes from history.
        User carol(&network, m_server->url(), m_dir.path(), S("carol"));
        QVERIFY2(carol.error.isEmpty(), qPrintable(carol.error));
        Room *c = carol.login();
        QVERIFY(c);
        QTRY_COMPARE_WITH_TIMEOUT(c->messages()->rowCount(), 2, kWait);
        QCOMPARE(c->messages()->at(0).text, S("hello"));
        QVERIFY(c->messages()->at(0).editedAt.isValid());
        QVERIFY(c->messages()->at(1).deleted);
        QVERIFY(c->messages()->at(1).text.isEmpty());
        // Nobody saw bob's attempt.
        QCOMPARE(a->messages()->at(a->messages()->rowOf(id)).text, S("hello"));
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

QTEST_GUILESS_MAIN(TestNatterServerEdits)
#include "tst_natterserver_edits.moc"
