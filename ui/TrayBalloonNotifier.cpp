#include "TrayBalloonNotifier.h"

#include "TrayIcon.h"

#include <desktop/Notification.h>

#include <QSystemTrayIcon>

namespace natter::ui {

class TrayBalloonNotification : public natter::desktop::Notification
{
public:
    TrayBalloonNotification(TrayBalloonNotifier *notifier, const QString &icon,
                            const QString &title, const QString &body)
        : Notification(icon, title, body)
        , m_notifier(notifier)
    {
    }

    void show() override
    {
        QSystemTrayIcon *icon = m_notifier && m_notifier->m_tray ? m_notifier->m_tray->icon()
                                                                 : nullptr;
        if (!icon) {
            reportFailed(QStringLiteral("no system tray"));
            return;
        }
        QString text = body();
        if (!origin().isEmpty())
            text += QLatin1Char('\n') + origin();
        icon->showMessage(title(), text, QSystemTrayIcon::Information, 10000);
        m_notifier->m_last = this;
        if (!m_clickLink)
            m_clickLink = connect(icon, &QSystemTrayIcon::messageClicked, this, [this] {
                if (m_notifier && m_notifier->m_last == this)
                    reportAction(QLatin1String(DefaultAction));
            });
        reportDisplayed();
    }

    void close() override { reportClosed(CloseReason::Closed); }

private:
    QPointer<TrayBalloonNotifier> m_notifier;
    QMetaObject::Connection m_clickLink;
};

TrayBalloonNotifier::TrayBalloonNotifier(TrayIcon *tray, QObject *parent)
    : Notifier(parent)
    , m_tray(tray)
{
    connect(tray, &TrayIcon::availableChanged, this, &Notifier::availabilityChanged);
}

natter::desktop::Notification *TrayBalloonNotifier::createNotification(const QString &icon,
                                                                       const QString &title,
                                                                       const QString &body)
{
    return new TrayBalloonNotification(this, icon, title, body);
}

bool TrayBalloonNotifier::isAvailable() const
{
    return m_tray && m_tray->isAvailable() && QSystemTrayIcon::supportsMessages();
}

} // namespace natter::ui
