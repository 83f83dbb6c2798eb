#pragma once

#include "ChatMessage.h"
#include "MessageChange.h"

#include <QList>
#include <QObject>

namespace natter::pusher {
class Client;
class Clock;
struct Event;
} // namespace natter::pusher

namespace natter::chat {

class Room;

// How a message is sent and confirmed, and where history comes from: the one thing that differs
// between the serverless mode (client events, ClientEventRoute) and a natter-server
// (ServerMessageRoute). ChatController owns the rooms, the models and the outbox and tells the
// route what happens to the connection and the rooms; the route answers through its signals.
// The window never sees the route.
class MessageRoute : public QObject
{
    Q_OBJECT
public:
    // Where received messages come from. Live: an event as it happens. History: older pages
    // (the newest page when a room opens, loadOlder()): not unread, never notified. Missed: a gap
    // fill after a reconnect, what was said while we were away: unread, notified as a summary.
    enum class Origin { Live, History, Missed };
    Q_ENUM(Origin)

    using QObject::QObject;
    ~MessageRoute() override = default;

    // A session started on `client` (its clock; our user id) or stopped (client null).
    virtual void setClient(natter::pusher::Client *client, natter::pusher::Clock *clock,
                           const QString &userId)
        = 0;
    // The room has a channel now (attach) / lost it (leave, stop).
    virtual void roomAttached(Room *room) = 0;
    virtual void roomDetached(Room *room) = 0;
    // Every subscription_succeeded of the room: the first one and each after a reconnect.
    virtual void roomSubscribed(Room *room) = 0;
    virtual void memberJoined(Room *room, const QString &userId) = 0;

    // Hands over a Pending message (already in the room's model and the outbox); the outcome
    // comes as sent() or failed(), possibly much later (it stays Pending meanwhile).
    virtual void send(Room *room, const ChatMessage &message) = 0;
    // True while the message is on its way and cannot be withdrawn (discard refuses it).
    virtual bool isInFlight(const QString &room, const QString &id) const = 0;
    // An event on the room's channel; true when it was a chat message of this route.
    virtual bool handleEvent(Room *room, const natter::pusher::Event &event) = 0;

    // History: fetches the page before the oldest message shown. False when there is nothing to
    // fetch (no history in this mode, nothing older, already loading, not connected).
    virtual bool loadOlder(Room *room)
    {
        Q_UNUSED(room);
        return false;
    }
    virtual bool hasHistory() const { return false; }

    // Hands over the author's edit or delete of a message that was sent; the outcome comes as
    // editSent() or editFailed(). Without a way out now (stopped) nothing happens: the
    // controller offers it again when the room is attached.
    virtual void sendEdit(Room *room, const MessageChange &edit) = 0;
    // True while the edit of message `id` is on its way (the controller does not offer it again).
    virtual bool isEditInFlight(const QString &room, const QString &id) const = 0;

signals:
    // The server took the message: `confirmed` is it as stored (server id, time), Sent.
    void sent(natter::chat::Room *room, const QString &id,
              const natter::chat::ChatMessage &confirmed);
    // Refused for good: Failed with `error` (the user may retry).
    void failed(natter::chat::Room *room, const QString &id, const QString &error);
    // Messages from others (or our other devices), ascending by server id when the route has
    // ids.
    void received(natter::chat::Room *room, const QList<natter::chat::ChatMessage> &messages,
                  natter::chat::MessageRoute::Origin origin);
    // The server refused client events (4301, client messaging disabled).
    void clientEventsDisabled(const QString &message);
    // Someone's edit or delete, as received (the controller checks that it is the author's).
    void editReceived(natter::chat::Room *room, const natter::chat::MessageChange &edit);
    // Our edit reached the server / was refused for good.
    void editSent(natter::chat::Room *room, const natter::chat::MessageChange &edit);
    void editFailed(natter::chat::Room *room, const natter::chat::MessageChange &edit,
                    const QString &error);
};

} // namespace natter::chat
