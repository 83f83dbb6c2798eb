#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QSettings;

namespace natter::desktop {
class Notifier;
}

namespace natter::notify {
class MessageNotifier;
class NotificationPreferences;
class PermissionStore;
} // namespace natter::notify

namespace natter::pusher {
class Clock;
}

namespace natter::ui {

class ChatSession;
class MainWindow;
class SessionManager;
class TrayIcon;

// Connects desktop notifications to the window: picks the backend (libnotify; a tray balloon when
// no notification server answers; nothing, with a notice, when there is neither), feeds the
// session's messages to the MessageNotifier, shows the permission prompt, and turns notification
// actions into window actions (open the room, mark read, reply through the outbox).
class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    // None is owned. `clock`/`notifier`: tests (a FakeClock, a FakeNotifier); by default the
    // system clock and libnotify. `tray` (may be null) is the balloon fallback.
    NotificationCenter(QSettings *settings, SessionManager *sessions, MainWindow *window,
                       TrayIcon *tray = nullptr, natter::pusher::Clock *clock = nullptr,
                       natter::desktop::Notifier *notifier = nullptr, QObject *parent = nullptr);
    ~NotificationCenter() override;

    natter::notify::PermissionStore *permissions() const { return m_permissions; }
    natter::notify::NotificationPreferences *preferences() const { return m_preferences; }
    natter::notify::MessageNotifier *messages() const { return m_messages; }
    natter::desktop::Notifier *notifier() const;
    // Empty while notifications work; else why they do not, for Settings.
    QString notice() const { return m_notice; }

    // "Do not disturb" for a while, until tomorrow (local time), or off.
    void setDoNotDisturbFor(qint64 ms);
    void setDoNotDisturbUntilTomorrow();
    void clearDoNotDisturb();
    bool isDoNotDisturb() const;

signals:
    void noticeChanged(const QString &notice);
    void doNotDisturbChanged(bool on);

private:
    void onSession(ChatSession *session);
    void updateFocusedRoom();
    void useFallback(const QString &why);
    void markRead(const QString &room);

    QPointer<SessionManager> m_sessions;
    QPointer<MainWindow> m_window;
    QPointer<TrayIcon> m_tray;
    std::unique_ptr<natter::pusher::Clock> m_ownClock;
    std::unique_ptr<natter::desktop::Notifier> m_ownNotifier;
    std::unique_ptr<natter::desktop::Notifier> m_fallback;
    natter::notify::PermissionStore *m_permissions;
    natter::notify::NotificationPreferences *m_preferences;
    natter::notify::MessageNotifier *m_messages;
    QPointer<ChatSession> m_session;
    QString m_notice;
};

} // namespace natter::ui
