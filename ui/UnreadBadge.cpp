#include "UnreadBadge.h"

#include "TrayIcon.h"

#include <chat/RoomListModel.h>

namespace natter::ui {

UnreadBadge::UnreadBadge(TrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_tray(tray)
{
    recount();
}

void UnreadBadge::setRooms(QAbstractItemModel *rooms)
{
    for (const auto &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_rooms = rooms;
    if (rooms) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            m_links << connect(rooms, signal, this, &UnreadBadge::recount);
        m_links << connect(rooms, &QAbstractItemModel::dataChanged, this, &UnreadBadge::recount)
                << connect(rooms, &QAbstractItemModel::modelReset, this, &UnreadBadge::recount)
                << connect(rooms, &QObject::destroyed, this, &UnreadBadge::recount);
    }
    recount();
}

void UnreadBadge::recount()
{
    int total = 0;
    if (m_rooms) {
        for (int row = 0; row < m_rooms->rowCount(); ++row)
            total += m_rooms->index(row, 0).data(natter::chat::RoomListModel::UnreadRole).toInt();
    }
    if (total == m_total)
        return;
    m_total = total;
    if (m_tray)
        m_tray->setUnread(total);
    m_badge.setCount(total);
    emit totalChanged(total);
}

} // namespace natter::ui
