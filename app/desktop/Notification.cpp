#include "Notification.h"

namespace natter::desktop {

Notification::Notification(const QString &icon, const QString &title, const QString &body,
                           QObject *parent)
    : QObject(parent)
    , m_icon(icon)
    , m_title(title)
    , m_body(body)
{
}

Notification::~Notification() = default;

void Notification::setContent(const QString &icon, const QString &title, const QString &body)
{
    m_icon = icon;
    m_title = title;
    m_body = body;
}

void Notification::reportDisplayed()
{
    m_shown = true;
    emit displayed();
}

void Notification::reportAction(const QString &name, const QByteArray &activationToken)
{
    if (name == QLatin1String(DefaultAction)) {
        m_activationToken = activationToken;
        emit clicked();
    }
    emit actionInvoked(name);
}

void Notification::reportReplied(const QString &text)
{
    emit replied(text);
}

void Notification::reportClosed(CloseReason reason)
{
    if (!m_shown)
        return;
    m_shown = false;
    emit closed(reason);
}

void Notification::reportFailed(const QString &why)
{
    m_shown = false;
    emit failed(why);
}

} // namespace natter::desktop
