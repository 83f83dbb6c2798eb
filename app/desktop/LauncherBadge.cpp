#include "LauncherBadge.h"

#include <QCryptographicHash>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QVariantMap>

namespace natter::desktop {

LauncherBadge::LauncherBadge(const QString &desktopFile)
    : m_uri(QStringLiteral("application://") + desktopFile)
{
    // Any path works for the listeners; a per-app one keeps two apps' signals apart.
    m_path = QStringLiteral("/com/canonical/unity/launcherentry/")
        + QString::fromLatin1(
                 QCryptographicHash::hash(m_uri.toUtf8(), QCryptographicHash::Md5).toHex());
}

void LauncherBadge::setCount(int count)
{
    count = qMax(0, count);
    if (count == m_count)
        return;
    m_count = count;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage signal = QDBusMessage::createSignal(
        m_path, QStringLiteral("com.canonical.Unity.LauncherEntry"), QStringLiteral("Update"));
    signal << m_uri
           << QVariantMap{{QStringLiteral("count"), qint64(count)},
                          {QStringLiteral("count-visible"), count > 0}};
    bus.send(signal);
}

} // namespace natter::desktop
