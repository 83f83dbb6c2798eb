// NotificationCenter + the window, on a FakeNotifier: a permission request shows the prompt bar
// and its answer reaches the store; Do not disturb; the Notifications dialog lists origins with
// their state and changes / forgets them, and hides the tray options without a tray; its per-room
// mode boxes show and change NotificationPreferences, which persist.
#include "FakeClock.h"
#include "FakeNotifier.h"

#include "MainWindow.h"
#include "NotificationCenter.h"
#include "NotificationPromptBar.h"
#include "NotificationSettingsDialog.h"
#include "ProfileSecrets.h"
#include "SessionManager.h"
#include "TrayIcon.h"

#include <chat/ChatController.h>
#include <chat/Outbox.h>
#include <chat/ProfileStore.h>
#include <desktop/MemoryCredentialStore.h>
#include <notify/MessageNotifier.h>
#include <notify/NotificationPreferences.h>
#include <notify/PermissionStore.h>

#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using natter::notify::NotificationPreferences;
using natter::notify::Permission;
using natter::notify::RoomMode;
using natter::ui::NotificationCenter;
using natter::ui::NotificationSettingsDialog;

class TestNotificationCenter : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("n%1.conf").arg(++m_n)), QSettings::IniFormat);
        m_profiles = std::make_unique<natter::chat::ProfileStore>(m_settings.get());
        m_secrets = std::make_unique<natter::ui::ProfileSecrets>(&m_store, m_settings.get());
        m_sessions = std::make_unique<natter::ui::SessionManager>(m_profiles.get(), m_secrets.get());
        m_window = std::make_unique<natter::ui::MainWindow>(m_sessions.get(), m_profiles.get(),
                                                            m_secrets.get(), m_settings.get());
        m_tray = std::make_unique<natter::ui::TrayIcon>(m_window.get(), m_settings.get());
        m_center = std::make_unique<NotificationCenter>(
            m_settings.get(), m_sessions.get(), m_window.get(), m_tray.get(), &m_clock, &m_fake);
        m_window->show();
    }

    void cleanup()
    {
        m_center.reset();
        m_tray.reset();
        m_window.reset();
        m_sessions.reset();
        m_secrets.reset();
        m_profiles.reset();
        m_settings.reset();
    }

    void requestShowsThePromptAndTheAnswerIsStored()
    {
        auto *prompt = m_window->notificationPrompt();
        QVERIFY(prompt->isHidden());
        Permission answer = Permission::NotAsked;
        m_center->permissions()->requestPermission(QStringLiteral("h:1/k"),
                                                   [&](Permission p) { answer = p; });
        QVERIFY(prompt->isVisible());
        QCOMPARE(prompt->origin(), QStringLiteral("h:1/k"));
        prompt->allowButton()->click();
        QCOMPARE(answer, Permission::Allowed);
        QCOMPARE(m_center->permissions()->checkPermission(QStringLiteral("h:1/k")),
                 Permission::Allowed);
        QVERIFY(prompt->isHidden());
    }

    void doNotDisturb()
    {
        QVERIFY(!m_center->isDoNotDisturb());
        m_center->setDoNotDisturbFor(60 * 60 * 1000);
        QVERIFY(m_center->isDoNotDisturb());
        m_clock.advance(60 * 60 * 1000);
        QVERIFY(!m_center->isDoNotDisturb());
        m_center->setDoNotDisturbUntilTomorrow();
        QVERIFY(m_center->isDoNotDisturb());
        m_center->clearDoNotDisturb();
        QVERIFY(!m_center->isDoNotDisturb());
    }

    void settingsListChangeAndForgetOrigins()
    {
        auto *permissions = m_center->permissions();
        permissions->setPermission(QStringLiteral("a:1/k"), Permission::Allowed);
        permissions->setPermission(QStringLiteral("b:2/k"), Permission::Denied);
        NotificationSettingsDialog dialog(m_center.get(), m_tray.get(), nullptr, {},
                                          QStringLiteral("/usr/bin/natter"));
        QListWidget *list = dialog.originList();
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("a:1/k — allowed"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("b:2/k — blocked"));
        list->setCurrentRow(1);
        const auto buttons = dialog.findChildren<QPushButton *>();
        auto button = [&](const QString &text) {
            for (QPushButton *b : buttons) {
                if (b->text() == text)
                    return b;
            }
            return static_cast<QPushButton *>(nullptr);
        };
        QVERIFY(button(QStringLiteral("Allow")));
        button(QStringLiteral("Allow"))->click();
        QCOMPARE(permissions->checkPermission(QStringLiteral("b:2/k")), Permission::Allowed);
        QCOMPARE(list->item(1)->text(), QStringLiteral("b:2/k — allowed"));
        list->setCurrentRow(0);
        button(QStringLiteral("Forget"))->click();
        QCOMPARE(permissions->checkPermission(QStringLiteral("a:1/k")), Permission::NotAsked);
        QCOMPARE(list->count(), 1);
        // Offscreen has no tray: the tray-only options are not offered.
        QVERIFY(dialog.closeToTrayBox()->isHidden());
        QVERIFY(dialog.startMinimizedBox()->isHidden());
    }

    void roomModeBoxesChangeAndPersistPreferences()
    {
        const QString origin = QStringLiteral("h:1/k");
        natter::chat::Outbox outbox(m_dir.filePath(QStringLiteral("outbox%1.json").arg(m_n)));
        natter::chat::ChatController controller(&outbox);
        controller.joinRoom(QStringLiteral("lobby"));
        controller.joinRoom(QStringLiteral("dev"));
        NotificationPreferences *preferences = m_center->preferences();
        preferences->setRoomMode(origin, QStringLiteral("dev"), RoomMode::Muted);
        NotificationSettingsDialog dialog(m_center.get(), m_tray.get(), &controller, origin,
                                          QStringLiteral("/usr/bin/natter"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QComboBox *lobby = dialog.roomModeBox(QStringLiteral("lobby"));
        QComboBox *dev = dialog.roomModeBox(QStringLiteral("dev"));
        QVERIFY(lobby && dev);
        QCOMPARE(lobby->accessibleName(), QStringLiteral("Notifications for #lobby"));
        QCOMPARE(lobby->currentText(), QStringLiteral("All messages"));
        QCOMPARE(dev->currentText(), QStringLiteral("Muted"));

        // As the user does it: focus the box, arrow down to the next mode.
        QSignalSpy changed(preferences, &NotificationPreferences::roomModeChanged);
        lobby->setFocus();
        QTest::keyClick(lobby, Qt::Key_Down);
        QCOMPARE(lobby->currentText(), QStringLiteral("Mentions only"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(1).toString(), QStringLiteral("lobby"));
        QCOMPARE(preferences->roomMode(origin, QStringLiteral("lobby")), RoomMode::Mentions);
        QCOMPARE(preferences->roomMode(origin, QStringLiteral("dev")), RoomMode::Muted);
        // Per origin: the same room on another server keeps its own mode.
        QCOMPARE(preferences->roomMode(QStringLiteral("other:2/k"), QStringLiteral("lobby")),
                 RoomMode::All);
        dev->setFocus();
        QTest::keyClick(dev, Qt::Key_Up);
        QCOMPARE(preferences->roomMode(origin, QStringLiteral("dev")), RoomMode::Mentions);

        // Persisted: a fresh QSettings on the file reads them, and a new dialog shows them.
        m_settings->sync();
        QSettings reread(m_settings->fileName(), QSettings::IniFormat);
        NotificationPreferences fresh(&reread);
        QCOMPARE(fresh.roomMode(origin, QStringLiteral("lobby")), RoomMode::Mentions);
        QCOMPARE(fresh.roomMode(origin, QStringLiteral("dev")), RoomMode::Mentions);
        NotificationSettingsDialog again(m_center.get(), m_tray.get(), &controller, origin,
                                         QStringLiteral("/usr/bin/natter"));
        QCOMPARE(again.roomModeBox(QStringLiteral("lobby"))->currentText(),
                 QStringLiteral("Mentions only"));
    }

    void noticeWhenTheNotifierFails()
    {
        QVERIFY(m_center->notice().isEmpty());
        // One failed show with a backend that still works: a notice, the backend stays.
        emit m_center->messages()->notificationFailed(QStringLiteral("timed out"));
        QVERIFY(m_center->notice().contains(QStringLiteral("timed out")));
        QCOMPARE(m_center->notifier(), &m_fake);
        // A backend that cannot work (no server, and no tray here): the no-op, and a notice.
        m_fake.available = false;
        emit m_center->messages()->notificationFailed(QStringLiteral("no server"));
        QVERIFY(m_center->notice().contains(QStringLiteral("no server")));
        QCOMPARE(m_center->notifier()->backendName(), QStringLiteral("none"));
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    FakeClock m_clock;
    FakeNotifier m_fake;
    natter::desktop::MemoryCredentialStore m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<natter::chat::ProfileStore> m_profiles;
    std::unique_ptr<natter::ui::ProfileSecrets> m_secrets;
    std::unique_ptr<natter::ui::SessionManager> m_sessions;
    std::unique_ptr<natter::ui::MainWindow> m_window;
    std::unique_ptr<natter::ui::TrayIcon> m_tray;
    std::unique_ptr<NotificationCenter> m_center;
};

QTEST_MAIN(TestNotificationCenter)
#include "tst_notificationcenter.moc"
