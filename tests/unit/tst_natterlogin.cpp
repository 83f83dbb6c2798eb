// SessionManager with a natter-server profile against an in-process FakeNatterServer (the socket
// on FakeClock + FakeNetwork): a new session stores its token in the keychain, a stored token is
// resumed, refusals become LoginError NameTaken / BadName / BadPassword / Unreachable, the channel
// auth goes to the server's endpoint with the bearer token, and logout ends the session.
#include "FakeClock.h"
#include "FakeNatterServer.h"
#include "FakeTransport.h"
#include "Frames.h"
#include "FreePort.h"

#include "ChatSession.h"
#include "ProfileSecrets.h"
#include "SessionManager.h"

#include <chat/ChatController.h>
#include <chat/MessageRoute.h>
#include <chat/ProfileStore.h>
#include <chat/ServerMessageRoute.h>
#include <desktop/MemoryCredentialStore.h>
#include <notify/Origin.h>

#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using natter::chat::ChatController;
using natter::chat::ProfileStore;
using natter::chat::ServerProfile;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

struct Rig
{
    explicit Rig(const QUrl &serverUrl = {})
    {
        settings = std::make_unique<QSettings>(dir.filePath(S("natter.conf")), QSettings::IniFormat);
        profiles = std::make_unique<ProfileStore>(settings.get());
        secrets = std::make_unique<ProfileSecrets>(&store, settings.get());
        sessions = std::make_unique<SessionManager>(profiles.get(), secrets.get());
        sessions->setOutboxDirectory(dir.path());
        sessions->setTransport(&clock, net.factory());
        profile.name = S("team");
        profile.kind = ServerProfile::Kind::NatterServer;
        profile.serverUrl = (serverUrl.isEmpty() ? server.url() : serverUrl).toString();
        profiles->save(profile);
    }
    ~Rig() { sessions.reset(); }

    QTemporaryDir dir;
    FakeNatterServer server;
    FakeClock clock;
    FakeNetwork net;
    natter::desktop::MemoryCredentialStore store;
    ServerProfile profile;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ProfileStore> profiles;
    std::unique_ptr<ProfileSecrets> secrets;
    std::unique_ptr<SessionManager> sessions;
};

} // namespace

class TestNatterLogin : public QObject
{
    Q_OBJECT
private slots:
    void newSessionStoresTheTokenAndLogsIn()
    {
        Rig rig;
        rig.server.wsPort = 6543;
        QSignalSpy loggedIn(rig.sessions.get(), &SessionManager::loggedIn);
        QSignalSpy failed(rig.sessions.get(), &SessionManager::loginFailed);
        rig.sessions->login(S("team"), S("alice"), {S("lobby")});
        QTRY_VERIFY(rig.net.count() == 1); // /session, /config, then the socket
        QCOMPARE(rig.server.count(S("POST /session")), 1);
        QCOMPARE(rig.server.count(S("GET /session")), 0); // nothing stored yet
        QCOMPARE(rig.server.sessionCount(), 1);
        const QString key = rig.profile.tokenKey();
        QTRY_VERIFY(rig.store.contains(key));
        const QString token = rig.store.valueFor(key);
        QVERIFY(rig.server.hasSession(token));
        ChatSession *session = rig.sessions->session();
        QVERIFY(session);
        QVERIFY(qobject_cast<natter::chat::ServerMessageRoute *>(session->controller()->route()));
        QCOMPARE(session->controller()->userName(), S("alice"));
        const QString userId = rig.server.userIdOf(token);
        QCOMPARE(session->controller()->userId(), userId);
        QCOMPARE(rig.net.last()->url().port(), 6543); // from /config
        rig.net.last()->accept(S("1.1"));
        QTRY_COMPARE(rig.server.authRequests, QStringList{S("presence-lobby")});
        const auto authRequest = [&] {
            for (const auto &r : rig.server.http()->requests()) {
                if (r.path == "/pusher/auth")
                    return r;
            }
            return FakeHttpServer::Request();
        }();
        QCOMPARE(authRequest.header("Authorization"), QByteArray("Bearer ") + token.toUtf8());
        QVERIFY(authRequest.formValue(S("user_id")).isEmpty()); // the server knows who we are
        FakeClock::pumpEvents();
        rig.net.last()->serverSend(
            frames::presenceSucceeded(S("presence-lobby"), QJsonArray{userId},
                                      QJsonObject{{userId, QJsonObject{{S("name"), S("alice")}}}}));
        QTRY_COMPARE(loggedIn.size(), 1);
        QCOMPARE(failed.size(), 0);

        // Logout: DELETE /session, the token is forgotten, the name is free again.
        QSignalSpy loggedOut(rig.sessions.get(), &SessionManager::loggedOut);
        rig.sessions->logout();
        QCOMPARE(loggedOut.size(), 1);
        QTRY_COMPARE(rig.server.count(S("DELETE /session")), 1);
        QTRY_VERIFY(!rig.server.hasSession(token));
        QTRY_VERIFY(!rig.store.contains(key));
    }

