#include "NotificationPreferences.h"

#include <QSettings>
#include <QUrl>

namespace natter::notify {

NotificationPreferences::NotificationPreferences(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
}

QString NotificationPreferences::roomKey(const QString &origin, const QString &room)
{
    return QStringLiteral("notifications/rooms/")
        + QString::fromLatin1(QUrl::toPercentEncoding(origin + QLatin1Char(' ') + room));
}

RoomMode NotificationPreferences::roomMode(const QString &origin, const QString &room) const
{
    const QString value = m_settings->value(roomKey(origin, room)).toString();
    if (value == QLatin1String("mentions"))
        return RoomMode::Mentions;
    if (value == QLatin1String("muted"))
        return RoomMode::Muted;
    return RoomMode::All;
}

void NotificationPreferences::setRoomMode(const QString &origin, const QString &room, RoomMode mode)
{
    if (roomMode(origin, room) == mode)
        return;
    if (mode == RoomMode::All)
        m_settings->remove(roomKey(origin, room));
    else
        m_settings->setValue(roomKey(origin, room),
                             mode == RoomMode::Mentions ? QStringLiteral("mentions")
                                                        : QStringLiteral("muted"));
    emit roomModeChanged(origin, room, mode);
}

bool NotificationPreferences::soundEnabled() const
{
    return m_settings->value(QStringLiteral("notifications/sound"), true).toBool();
}

void NotificationPreferences::setSoundEnabled(bool enabled)
{
    m_settings->setValue(QStringLiteral("notifications/sound"), enabled);
}

} // namespace natter::notify
