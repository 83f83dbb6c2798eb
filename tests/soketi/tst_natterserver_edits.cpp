// Edit and delete in natter-server mode against the real natter-server and soketi: alice's
// edit and delete (PATCH / DELETE through ServerMessageRoute) reach bob live as the server's
// message_edited / message_deleted, bob cannot change alice's message (403), and carol, who
// logs in afterwards, gets the edited text and the deleted placeholder from history. An edit
// made offline survives a restart and reaches bob; one the server refuses (404: the message was
// deleted meanwhile) ends failed and stays so.
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

    // A restart of Natter: the controller and outbox go, new ones open the same file.
    void restart()
    {
        const QString file = outbox->filePath();
        chat.reset();
        outbox.reset();
        outbox = std::make_unique<Outbox>(file);
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

    void offlineEditSurvivesARestart()
    {
        QNetworkAccessManager network;
        User dave(&network, m_server->url(), m_dir.path(), S("dave"));
        QVERIFY2(dave.error.isEmpty(), qPrintable(dave.error));
        User erin(&network, m_server->url(), m_dir.path(), S("erin"));
        QVERIFY2(erin.error.isEmpty(), qPrintable(erin.error));
        Room *d = dave.login();
        QVERIFY(d);
        const QString edited = dave.chat->send(S("lobby"), S("helo offline"));
        const QString gone = dave.chat->send(S("lobby"), S("deleted elsewhere"));
        QTRY_VERIFY_WITH_TIMEOUT(dave.outbox->isEmpty(), kWait);
        const qint64 goneServerId = d->messages()->at(d->messages()->rowOf(gone)).serverId;
        QVERIFY(goneServerId > 0);

        dave.chat->stop();
        QString error;
        QVERIFY2(dave.chat->editMessage(edited, S("hello offline"), &error), qPrintable(error));
        QVERIFY2(dave.chat->editMessage(gone, S("too late"), &error), qPrintable(error));
        // Meanwhile dave's other device deletes the second one: the edit of it will be refused.
        bool done = false;
        dave.api.deleteMessage(S("lobby"), goneServerId, {},
                               [&](const NatterServerApi::Failure &f, const auto &) {
                                   QVERIFY2(f.ok(), qPrintable(f.message));
                                   done = true;
                               });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
        dave.restart();
        QCOMPARE(dave.outbox->editCount(), 2);

        Room *e = erin.login();
        QVERIFY(e);
        QTRY_VERIFY_WITH_TIMEOUT(e->messages()->rowOf(edited) >= 0, kWait);
        QCOMPARE(e->messages()->at(e->messages()->rowOf(edited)).text, S("helo offline"));

        QSignalSpy failed(dave.chat.get(), &ChatController::editFailed);
        d = dave.login();
        QVERIFY(d);
        // erin applies it only because the server stamps it with dave's user id (the author's).
        QTRY_COMPARE_WITH_TIMEOUT(e->messages()->at(e->messages()->rowOf(edited)).text,
                                  S("hello offline"), kWait);
        QVERIFY(e->messages()->at(e->messages()->rowOf(edited)).editedAt.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait);
        QCOMPARE(failed.first().at(1).toString(), gone);
        QTRY_VERIFY_WITH_TIMEOUT(!dave.outbox->edit(edited), kWait);
        QCOMPARE(d->messages()->at(d->messages()->rowOf(edited)).text, S("hello offline"));
        QCOMPARE(d->messages()->at(d->messages()->rowOf(edited)).state, ChatMessage::State::Sent);
        QCOMPARE(dave.outbox->edit(gone)->state, ChatMessage::State::Failed);
        QCOMPARE(d->messages()->at(d->messages()->rowOf(gone)).state, ChatMessage::State::Failed);
        // Refused for good: the next start does not send it again.
        dave.restart();
        QSignalSpy failedAgain(dave.chat.get(), &ChatController::editFailed);
        d = dave.login();
        QVERIFY(d);
        QTest::qWait(1000);
        QCOMPARE(failedAgain.size(), 0);
        QCOMPARE(dave.outbox->edit(gone)->state, ChatMessage::State::Failed);
        QVERIFY(dave.chat->discard(gone));
        QCOMPARE(dave.outbox->editCount(), 0);
        QVERIFY(d->messages()->at(d->messages()->rowOf(gone)).deleted); // as the server has it
        dave.chat->stop();
        erin.chat->stop();
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
