#pragma once

#include <desktop/LauncherBadge.h>

#include <QObject>
#include <QPointer>

class QAbstractItemModel;

namespace natter::ui {

class TrayIcon;

// The unread total over a session's rooms (RoomListModel's unread role), shown on the tray icon
// and as the launcher badge.
class UnreadBadge : public QObject
{
    Q_OBJECT
public:
    explicit UnreadBadge(TrayIcon *tray, QObject *parent = nullptr);

    // The controller's RoomListModel; nullptr: logged out (zero).
    void setRooms(QAbstractItemModel *rooms);
    int total() const { return m_total; }
    const natter::desktop::LauncherBadge &launcherBadge() const { return m_badge; }

signals:
    void totalChanged(int total);

private:
    void recount();

    QPointer<TrayIcon> m_tray;
    QPointer<QAbstractItemModel> m_rooms;
    QList<QMetaObject::Connection> m_links;
    natter::desktop::LauncherBadge m_badge;
    int m_total = -1;
};

} // namespace natter::ui
