#pragma once

#include <desktop/Notifier.h>

#include <QPointer>

namespace natter::ui {

class TrayIcon;

// The fallback when no notification server answers but a tray exists:
// QSystemTrayIcon::showMessage. One balloon at a time, no actions; a click on it counts as the
// default action of the notification shown last.
class TrayBalloonNotifier : public natter::desktop::Notifier
{
    Q_OBJECT
public:
    explicit TrayBalloonNotifier(TrayIcon *tray, QObject *parent = nullptr);

    natter::desktop::Notification *createNotification(const QString &icon, const QString &title,
                                                      const QString &body) override;
    QStringList capabilities() const override { return {QStringLiteral("body")}; }
    bool isAvailable() const override;
    QString backendName() const override { return QStringLiteral("tray"); }

private:
    friend class TrayBalloonNotification;
    QPointer<TrayIcon> m_tray;
    QPointer<natter::desktop::Notification> m_last;
};

} // namespace natter::ui