    void roomsAreAuthorizedInOneBatch()
    {
        // /config says batch_auth: the rooms subscribed together cost one auth request.
        Rig rig;
        QSignalSpy loggedIn(rig.sessions.get(), &SessionManager::loggedIn);
        rig.sessions->login(S("team"), S("alice"), {S("lobby"), S("dev"), S("ops")});
        QTRY_VERIFY(rig.net.count() == 1);
        rig.net.last()->accept(S("1.1"));
        QTRY_COMPARE(rig.server.authRequests.size(), 3);
        QCOMPARE(rig.server.batchedAuthRequests, 1);
        QCOMPARE(rig.server.count(S("POST /pusher/auth")), 1);
        QStringList channels = rig.server.authRequests;
        channels.sort();
        QCOMPARE(channels, (QStringList{S("presence-dev"), S("presence-lobby"), S("presence-ops")}));
    }

    void notificationOriginIsTheServer()
    {
        // Not the (empty) host and key of the profile: the backend the user logged in to.
        ServerProfile profile;
        profile.kind = ServerProfile::Kind::NatterServer;
        profile.serverUrl = S("http://127.0.0.1:41234");
        QCOMPARE(natter::notify::originOf(profile), S("127.0.0.1:41234"));
        profile.serverUrl = S("https://chat.example.org/");
        QCOMPARE(natter::notify::originOf(profile), S("chat.example.org"));
    }

    void storedTokenIsResumed()
    {
        Rig rig;
        const QString token = rig.server.addSession(S("alice"));
        bool stored = false;
        rig.store.write(rig.profile.tokenKey(), token,
                        [&](const natter::desktop::CredentialStore::Result &) { stored = true; });
        QTRY_VERIFY(stored);
        rig.sessions->login(S("team"), S("alice"), {S("lobby")});
        QTRY_VERIFY(rig.net.count() == 1);
        QCOMPARE(rig.server.count(S("GET /session")), 1);
        QCOMPARE(rig.server.count(S("POST /session")), 0); // not a second session (409)
        QCOMPARE(rig.sessions->session()->controller()->userId(), rig.server.userIdOf(token));
    }

    // Another name's token (or an expired one) is not used: a new session for this name.
    void storedTokenOfAnotherNameStartsANewSession()
    {
        Rig rig;
        const QString token = rig.server.addSession(S("carol"));
        bool stored = false;
        rig.store.write(rig.profile.tokenKey(), token,
                        [&](const natter::desktop::CredentialStore::Result &) { stored = true; });
        QTRY_VERIFY(stored);
        rig.sessions->login(S("team"), S("alice"), {S("lobby")});
        QTRY_VERIFY(rig.net.count() == 1);
        QCOMPARE(rig.server.count(S("POST /session")), 1);
        QCOMPARE(rig.sessions->session()->controller()->userName(), S("alice"));
        QTRY_VERIFY(rig.store.valueFor(rig.profile.tokenKey()) != token);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<ChatController::LoginError>("error");
        QTest::newRow("name taken")
            << S("bob") << S("sesame") << ChatController::LoginError::NameTaken;
        QTest::newRow("bad name") << S("two words") << S("sesame")
                                  << ChatController::LoginError::BadName;
        QTest::newRow("bad password")
            << S("alice") << S("nope") << ChatController::LoginError::BadPassword;
    }

    void refusals()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(ChatController::LoginError, error);
        Rig rig;
        rig.server.joinPassword = S("sesame");
        rig.server.addSession(S("bob"));
        rig.sessions->setJoinPassword(password);
        QSignalSpy failed(rig.sessions.get(), &SessionManager::loginFailed);
        rig.sessions->login(S("team"), user, {S("lobby")});
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<ChatController::LoginError>(), error);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QVERIFY(!rig.sessions->isLoggingIn());
        QVERIFY(!rig.sessions->session());
        QCOMPARE(rig.net.count(), 0);
        QVERIFY(!rig.store.contains(rig.profile.tokenKey()));
    }

    void unreachable()
    {
        Rig rig(QUrl(S("http://127.0.0.1:%1").arg(FreePort::pick())));
        QSignalSpy failed(rig.sessions.get(), &SessionManager::loginFailed);
        rig.sessions->login(S("team"), S("alice"), {S("lobby")});
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<ChatController::LoginError>(),
                 ChatController::LoginError::Unreachable);
        QVERIFY(failed.first().at(1).toString().contains(S("127.0.0.1")));
    }

    void errorTexts()
    {
        for (auto e : {ChatController::LoginError::NameTaken, ChatController::LoginError::BadName,
                       ChatController::LoginError::BadPassword}) {
            const QString text = SessionManager::loginErrorText(e, S("bob"));
            QVERIFY(!text.isEmpty());
            QVERIFY(text.endsWith(u'.'));
        }
        QVERIFY(SessionManager::loginErrorText(ChatController::LoginError::NameTaken, S("bob"))
                    .contains(S("bob")));
    }
};

QTEST_MAIN(TestNatterLogin)
#include "tst_natterlogin.moc"
