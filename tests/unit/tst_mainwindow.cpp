// The window with a SessionManager on FakeClock + FakeNetwork: the login page while connecting,
// failures inline, the chat page and title after login, rooms remembered, logout, settings
// opened non-modally, window state saved; a natter-server's join password asked for and handed
// to the login.
#include "FakeClock.h"
#include "FakeNatterServer.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "AboutDialog.h"
#include "ChatPage.h"
#include "ChatSession.h"
#include "ConnectionStatusBar.h"
#include "KeyboardShortcutsDialog.h"
#include "KeychainBanner.h"
#include "LoginPage.h"
#include "MainWindow.h"
#include "MemberPanel.h"
#include "ProfileEditor.h"
#include "ProfileSecrets.h"
#include "RoomPicker.h"
#include "SessionManager.h"
#include "SettingsDialog.h"

#include <chat/ChatController.h>
#include <chat/Outbox.h>
#include <chat/ProfileStore.h>
#include <desktop/MemoryCredentialStore.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

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
    Rig()
    {
        settings = std::make_unique<QSettings>(dir.filePath(S("natter.conf")), QSettings::IniFormat);
        profiles = std::make_unique<ProfileStore>(settings.get());
        secrets = std::make_unique<ProfileSecrets>(&store, settings.get());
        sessions = std::make_unique<SessionManager>(profiles.get(), secrets.get());
        sessions->setOutboxDirectory(dir.path());
        sessions->setTransport(&clock, net.factory());
        ServerProfile p;
        p.name = S("local");
        p.key = S("app-key");
        p.host = S("127.0.0.1");
        p.port = 6001;
        p.tls = false;
        p.authMode = ServerProfile::AuthMode::LocalSigning;
        sessions->setAdHocProfile(p, S("app-secret"));
        window = std::make_unique<MainWindow>(sessions.get(), profiles.get(), secrets.get(),
                                              settings.get());
        window->show();
    }
    ~Rig()
    {
        window.reset();
        sessions.reset();
    }
    void loginAs(const QString &user)
    {
        window->loginPage()->nameField()->clear();
        QTest::keyClicks(window->loginPage()->nameField(), user);
        QTest::mouseClick(window->loginPage()->loginButton(), Qt::LeftButton);
    }
    void acceptAndConfirm(const QString &user)
    {
        net.last()->accept(S("1.1"));
        FakeClock::pumpEvents();
        t()->serverSend(
            frames::presenceSucceeded(S("presence-lobby"), QJsonArray{user},
                                      QJsonObject{{user, QJsonObject{{S("name"), user}}}}));
        FakeClock::pumpEvents();
    }
    FakeTransport *t() const { return net.last(); }
    // Window shortcuts need the active window.
    void activate()
    {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the main window did not become active");
    }
    QAction *action(const char *name) const
    {
        return window->findChild<QAction *>(QString::fromLatin1(name));
    }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    natter::desktop::MemoryCredentialStore store;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ProfileStore> profiles;
    std::unique_ptr<ProfileSecrets> secrets;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<MainWindow> window;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    // A natter-server that wants a join password: the refusal shows the field, what is typed
    // there goes with the next login, never into the settings file.
    void joinPasswordReachesTheServer()
    {
        QTemporaryDir dir;
        FakeNatterServer server;
        server.joinPassword = S("sesame-7");
        FakeClock clock;
        FakeNetwork net;
        natter::desktop::MemoryCredentialStore store;
        const QString conf = dir.filePath(S("natter.conf"));
        auto settings = std::make_unique<QSettings>(conf, QSettings::IniFormat);
        ProfileStore profiles(settings.get());
        ProfileSecrets secrets(&store, settings.get());
        ServerProfile p;
        p.name = S("team");
        p.kind = ServerProfile::Kind::NatterServer;
        p.serverUrl = server.url().toString();
        profiles.save(p);
        auto sessions = std::make_unique<SessionManager>(&profiles, &secrets);
        sessions->setOutboxDirectory(dir.path());
        sessions->setTransport(&clock, net.factory());
        auto window = std::make_unique<MainWindow>(sessions.get(), &profiles, &secrets,
                                                   settings.get());
        window->show();
        LoginPage *login = window->loginPage();
        QCOMPARE(login->profileName(), S("team"));
        QVERIFY(!login->joinPasswordField()->isVisible());

        QTest::keyClicks(login->nameField(), S("alice"));
        QTest::keyClick(login->nameField(), Qt::Key_Return);
        QTRY_COMPARE(server.count(S("POST /session")), 1);
        QTRY_VERIFY(login->joinPasswordField()->isVisible()); // refused: bad_password
        QVERIFY(login->joinPasswordError()->text().contains(S("needs a join password")));
        QTRY_VERIFY(login->joinPasswordField()->hasFocus());

        QTest::keyClicks(login->joinPasswordField(), S("wrong"));
        QTest::keyClick(login->joinPasswordField(), Qt::Key_Return);
        QTRY_COMPARE(server.count(S("POST /session")), 2);
        QTRY_VERIFY(login->joinPasswordError()->text().contains(S("Wrong join password")));
        QCOMPARE(server.sessionCount(), 0);

        login->joinPasswordField()->clear();
        QTest::keyClicks(login->joinPasswordField(), S("sesame-7"));
        QTest::keyClick(login->joinPasswordField(), Qt::Key_Return);
        QTRY_COMPARE(server.sessionCount(), 1); // logged in: a session for alice
        QTRY_COMPARE(net.count(), 1); // and the socket after /config
        settings->sync();
        QFile file(conf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("sesame-7"));
        window.reset();
        sessions.reset();
    }

    void outboxInUseIsShown()
    {
        Rig rig;
        // Another Natter (here: another Outbox object) holds alice's outbox on "local".
        natter::chat::Outbox other(
            QDir(rig.dir.path()).filePath(ChatSession::outboxFileName(S("local"), S("alice"))));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("Another Natter")));
        rig.loginAs(S("alice"));
        rig.acceptAndConfirm(S("alice"));
        QCOMPARE(rig.window->page(), MainWindow::Page::Chat);
        KeychainBanner *banner = rig.window->outboxBanner();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->label()->textFormat(), Qt::PlainText);
        QCOMPARE(banner->label()->text(),
                 S("Another Natter is using the outbox of alice on local; unsent messages of "
                   "this window are not kept."));
        QVERIFY(!banner->settingsButton()->isVisible());
        // bob's outbox is free: no warning for his session.
        rig.sessions->logout();
        rig.loginAs(S("bob"));
        QVERIFY(!banner->isVisible());
        QVERIFY(rig.sessions->session()->outbox()->isPersistent());
        // Logging in again at once: the old session (deleted later) has handed the file over.
        rig.sessions->logout();
        rig.sessions->login(S("local"), S("bob"));
        QVERIFY(rig.sessions->session());
        QVERIFY(!banner->isVisible());
        QVERIFY(rig.sessions->session()->outbox()->isPersistent());
    }

    void loginThenChat()
    {
        Rig rig;
        QCOMPARE(rig.window->windowTitle(), S("Natter"));
        QCOMPARE(rig.window->page(), MainWindow::Page::Login);
        QCOMPARE(rig.window->loginPage()->profileName(), S("local"));
        rig.loginAs(S("alice"));
        QVERIFY(rig.window->loginPage()->isBusy());
        QVERIFY(rig.window->loginPage()->busyIndicator()->isVisible());
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(rig.window->page(), MainWindow::Page::Login);
        rig.acceptAndConfirm(S("alice"));
        QCOMPARE(rig.window->page(), MainWindow::Page::Chat);
        QCOMPARE(rig.window->windowTitle(), S("Natter — #lobby — alice"));
        QVERIFY(rig.window->connectionBar()->isVisible());
        QCOMPARE(rig.window->connectionBar()->accessibleName(), S("Connection status"));
        QCOMPARE(rig.window->connectionBar()->textLabel()->text(), S("Connected"));
        QCOMPARE(rig.profiles->rooms(S("local"), S("alice")), QStringList{S("lobby")});
        QCOMPARE(rig.profiles->lastUser(), S("alice"));

        // Joining a room is remembered, so is the open room.
        rig.window->chatPage()->joinRoom(S("dev"));
        QCOMPARE(rig.profiles->rooms(S("local"), S("alice")), (QStringList{S("lobby"), S("dev")}));
        QCOMPARE(rig.profiles->lastRoom(S("local"), S("alice")), S("dev"));
        QCOMPARE(rig.window->windowTitle(), S("Natter — #dev — alice"));

        // Ctrl+K: the room picker.
        rig.window->openRoomPicker();
        QVERIFY(rig.window->roomPicker()->isVisible());
        QTest::keyClicks(rig.window->roomPicker()->filterField(), S("lob"));
        QTest::keyClick(rig.window->roomPicker()->filterField(), Qt::Key_Return);
        QVERIFY(!rig.window->roomPicker()->isVisible());
        QCOMPARE(rig.window->chatPage()->currentRoom(), S("lobby"));

        // The connection drops: the status bar offers Retry now.
        rig.t()->fail();
        QVERIFY(rig.window->connectionBar()->textLabel()->text().startsWith(S("Reconnecting")));
        QVERIFY(rig.window->connectionBar()->retryButton()->isVisible());

        // Log out: back to the login page.
        rig.sessions->logout();
        QCOMPARE(rig.window->page(), MainWindow::Page::Login);
        QCOMPARE(rig.window->windowTitle(), S("Natter"));
    }

    void restoredRoomsAndLastRoom()
    {
        Rig rig;
        rig.profiles->setRooms(S("local"), S("bob"), {S("lobby"), S("dev")});
        rig.profiles->setLastRoom(S("local"), S("bob"), S("dev"));
        rig.loginAs(S("bob"));
        rig.net.last()->accept(S("1.1"));
        FakeClock::pumpEvents();
        // dev is shown first, so it is subscribed first and login waits for it.
        rig.t()->serverSend(frames::presenceSucceeded(S("presence-dev"), QJsonArray{S("bob")},
                                                      QJsonObject{{S("bob"), QJsonObject{}}}));
        FakeClock::pumpEvents();
        QCOMPARE(rig.window->page(), MainWindow::Page::Chat);
        QCOMPARE(rig.window->chatPage()->currentRoom(), S("dev"));
        QCOMPARE(rig.sessions->session()->controller()->rooms().size(), 2);
    }

    void loginFailureInline()
    {
        Rig rig;
        rig.loginAs(S("alice"));
        rig.t()->serverOpen();
        rig.t()->serverClose(4001, S("App key app-key does not exist."));
        FakeClock::pumpEvents();
        LoginPage *login = rig.window->loginPage();
        QCOMPARE(rig.window->page(), MainWindow::Page::Login);
        QVERIFY(!login->isBusy());
        QVERIFY(login->errorBox()->isVisible());
        QCOMPARE(login->errorHint()->text(),
                 LoginPage::hintFor(natter::chat::ChatController::LoginError::BadKey));
        QVERIFY(!rig.sessions->session());
    }

    void cancelWhileConnecting()
    {
        Rig rig;
        rig.loginAs(S("alice"));
        QVERIFY(rig.window->loginPage()->cancelButton()->isVisible());
        QTest::mouseClick(rig.window->loginPage()->cancelButton(), Qt::LeftButton);
        QVERIFY(!rig.window->loginPage()->isBusy());
        QVERIFY(!rig.sessions->session());
        QVERIFY(!rig.sessions->isLoggingIn());
    }

    void missingSecretIsAProblemNotACrash()
    {
        Rig rig;
        ServerProfile p;
        p.name = S("saved");
        p.key = S("k");
        p.host = S("h");
        p.authMode = ServerProfile::AuthMode::LocalSigning;
        rig.profiles->save(p);
        rig.window->loginPage()->setProfiles(rig.sessions->profileNames(), S("saved"));
        rig.loginAs(S("alice"));
        QTRY_VERIFY(rig.window->loginPage()->errorBox()->isVisible());
        QVERIFY(rig.window->loginPage()->errorText()->text().contains(S("No app secret")));
        QCOMPARE(rig.net.count(), 0);
    }

    void settingsOpenNonModal()
    {
        Rig rig;
        rig.window->openSettings();
        QVERIFY(rig.window->settingsDialog());
        QVERIFY(rig.window->settingsDialog()->isVisible());
        QVERIFY(!rig.window->settingsDialog()->isModal());
        // The keychain banner of the window appears when the keychain fails.
        emit rig.secrets->keychainUnavailable(S("locked"));
        QVERIFY(rig.window->keychainBanner()->isVisible());
        QVERIFY(rig.window->settingsDialog()->banner()->isVisible());
    }

    void windowStateIsSaved()
    {
        QTemporaryDir dir;
        QByteArray saved;
        {
            Rig rig;
            rig.window->resize(777, 555);
            rig.window->close();
            saved = rig.settings->value(S("window/geometry")).toByteArray();
            QVERIFY(!saved.isEmpty());
            QVERIFY(rig.settings->contains(S("window/splitter")));
        }
    }

    // Issue 12, defect 14: Help has the keyboard shortcuts and About (versions, licence);
    // Settings is Ctrl+, and Leave Room has a shortcut.
    void helpMenuAndShortcuts()
    {
        Rig rig;
        QAction *settings = rig.action("settingsAction");
        QVERIFY(settings);
        QVERIFY(settings->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        QAction *leave = rig.action("leaveRoomAction");
        QVERIFY(leave);
        QVERIFY(!leave->shortcut().isEmpty());

        QAction *keys = rig.action("keyboardShortcutsAction");
        QVERIFY(keys);
        keys->trigger();
        auto *shortcuts = rig.window->findChild<KeyboardShortcutsDialog *>();
        QVERIFY(shortcuts);
        QVERIFY(shortcuts->isVisible());
        QVERIFY(!shortcuts->isModal());
        const auto entries = shortcuts->entries();
        const auto has = [&](const QString &what, const QKeySequence &key) {
            for (const auto &[description, sequence] : entries) {
                if (description.contains(what)
                    && sequence.contains(key.toString(QKeySequence::NativeText)))
                    return true;
            }
            return false;
        };
        QVERIFY(has(S("Jump to Room"), QKeySequence(Qt::CTRL | Qt::Key_K)));
        QVERIFY(has(S("Settings"), QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        QVERIFY(has(S("Leave Room"), leave->shortcut()));
        QVERIFY(has(S("Who's Online"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)));
        QVERIFY(has(S("room"), QKeySequence(Qt::ALT | Qt::Key_Up)));

        QAction *about = rig.action("aboutAction");
        QVERIFY(about);
        about->trigger();
        auto *dialog = rig.window->findChild<AboutDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        const QString versions = dialog->versionsLabel()->text();
        QVERIFY2(versions.contains(S("Qt ") + QString::fromLatin1(qVersion())),
                 qPrintable(versions));
        QVERIFY2(versions.contains(QRegularExpression(S("libnotify \\d+\\.\\d+"))),
                 qPrintable(versions));
        QVERIFY2(versions.contains(QRegularExpression(S("simdjson \\d+\\.\\d+"))),
                 qPrintable(versions));
        QVERIFY(dialog->licenceLabel()->text().contains(S("Licence")));
        QCOMPARE(dialog->licenceLabel()->textFormat(), Qt::PlainText);
    }

    // Issue 12, defect 14: the unread messages of the other rooms are in the title.
    void titleShowsUnreadTotal()
    {
        Rig rig;
        rig.profiles->setRooms(S("local"), S("alice"), {S("lobby"), S("dev")});
        rig.profiles->setLastRoom(S("local"), S("alice"), S("lobby"));
        rig.loginAs(S("alice"));
        rig.acceptAndConfirm(S("alice"));
        rig.t()->serverSend(frames::presenceSucceeded(
            S("presence-dev"), QJsonArray{S("alice"), S("bob")},
            QJsonObject{{S("alice"), QJsonObject{}}, {S("bob"), QJsonObject{}}}));
        FakeClock::pumpEvents();
        QCOMPARE(rig.window->chatPage()->currentRoom(), S("lobby"));
        QCOMPARE(rig.window->windowTitle(), S("Natter — #lobby — alice"));
        for (int i = 1; i <= 3; ++i) {
            rig.t()->serverSend(frames::frame(
                S("client-message"),
                QJsonObject{{S("id"), S("d%1").arg(i)}, {S("text"), S("in dev %1").arg(i)}},
                S("presence-dev"), S("bob")));
        }
        FakeClock::pumpEvents();
        QCOMPARE(rig.window->windowTitle(), S("(3) Natter — #lobby — alice"));
        rig.window->chatPage()->showRoom(S("dev"));
        QCOMPARE(rig.window->windowTitle(), S("Natter — #dev — alice"));
    }

    // Issue 12, defect 6: Who's Online can be put away (Ctrl+Shift+M), and stays away.
    void membersPanelToggleIsRemembered()
    {
        Rig rig;
        QVERIFY(rig.window->minimumWidth() >= 480);
        QVERIFY(rig.window->minimumHeight() >= 320);
        rig.window->resize(1200, 800);
        rig.loginAs(S("alice"));
        rig.acceptAndConfirm(S("alice"));
        rig.activate();
        MemberPanel *panel = rig.window->chatPage()->memberPanel();
        QTRY_VERIFY(panel->isVisible());
        QAction *toggle = rig.action("toggleMembersAction");
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
        QTest::keyClick(rig.window.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!panel->isVisible());
        QVERIFY(!toggle->isChecked());
        QCOMPARE(rig.settings->value(S("window/membersPanel")).toBool(), false);

        MainWindow again(rig.sessions.get(), rig.profiles.get(), rig.secrets.get(),
                         rig.settings.get());
        again.restoreWindowState();
        QVERIFY(!again.findChild<QAction *>(S("toggleMembersAction"))->isChecked());

        QTest::keyClick(rig.window.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(panel->isVisible());
        QCOMPARE(rig.settings->value(S("window/membersPanel")).toBool(), true);
    }

    // Issue 12, defect 5: the profile made from --host/--port/--key is in Settings, marked, and
    // "Open Settings" on its login error opens it (not another profile).
    void commandLineProfileInSettings()
    {
        Rig rig;
        ServerProfile saved;
        saved.name = S("another");
        saved.key = S("other-key");
        saved.host = S("example.org");
        rig.profiles->save(saved);
        QCOMPARE(rig.window->loginPage()->profileName(), S("local"));
        emit rig.window->loginPage()->settingsRequested();
        SettingsDialog *dialog = rig.window->settingsDialog();
        QVERIFY(dialog);
        QListWidget *list = dialog->profileList();
        QList<QString> rows;
        for (int i = 0; i < list->count(); ++i)
            rows << list->item(i)->text();
        QVERIFY2(rows.contains(S("local (from the command line)")), qPrintable(rows.join(u'|')));
        QVERIFY(rows.contains(S("another")));
        QCOMPARE(list->currentItem()->text(), S("local (from the command line)"));
        QCOMPARE(dialog->editor()->hostField()->text(), S("127.0.0.1"));
        QCOMPARE(dialog->editor()->keyField()->text(), S("app-key"));
        QVERIFY(!dialog->removeButton()->isEnabled()); // nothing stored to remove
        QVERIFY(dialog->statusLabel()->text().contains(S("command line")));

        // The saved one is still a click away, and removable.
        list->setCurrentRow(rows.indexOf(S("another")));
        QCOMPARE(dialog->editor()->hostField()->text(), S("example.org"));
        QVERIFY(dialog->removeButton()->isEnabled());
        rig.window->openSettings(S("local"));
        QCOMPARE(list->currentItem()->text(), S("local (from the command line)"));
    }

    // Issue 12, defect 10: Ctrl+K offers to join a room that is not joined, and says when
    // nothing matches.
    void roomPickerOffersToJoin()
    {
        Rig rig;
        rig.loginAs(S("alice"));
        rig.acceptAndConfirm(S("alice"));
        RoomPicker *picker = rig.window->roomPicker();
        rig.window->openRoomPicker();
        auto *join = picker->findChild<QPushButton *>(S("roomPickerJoin"));
        auto *noMatch = picker->findChild<QLabel *>(S("roomPickerNoMatch"));
        QVERIFY(join);
        QVERIFY(noMatch);
        QVERIFY(!join->isVisible());
        QVERIFY(!noMatch->isVisible());

        QTest::keyClicks(picker->filterField(), S("lobby"));
        QCOMPARE(picker->view()->model()->rowCount(), 1);
        QVERIFY(!join->isVisible()); // joined already
        QVERIFY(!noMatch->isVisible());

        picker->filterField()->clear();
        QTest::keyClicks(picker->filterField(), S("a b"));
        QVERIFY(noMatch->isVisible());
        QVERIFY(noMatch->text().contains(S("a b")));
        QVERIFY(!join->isVisible()); // not a room name

        picker->filterField()->clear();
        QTest::keyClicks(picker->filterField(), S("dev"));
        QCOMPARE(picker->view()->model()->rowCount(), 0);
        QVERIFY(noMatch->isVisible());
        QVERIFY(join->isVisible());
        QCOMPARE(join->text(), S("Join #dev"));
        QTest::keyClick(picker->filterField(), Qt::Key_Return);
        QVERIFY(!picker->isVisible());
        QCOMPARE(rig.window->chatPage()->currentRoom(), S("dev"));
        QVERIFY(rig.sessions->session()->controller()->room(S("dev")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
