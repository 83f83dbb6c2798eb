#pragma once

#include <QMainWindow>
#include <QPointer>

#include "ChatSession.h"
#include "SettingsDialog.h"

class QAction;
class QSettings;
class QStackedWidget;

namespace natter::chat {
class ProfileStore;
}

namespace natter::ui {

class AboutDialog;
class ChatPage;
class ChatSession;
class ConnectionStatusBar;
class DevToolsWindow;
class KeyboardShortcutsDialog;
class KeychainBanner;
class LoginPage;
class MessageAppearance;
class NotificationPromptBar;
class ProfileSecrets;
class RoomPicker;
class SessionManager;
class SettingsDialog;

// The window. It composes the pages (login, chat), the keychain banner and the status bar, and
// connects them to the SessionManager; the pages do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Login, Chat };

    // None is owned. `uiSettings` keeps geometry and splitter sizes.
    MainWindow(SessionManager *sessions, natter::chat::ProfileStore *profiles,
               ProfileSecrets *secrets, QSettings *uiSettings, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page page() const { return m_page; }
    LoginPage *loginPage() const { return m_login; }
    ChatPage *chatPage() const { return m_chat; }
    ConnectionStatusBar *connectionBar() const { return m_statusBar; }
    KeychainBanner *keychainBanner() const { return m_banner; }
    // The session's outbox cannot keep unsent messages (file in use by another Natter, write
    // errors, unreadable lines set aside).
    KeychainBanner *outboxBanner() const { return m_outboxBanner; }
    NotificationPromptBar *notificationPrompt() const { return m_prompt; }
    SettingsDialog *settingsDialog() const { return m_settings; }
    RoomPicker *roomPicker() const { return m_picker; }
    // Null until first opened.
    DevToolsWindow *devTools() const { return m_devTools; }
    KeyboardShortcutsDialog *shortcutsDialog() const;
    AboutDialog *aboutDialog() const;
    // View → Who's Online (Ctrl+Shift+M), remembered in the UI settings.
    QAction *membersPanelAction() const { return m_membersAction; }
    // The unread messages of all rooms, as the title shows them: "(3) Natter — …".
    int unreadTotal() const;
    // View → Zoom and Compact Mode of the conversation, remembered in the UI settings.
    MessageAppearance *messageAppearance() const { return m_appearance; }

    void restoreWindowState();
    void saveWindowState();

public slots:
    void raiseAndActivate();
    void openSettings(const QString &profile = {});
    void openRoomPicker();
    void openDevTools();
    void openShortcuts();
    void openAbout();
    void refreshProfiles();

signals:
    void pageChanged(natter::ui::MainWindow::Page page);
    void notificationSettingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void showPage(Page page);
    void onLoggedIn(ChatSession *session);
    void onSessionChanged(ChatSession *session);
    void updateTitle();

    SessionManager *m_sessions;
    natter::chat::ProfileStore *m_profiles;
    ProfileSecrets *m_secrets;
    QSettings *m_uiSettings;
    QPointer<ChatSession> m_session;
    Page m_page = Page::Login;

    QStackedWidget *m_stack;
    LoginPage *m_login;
    ChatPage *m_chat;
    KeychainBanner *m_banner;
    KeychainBanner *m_outboxBanner;
    QMetaObject::Connection m_outboxErrors;
    NotificationPromptBar *m_prompt;
    ConnectionStatusBar *m_statusBar;
    RoomPicker *m_picker;
    QPointer<SettingsDialog> m_settings;
    DevToolsWindow *m_devTools = nullptr;
    QPointer<KeyboardShortcutsDialog> m_shortcuts;
    QPointer<AboutDialog> m_about;
    QList<QAction *> m_chatActions;
    QList<QAction *> m_shortcutActions; // listed in Help → Keyboard Shortcuts
    QAction *m_logout = nullptr;
    QAction *m_membersAction = nullptr;
    QList<QMetaObject::Connection> m_unreadLinks;
    MessageAppearance *m_appearance = nullptr;
};

} // namespace natter::ui
