#include "PermissionStore.h"

#include <QSettings>
#include <QUrl>

namespace natter::notify {

namespace {
const QString Group = QStringLiteral("notifications/origins");
}

PermissionStore::PermissionStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
}

PermissionStore::~PermissionStore() = default;

// Origins contain ':' and '/', which QSettings treats as separators; percent-encode them.
QString PermissionStore::keyFor(const QString &origin)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(origin));
}

Permission PermissionStore::checkPermission(const QString &origin) const
{
    const QString value = m_settings->value(Group + QLatin1Char('/') + keyFor(origin)).toString();
    if (value == QLatin1String("allowed"))
        return Permission::Allowed;
    if (value == QLatin1String("denied"))
        return Permission::Denied;
    return Permission::NotAsked;
}

void PermissionStore::requestPermission(const QString &origin, Callback callback)
{
    const Permission current = checkPermission(origin);
    if (current != Permission::NotAsked || m_putOff.contains(origin)) {
        if (callback)
            callback(current);
        return;
    }
    auto &queue = m_waiting[origin];
    queue.append(std::move(callback));
    if (queue.size() == 1)
        emit permissionRequested(origin);
}

void PermissionStore::answer(const QString &origin, Permission permission)
{
    if (permission == Permission::NotAsked)
        m_putOff.insert(origin);
    else
        setPermission(origin, permission);
    const QList<Callback> callbacks = m_waiting.take(origin);
    for (const auto &callback : callbacks) {
        if (callback)
            callback(permission);
    }
}

QStringList PermissionStore::origins() const
{
    m_settings->beginGroup(Group);
    const QStringList keys = m_settings->childKeys();
    m_settings->endGroup();
    QStringList result;
    for (const auto &key : keys)
        result << QUrl::fromPercentEncoding(key.toLatin1());
    result.sort();
    return result;
}

void PermissionStore::setPermission(const QString &origin, Permission permission)
{
    if (permission == Permission::NotAsked) {
        forget(origin);
        return;
    }
    if (checkPermission(origin) == permission)
        return;
    m_settings->setValue(Group + QLatin1Char('/') + keyFor(origin),
                         permission == Permission::Allowed ? QStringLiteral("allowed")
                                                           : QStringLiteral("denied"));
    m_putOff.remove(origin);
    emit permissionChanged(origin, permission);
}

void PermissionStore::forget(const QString &origin)
{
    const QString key = Group + QLatin1Char('/') + keyFor(origin);
    m_putOff.remove(origin);
    if (!m_settings->contains(key))
        return;
    m_settings->remove(key);
    emit permissionChanged(origin, Permission::NotAsked);
}

} // namespace natter::notify
