#pragma once

#include "ChatMessage.h"

#include <pusher/ConnectionOptions.h>
#include <pusher/Transport.h>

#include <QObject>
#include <QPointer>

#include <memory>

namespace natter::pusher {
class Authorizer;
class Client;
class Clock;
class Connection;
} // namespace natter::pusher

namespace natter::chat {

class ConnectionStatus;
class MessageRoute;
class Outbox;
class Room;
class RoomListModel;

// The chat session of one user on one server: connects, joins rooms (presence channels), sends
// messages as client events through a persistent outbox, receives them into the rooms' models.
// No widgets here; the window drives it through this API and its signals.
class ChatController : public QObject
{
    Q_OBJECT
public:
    // NameTaken, BadName, BadPassword: a natter-server refused the session (POST /session).
    enum class LoginError {
        Unreachable,
        AuthRefused,
        BadKey,
        Tls,
        BadResponse,
        Other,
        NameTaken,
        BadName,
        BadPassword
    };
    Q_ENUM(LoginError)

    static constexpr int MaxMessageLength = 2000; // characters, as typed
    static constexpr int MaxRoomNameLength = 40;

    // `outbox` is not owned. clock/factory default to the real ones (tests pass fakes).
    ChatController(Outbox *outbox, QObject *parent = nullptr);
    ~ChatController() override;

    // How messages are sent and where history comes from. Null (the default): client events
    // (serverless, ClientEventRoute). A ServerMessageRoute for a natter-server. Not owned; set it
    // while stopped, before start().
    void setRoute(MessageRoute *route);
    MessageRoute *route() const;

    // Connects as userId/userName; loggedIn() once connected and the first room is subscribed,
    // loginRetrying() while that is delayed by something that may pass, or loginFailed() with
    // the reason when it cannot work as configured (the controller is stopped then). The authorizer
    // is not owned and must outlive the session. Rooms joined before start() are subscribed now, and
    // so are rooms that still have messages in the outbox (they are shown and re-sent in order).
    void start(const natter::pusher::ConnectionOptions &options,
               natter::pusher::Authorizer *authorizer, const QString &userId,
               const QString &userName, natter::pusher::Clock *clock = nullptr,
               natter::pusher::TransportFactory factory = {});
    // Disconnects; rooms and their messages stay (greyed), pending messages stay in the outbox.
    void stop();
    bool isStarted() const;
    bool isLoggedIn() const;
    natter::pusher::Client *client() const;
    natter::pusher::Connection *connection() const; // null while stopped
    // The status of the current connection (follows start/stop); owned by the controller.
    ConnectionStatus *status() const;
    Outbox *outbox() const { return m_outbox; }
    QString userId() const { return m_userId; }
    QString userName() const { return m_userName; }

    // Rooms: "lobby" -> presence-lobby. Name: letters, digits, - and _ (validateRoomName).
    static QString validateRoomName(const QString &name);
    // Returns the room (the existing one when already joined), or nullptr with `error` set.
    Room *joinRoom(const QString &name, QString *error = nullptr);
    // Unsubscribes and forgets the room. Its unsent messages are discarded from the outbox
    // (they can no longer be delivered): check pendingCount() first to warn the user.
    void leaveRoom(const QString &name);
    // A room whose subscription failed (Room::lastError()) tries again; its unsent messages are
    // kept and go out once it is subscribed. False when there is nothing to retry.
    bool retryRoom(const QString &name);
    Room *room(const QString &name) const;
    QList<Room *> rooms() const;
    RoomListModel *roomList() const { return m_roomList; }
    // Makes `name` the active (visible) room and every other one inactive; empty: none.
    void setActiveRoom(const QString &name);
    Room *activeRoom() const;
    // Messages of the room still in the outbox (pending or failed), and our edits and deletes
    // of its sent messages not yet taken by the server.
    int pendingCount(const QString &room) const;

