#pragma once

// The private half of ChatController: per-room wiring to the library's channels, the send
// bookkeeping (queued / recently sent ids) and the login state machine. Only ChatController
// and this file's .cpp include it.

#include "ChatController.h"

#include <pusher/ChannelError.h>
#include <pusher/ConnectionState.h>
#include <pusher/Event.h>

#include <QHash>
#include <QList>

#include <deque>
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

    struct SentRecently
    {
        QString id;
        qint64 atMs;
    };

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
    // Per room: ids handed to Channel::trigger, in order, not yet sent by the library's queue.
    // ClientEventQueue::sent(channel, "client-message") always concerns the oldest of them.
    QHash<QString, std::deque<QString>> queued;
    // Per room: ids sent on the current connection within the last seconds, oldest first: the
    // ones a 4301 refusal can be about.
    QHash<QString, std::deque<SentRecently>> recentlySent;
    // Per room: own messages sent in the last kRedeliverWindowMs, oldest first, offered again
    // to whoever joins (see redeliverRecent). Survives reconnects, unlike recentlySent.
    QHash<QString, std::deque<SentRecently>> redeliverable;
    QHash<QString, qint64> lastTypingSent;
    bool loggedIn = false;
    bool loginOver = false; // logged in or failed: no more login errors this session

    Room *roomForChannel(const QString &channel) const;
    Room *roomOfMessage(const QString &id) const;
    QString address() const; // host:port, for messages

    void attach(Room *room);
    void detach(Room *room);
    void showOutbox(Room *room);
    void enqueue(Room *room, const ChatMessage &message);
    void markFailed(Room *room, const QString &id, const QString &error);

    void onConnectionState(natter::pusher::ConnectionState previous,
                           natter::pusher::ConnectionState current);
    void onSubscribed(Room *room);
    void onSubscriptionFailed(Room *room, const natter::pusher::ChannelError &error);
    void onAuthRetrying(Room *room, const QString &reason);
    void onClientEventRejected(Room *room, const natter::pusher::ClientEventError &error);
    void onSent(const QString &channel, const QString &event);
    void redeliverRecent(Room *room);
    void onEvent(Room *room, const natter::pusher::Event &event);
    void checkLogin();
    void failLogin(LoginError error, const QString &message);
};

} // namespace natter::chat
