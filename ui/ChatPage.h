#pragma once

#include <QHash>
#include <QPointer>

#include <QWidget>
#include <chat/ChatController.h>
#include <chat/Room.h>

class QLabel;
class QPushButton;
class QSplitter;
class QKeyEvent;
class QStackedWidget;

namespace natter::chat {
class ChatController;
class NatterServerApi;
class ProfileStore;
class Room;
} // namespace natter::chat

namespace natter::ui {

class Composer;
class MemberPanel;
class MessageFindBar;
class MentionCompleter;
class NewMessagesMarker;
class MessageView;
class OwnMessageEditor;
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
    // Shown instead of the messages when no room is joined: offers to join one.
    QWidget *noRoomPanel() const { return m_noRoom; }

    // Who's Online as the user wants it (Ctrl+Shift+M). It is also hidden while no room is
    // shown and while the page is too narrow for it, without changing this choice.
    void setMembersPanelWanted(bool wanted);
    bool membersPanelWanted() const { return m_membersWanted; }
    // Below this page width Who's Online steps aside for the conversation.
    static constexpr int MembersMinPageWidth = 760;

    // Find in room (Ctrl+F), above the conversation.
    MessageFindBar *findBar() const { return m_findBar; }
    // natter-server mode: the find bar also searches the room's history there (null: not).
    void setServerApi(natter::chat::NatterServerApi *api);
    MentionCompleter *mentionCompleter() const { return m_mentionCompleter; }
    NewMessagesMarker *newMessagesMarker() const { return m_newMessages; }

public slots:
    void showRoom(const QString &name);
    void joinRoom(const QString &name);
    void leaveRoom(const QString &name);
    void leaveCurrentRoom();
    void focusComposer();
    // Alt+Up / Alt+Down: the room above or below in the room list (no wrap-around).
    void showAdjacentRoom(int step);
    // The next message sent replies to this one (of the room shown): the composer's reply bar.
    void replyTo(const QString &messageId);

signals:
    void currentRoomChanged(const QString &name); // empty: no room
    void linkActivated(const QUrl &url);

protected:
    bool focusNextPrevChild(bool next) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QList<QWidget *> focusChain() const;
    bool composerKey(QKeyEvent *event);
    void fitPanels();
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
    bool m_membersWanted = true;
    int m_sidebarWidth = -1; // the room list's width when there is room for it; -1: not shown yet

    QSplitter *m_splitter;
    RoomSidebar *m_sidebar;
    QLabel *m_roomTitle;
    QLabel *m_roomError;
    QPushButton *m_retryRoom;
    QStackedWidget *m_centerStack;
    QWidget *m_noRoom;
    QPushButton *m_noRoomJoin;
    MessageView *m_messages;
    Composer *m_composer;
    MemberPanel *m_members;
    MentionCompleter *m_mentionCompleter;
    NewMessagesMarker *m_newMessages;
    MessageFindBar *m_findBar;
    OwnMessageEditor *m_ownEditor = nullptr; // Edit / Delete of our messages, Up to edit

public:
    OwnMessageEditor *ownMessageEditor() const { return m_ownEditor; }
};

} // namespace natter::ui
