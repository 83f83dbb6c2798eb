#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace natter::chat {

class ChatController;
class Room;

// The joined rooms of a ChatController, in join order. Rows appear and disappear as rooms are
// joined and left; unread and active changes emit dataChanged for that row.
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString, "lobby"
        UnreadRole, // int
        ActiveRole, // bool: the room the window shows
        MembersStaleRole, // bool
        MentionsRole, // int: unread messages that mention the user
    };

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Room *roomAt(int row) const;
    int rowOf(const QString &name) const;
    QModelIndex indexOf(const QString &name) const;

    // Called by ChatController; not for the UI.
    void addRoom(Room *room);
    void removeRoom(const QString &name);

private:
    void roomChanged(Room *room, const QList<int> &roles);

    QList<QPointer<Room>> m_rooms;
};

} // namespace natter::chat
