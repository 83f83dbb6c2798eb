#pragma once

#include <QDialog>
#include <QPointer>

#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;

namespace natter::desktop {
class Autostart;
}

namespace natter::chat {
class ChatController;
}

namespace natter::ui {

class NotificationCenter;
class TrayIcon;

// Notifications and background settings, non-modal: which origins may notify (change, forget),
// per-room modes (All / Mentions only / Muted) for the logged-in server, sound, Do not disturb,
// the tray options (only offered when a tray exists) and start at login. A notice says when
// notifications cannot be shown at all.
class NotificationSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // None is owned. `controller` may be null (logged out: no rooms listed).
    NotificationSettingsDialog(NotificationCenter *center, TrayIcon *tray,
                               natter::chat::ChatController *controller, const QString &origin,
                               const QString &program, QWidget *parent = nullptr);
    ~NotificationSettingsDialog() override;

    QListWidget *originList() const { return m_origins; }
    QComboBox *roomModeBox(const QString &room) const;
    QComboBox *doNotDisturbBox() const { return m_dnd; }
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    QCheckBox *startMinimizedBox() const { return m_startMinimized; }
    QCheckBox *autostartBox() const { return m_autostart; }
    QLabel *noticeLabel() const { return m_notice; }

private:
    void reloadOrigins();
    void reloadRooms();
    void updateTrayOptions();

    QPointer<NotificationCenter> m_center;
    QPointer<TrayIcon> m_tray;
    QPointer<natter::chat::ChatController> m_controller;
    QString m_origin;
    std::unique_ptr<natter::desktop::Autostart> m_autostartFile;
    QLabel *m_notice;
    QListWidget *m_origins;
    QPushButton *m_allow;
    QPushButton *m_block;
    QPushButton *m_forget;
    QFormLayout *m_rooms;
    QCheckBox *m_sound;
    QComboBox *m_dnd;
    QCheckBox *m_closeToTray;
    QCheckBox *m_startMinimized;
    QCheckBox *m_autostart;
    QLabel *m_autostartError;
};

} // namespace natter::ui
