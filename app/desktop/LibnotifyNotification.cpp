#include "LibnotifyNotification.h"

#include "LibnotifyNotifier.h"

namespace natter::desktop {

LibnotifyNotification::LibnotifyNotification(LibnotifyNotifier *notifier, quint64 id,
                                             const QString &icon, const QString &title,
                                             const QString &body)
    : Notification(icon, title, body)
    , m_notifier(notifier)
    , m_id(id)
{
}

LibnotifyNotification::~LibnotifyNotification()
{
    if (m_notifier)
        m_notifier->requestForget(m_id);
}

void LibnotifyNotification::show()
{
    if (m_notifier)
        m_notifier->requestShow(this);
    else
        reportFailed(QStringLiteral("the notifier is gone"));
}

void LibnotifyNotification::close()
{
    if (m_notifier)
        m_notifier->requestClose(m_id);
}

} // namespace natter::desktop
