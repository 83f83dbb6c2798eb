#pragma once

// The private half of ChatController: per-room wiring to the library's channels, what the
// message route reports (sent, failed, received: into the models and the outbox) and the login
// state machine. How messages travel is the route's business (MessageRoute). Only
// ChatController and this file's .cpp include it.

#include "ChatController.h"
#include "MessageRoute.h"

#include <pusher/ChannelError.h>
#include <pusher/ConnectionState.h>
#include <pusher/Event.h>

#include <QHash>
#include <QList>
#include <QSet>

#include <memory>

namespace natter::pusher {
class SystemClock;
class Timer;
} // namespace natter::pusher

namespace natter::chat {

class ChatController::Private
{
public:
    explicit Private(ChatController *q);
    ~Private();

    ChatController *q;
    ConnectionStatus *status; // child of q
    std::unique_ptr<natter::pusher::SystemClock>
        ownClock; // only when a factory but no clock was given
    natter::pusher::Client *client = nullptr; // child of q
    natter::pusher::Clock *clock = nullptr;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<natter::pusher::Timer> subscribeTimer;
    QList<Room *> rooms; // join order
    QHash<Room *, QList<QMetaObject::Connection>> roomLinks;
    std::unique_ptr<MessageRoute> ownRoute; // the client-event route, when none is set
    MessageRoute *route = nullptr; // never null
    QList<QMetaObject::Connection> routeLinks;
    QHash<QString, qint64> lastTypingSent;
    bool loggedIn = false;
    bool loginOver = false; // logged in or failed: no more login errors this session
    bool loginTroubled = false; // a transient login problem was reported: keep trying

    Room *roomForChannel(const QString &channel) const;
    Room *roomOfMessage(const QString &id) const;
    QString address() const; // host:port, for messages

    void attach(Room *room);
    void detach(Room *room);
    void showOutbox(Room *room);
    void setRoute(MessageRoute *route);
    void enqueue(Room *room, const ChatMessage &message);
    void markFailed(Room *room, const QString &id, const QString &error);
    void onSent(Room *room, const QString &id, const ChatMessage &confirmed);
    void onReceived(Room *room, const QList<ChatMessage> &messages, MessageRoute::Origin origin);

    void onConnectionState(natter::pusher::ConnectionState previous,
                           natter::pusher::ConnectionState current);
    void onSubscribed(Room *room);
    void onSubscriptionFailed(Room *room, const natter::pusher::ChannelError &error);
    void onAuthRetrying(Room *room, const QString &reason);
    void onEvent(Room *room, const natter::pusher::Event &event);
    void checkLogin();
    void failLogin(LoginError error, const QString &message);
    // Not final: the library keeps trying; the UI shows the problem until login succeeds.
    void troubledLogin(LoginError error, const QString &message);

    // Our edits and deletes not yet taken by the server live in the outbox (OutboxEdit), so they
    // survive a restart: shown on the message as Pending / Failed, offered again on every
    // attach and subscription, retired when the server confirms them.
    // `fromServer`: copies of messages the server just sent (history, gap fill).
    void showEdits(Room *room, const QList<ChatMessage> &fromServer = {});
    // Starts (or restarts) `edit` of a message shown in `room`: kept, shown, handed to the route.
    void beginEdit(Room *room, const MessageChange &edit, const ChatMessage &shown);
    bool retryEdit(Room *room, const QString &id);
    bool discardEdit(Room *room, const QString &id);
    void offerEdits(Room *room);
    void onEditReceived(Room *room, const MessageChange &edit);
    void onEditSent(Room *room, const MessageChange &edit);
    void onEditFailed(Room *room, const MessageChange &edit, const QString &error);
};

} // namespace natter::chat
