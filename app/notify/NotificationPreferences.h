#pragma once

#include "RoomMode.h"

#include <QObject>

class QSettings;

namespace natter::notify {

// The user's notification choices that outlive a run: per-room modes (per origin, since two
// servers may have rooms of the same name) and whether notifications make a sound.
class NotificationPreferences : public QObject
{
    Q_OBJECT
public:
    explicit NotificationPreferences(QSettings *settings, QObject *parent = nullptr);

    RoomMode roomMode(const QString &origin, const QString &room) const;
    void setRoomMode(const QString &origin, const QString &room, RoomMode mode);
    bool soundEnabled() const;
    void setSoundEnabled(bool enabled);

signals:
    void roomModeChanged(const QString &origin, const QString &room, natter::notify::RoomMode mode);

private:
    static QString roomKey(const QString &origin, const QString &room);
    QSettings *m_settings;
};

} // namespace natter::notify
