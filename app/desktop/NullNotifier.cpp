#include "NullNotifier.h"

#include "Notification.h"

namespace natter::desktop {

namespace {

class NullNotification : public Notification
{
public:
    using Notification::Notification;
    void show() override { reportFailed(QStringLiteral("no notification server and no tray")); }
    void close() override { reportClosed(CloseReason::Closed); }
};

} // namespace

Notification *NullNotifier::createNotification(const QString &icon, const QString &title,
                                               const QString &body)
{
    return new NullNotification(icon, title, body);
}

} // namespace natter::desktop
