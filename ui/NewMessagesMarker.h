#pragma once

#include <QObject>
#include <QPointer>

class QPushButton;

namespace natter::chat {
class MessageListModel;
class Room;
} // namespace natter::chat

namespace natter::ui {

class MessageView;

// The "New messages" line of the message pane. When a room with unread messages is opened, the
// line goes above the first of them (MessageListModel::setUnreadMarker) and the view scrolls to
// it. It stays while the room is shown and after switching away, until the user has read down to
// the newest message and then leaves the room. While the line is above the visible part, a
// "New messages" button at the top of the view, and Shift+Esc in the watched widgets, jump back
// to it.
class NewMessagesMarker : public QObject
{
    Q_OBJECT
public:
    explicit NewMessagesMarker(MessageView *view);

    // ChatPage calls these around a room switch. `firstUnreadId`: Room::firstUnreadId() taken
    // before the room was marked read (empty: nothing new).
    void leaveRoom(natter::chat::Room *room);
    void enterRoom(natter::chat::Room *room, const QString &firstUnreadId);
    // Shift+Esc in `widget` jumps to the line.
    void watchKeys(QWidget *widget);

    QPushButton *jumpButton() const { return m_jump; }
    // Row of the line's message in the view's model; -1 when none is shown.
    int viewRow() const;

public slots:
    // Shows the line's message at the top of the view (older rows loaded as needed).
    bool jump();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateButton();
    int sourceRow() const;

    MessageView *m_view;
    // Kept, not asked of m_view: the filter still sees events while the view is half destroyed
    // (UBSan: a member call on an object that is only a QWidget by then).
    QWidget *m_viewport;
    QPointer<natter::chat::MessageListModel> m_model;
    QList<QMetaObject::Connection> m_modelLinks;
    QPushButton *m_jump;
    bool m_updateQueued = false;
};

} // namespace natter::ui
