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
#include <QSet>

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

    // Messages that were waiting while the room was not subscribed go out in a flush right after
    // the (re)subscription, when the other members may not have resubscribed yet: client events
    // reach only those subscribed at that moment. Those confirmed in the first seconds after the
    // subscription are offered once to the next member who joins soon after, and never again.
    // A message sent in steady state is never sent twice.
    struct Replay
    {
        qint64 subscribedAtMs = -1;
        QSet<QString> heldIds; // queued while not subscribed
        QStringList ids; // confirmed early after the subscription, in order
        // A member joined while some held messages were still unconfirmed: those are sent
        // again as soon as they are confirmed (the joiner may have subscribed just after them).
        bool joinerWaiting = false;
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
    // Per room: message ids handed to the library and not yet confirmed or refused.
    QHash<QString, QSet<QString>> queued;
    QHash<QString, Replay> replay;
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
    void enqueue(Room *room, const ChatMessage &message);
    void markFailed(Room *room, const QString &id, const QString &error);

    void onConnectionState(natter::pusher::ConnectionState previous,
                           natter::pusher::ConnectionState current);
    void onSubscribed(Room *room);
    void onSubscriptionFailed(Room *room, const natter::pusher::ChannelError &error);
    void onAuthRetrying(Room *room, const QString &reason);
    void onConfirmed(const QString &channel, const QString &event, const QString &id);
    void onRejected(const QString &channel, const QString &event, const QString &id,
                    const QString &reason);
    void replayToJoiner(Room *room);
    void onEvent(Room *room, const natter::pusher::Event &event);
    void checkLogin();
    void failLogin(LoginError error, const QString &message);
    // Not final: the library keeps trying; the UI shows the problem until login succeeds.
    void troubledLogin(LoginError error, const QString &message);
};

} // namespace natter::chat
