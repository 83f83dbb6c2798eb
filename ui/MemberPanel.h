#pragma once

#include <QPointer>

#include <QWidget>
#include <chat/Room.h>

class QLabel;
class QListView;

namespace natter::chat {
class Room;
}

namespace natter::ui {

class MemberProxyModel;

// "Who's Online (N)": the room's members sorted by name, you marked "(you)". While the
// connection is down the last known list stays, greyed, with "reconnecting…" in the header.
class MemberPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MemberPanel(QWidget *parent = nullptr);

    void setRoom(natter::chat::Room *room); // nullptr: empty
    QLabel *header() const { return m_header; }
    QListView *view() const { return m_view; }
    MemberProxyModel *proxy() const { return m_proxy; }

private:
    void refresh();

    QPointer<natter::chat::Room> m_room;
    QList<QMetaObject::Connection> m_links;
    QLabel *m_header;
    QLabel *m_state;
    QListView *m_view;
    MemberProxyModel *m_proxy;
};

} // namespace natter::ui