    // Empty when `text` can be sent, else why not (empty, too long).
    static QString validateMessage(const QString &text);
    // Queues the message (outbox, persisted) and shows it as pending; sent in order when
    // connected. Returns the new message id, or empty with `error` set (empty text, too long).
    QString send(const QString &room, const QString &text, QString *error = nullptr);
    // The same, as a reply to the message `replyTo` (its id; empty: not a reply).
    QString sendReply(const QString &room, const QString &text, const QString &replyTo,
                      QString *error = nullptr);
    // A Failed message goes back to Pending and is queued again; false if it is not Failed.
    // The same for a message whose edit or delete failed: the change is sent again.
    bool retry(const QString &messageId);
    // Removes a Failed (or not yet queued) message from its room and the outbox; false when the
    // message is already on its way (queued in the connection) or unknown. For a message whose
    // edit or delete is pending or failed (not on its way): the change is dropped and the
    // message shown as it was.
    bool discard(const QString &messageId);
    void notifyTyping(const QString &room); // throttled client-typing
    // Fetches the page of history before the oldest message shown (Room::loadingOlder while it
    // runs, Room::hasOlder after). False when the mode has no history or nothing is to fetch.
    bool loadOlder(const QString &room);

    // Editing and deleting our own messages (ChatControllerEdits.cpp). A sent message changes
    // for everybody (client-edit / client-delete, or the natter-server's PATCH / DELETE) and at
    // once here, marked Pending until the server has it (Sent). The change is kept in the outbox
    // (OutboxEdit), so it survives a restart and is sent when connected. A refusal marks the
    // message Failed (retry() / discard()) and emits editFailed(); it is not tried again by
    // itself. One not sent yet just changes in the outbox (delete: discard).
    bool canEdit(const QString &messageId) const;
    // Our newest message in the room that can be edited (Up in an empty composer), or empty.
    QString lastEditableMessage(const QString &room) const;
    bool editMessage(const QString &messageId, const QString &text, QString *error = nullptr);
    bool deleteMessage(const QString &messageId, QString *error = nullptr);

signals:
    void loggedIn();
    // Final: the controller is stopped (refused: bad key, 401/403, TLS; the user must change
    // something first).
    void loginFailed(natter::chat::ChatController::LoginError error, const QString &message);
    // Not final (unreachable, auth endpoint unavailable, no confirmation yet): the controller
    // keeps trying with backoff, and a network change or resume (Connection::checkNow) tries at
    // once; loggedIn() follows when it works, or stop() gives up.
    void loginRetrying(natter::chat::ChatController::LoginError error, const QString &message);
    void roomJoined(natter::chat::Room *room);
    void roomLeft(const QString &name);
    // After login: a room's subscription failed (its Room::lastError() says why).
    void roomError(natter::chat::Room *room, const QString &message);
    // The server refused client events (4301, client messaging disabled): sending cannot work.
    void clientEventsDisabled(const QString &message);
    // A live message from someone (or our other device).
    void messageReceived(natter::chat::Room *room, const natter::chat::ChatMessage &message);
    // A gap fill after a reconnect added these messages from others to the room, said while we
    // were away (ChatMessage::historical; counted as unread when the room is not active): not
    // announced one by one through messageReceived, so notifiers summarise them. History pages
    // (the newest when a room opens, loadOlder()) are neither unread nor announced.
    void messagesFetched(natter::chat::Room *room, const QList<natter::chat::ChatMessage> &messages);
    // start()/stop() replaced the connection (null when stopped).
    void connectionChanged(natter::pusher::Connection *connection);
    // Our edit or delete of `messageId` was refused for good; the message is shown Failed with
    // the change (retry() sends it again, discard() shows it as before).
    void editFailed(natter::chat::Room *room, const QString &messageId, const QString &error);

private:
    class Private;
    friend class Private;
    std::unique_ptr<Private> d;
    Outbox *m_outbox;
    RoomListModel *m_roomList;
    QString m_userId;
    QString m_userName;
};

} // namespace natter::chat
