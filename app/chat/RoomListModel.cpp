#include "RoomListModel.h"

#include "Room.h"

namespace natter::chat {

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    // Quietly empty for an out-of-range index (a view racing a removal), not a warning.
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rooms.size())
        return {};
    const Room *room = m_rooms.at(index.row());
    if (!room)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return room->name();
    case UnreadRole:
        return room->unread();
    case ActiveRole:
        return room->isActive();
    case MembersStaleRole:
        return room->membersStale();
    case MentionsRole:
        return room->mentions();
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    auto roles = QAbstractListModel::roleNames();
    roles.insert(NameRole, "name");
    roles.insert(UnreadRole, "unread");
    roles.insert(ActiveRole, "active");
    roles.insert(MembersStaleRole, "membersStale");
    roles.insert(MentionsRole, "mentions");
    return roles;
}

Room *RoomListModel::roomAt(int row) const
{
    return row >= 0 && row < m_rooms.size() ? m_rooms.at(row).data() : nullptr;
}

int RoomListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms.at(i) && m_rooms.at(i)->name() == name)
            return i;
    }
    return -1;
}

QModelIndex RoomListModel::indexOf(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? QModelIndex() : index(row);
}

void RoomListModel::addRoom(Room *room)
{
    if (!room || rowOf(room->name()) >= 0)
        return;
    const int row = int(m_rooms.size());
    beginInsertRows({}, row, row);
    m_rooms.append(room);
    endInsertRows();
    connect(room, &Room::unreadChanged, this, [this, room] { roomChanged(room, {UnreadRole}); });
    connect(room, &Room::activeChanged, this, [this, room] { roomChanged(room, {ActiveRole}); });
    connect(room, &Room::membersStaleChanged, this,
            [this, room] { roomChanged(room, {MembersStaleRole}); });
    connect(room, &Room::mentionsChanged, this, [this, room] { roomChanged(room, {MentionsRole}); });
    // A room deleted without removeRoom() (controller teardown) must not leave a dangling row.
    connect(room, &QObject::destroyed, this, [this, name = room->name()] { removeRoom(name); });
}

void RoomListModel::removeRoom(const QString &name)
{
    int row = rowOf(name);
    if (row < 0) {
        // The room is being destroyed (its QPointer is already null): drop null rows.
        row = int(m_rooms.indexOf(QPointer<Room>()));
        if (row < 0)
            return;
    }
    if (Room *room = m_rooms.at(row))
        room->disconnect(this);
    beginRemoveRows({}, row, row);
    m_rooms.removeAt(row);
    endRemoveRows();
}

void RoomListModel::roomChanged(Room *room, const QList<int> &roles)
{
    const int row = int(m_rooms.indexOf(QPointer<Room>(room)));
    if (row < 0)
        return;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, roles);
}

} // namespace natter::chat
