#pragma once

#include "CommandLine.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QSettings;

namespace natter::chat {
class ProfileStore;
}

namespace natter::desktop {
class FallbackCredentialStore;
class NetworkMonitor;
class SingleInstance;
} // namespace natter::desktop

namespace natter::ui {

class MainWindow;
class NotificationCenter;
class NotificationSettingsDialog;
class ProfileSecrets;
class SessionManager;
class TrayIcon;
class UnreadBadge;

// Builds and owns everything one run needs, from the parsed command line: settings and
// profiles, the keychain (with its in-memory fallback), the session manager, reachability and
// resume checks, the single-instance guard and the window. Created in main(); nothing global.
class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(const CommandLine::Options &options, QObject *parent = nullptr);
    ~AppContext() override;

    // False: the same profile and user already run in another Natter, which was asked to come
    // to the front; this one should exit. Always true with --new-instance.
    bool acquireInstance();
    // Why the options cannot be used with the saved settings (an unknown --profile), in one
    // line; empty when they can.
    QString optionsProblem() const;
    // Shows the window, and logs in directly when --user and --room were given.
    void start();

    // Saves the window state (on quit).
    void shutdown();

    MainWindow *window() const { return m_window.get(); }
    TrayIcon *tray() const { return m_tray.get(); }
    NotificationCenter *notifications() const { return m_notifications.get(); }
    SessionManager *sessions() const { return m_sessions; }

private:
    QString profileToUse() const;
    void openNotificationSettings();

    CommandLine::Options m_options;
    std::unique_ptr<QSettings> m_settings;
    natter::chat::ProfileStore *m_profiles;
    natter::desktop::FallbackCredentialStore *m_credentials;
    ProfileSecrets *m_secrets;
    SessionManager *m_sessions;
    natter::desktop::NetworkMonitor *m_monitor;
    std::unique_ptr<natter::desktop::SingleInstance> m_instance;
    std::unique_ptr<MainWindow> m_window;
    // After the window: they refer to it, so they go first.
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<NotificationCenter> m_notifications;
    std::unique_ptr<UnreadBadge> m_unread;
    QPointer<NotificationSettingsDialog> m_notificationSettings;
};

} // namespace natter::ui
