#pragma once

#include <QHash>
#include <QPointer>

#include <QWidget>
#include <chat/ChatController.h>
#include <chat/Room.h>

class QLabel;
class QPushButton;
class QSplitter;

namespace natter::chat {
class ChatController;
class ProfileStore;
class Room;
} // namespace natter::chat

namespace natter::ui {

class Composer;
class MemberPanel;
class MessageView;
class RoomSidebar;

// The chat: rooms on the left, the open room's messages and the composer in the middle, Who's
// Online on the right. Drives a ChatController (not owned) through its public API only.
class ChatPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPage(QWidget *parent = nullptr);
    ~ChatPage() override;

    void setController(natter::chat::ChatController *controller); // nullptr: logged out
    // Where the unsent text of each room is kept across restarts (not owned; nullptr: only in
    // memory). Set before setController().
    void setDraftStore(natter::chat::ProfileStore *store, const QString &profile,
                       const QString &user);
    natter::chat::ChatController *controller() const { return m_controller; }

    QString currentRoom() const { return m_roomName; }
    natter::chat::Room *room() const { return m_room; }

    RoomSidebar *sidebar() const { return m_sidebar; }
    MessageView *messageView() const { return m_messages; }
    Composer *composer() const { return m_composer; }
    MemberPanel *memberPanel() const { return m_members; }
    QSplitter *splitter() const { return m_splitter; }

public slots:
    void showRoom(const QString &name);
    void joinRoom(const QString &name);
    void leaveRoom(const QString &name);
    void leaveCurrentRoom();
    void focusComposer();

signals:
    void currentRoomChanged(const QString &name); // empty: no room
    void linkActivated(const QUrl &url);

private:
    void send(const QString &text);
    void onRoomJoined(natter::chat::Room *room);
    void onRoomLeft(const QString &name);
    void updateRoomHeader();
    void onComposerText(const QString &text);
    QString draft(const QString &room) const;

    QPointer<natter::chat::ChatController> m_controller;
    QList<QMetaObject::Connection> m_controllerLinks;
    QPointer<natter::chat::Room> m_room;
    QList<QMetaObject::Connection> m_roomLinks;
    QString m_roomName;
    QHash<QString, QString> m_drafts; // room -> unsent text
    QPointer<natter::chat::ProfileStore> m_draftStore;
    QString m_draftProfile;
    QString m_draftUser;
    QString m_clientEventsMessage;
    QString m_confirmLeave; // asked to leave this room, which has unsent messages
    bool m_clientEventsDisabled = false;

    QSplitter *m_splitter;
    RoomSidebar *m_sidebar;
    QLabel *m_roomTitle;
    QLabel *m_roomError;
    QPushButton *m_retryRoom;
    MessageView *m_messages;
    Composer *m_composer;
    MemberPanel *m_members;
};

} // namespace natter::ui
