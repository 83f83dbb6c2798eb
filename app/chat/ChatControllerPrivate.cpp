#include "ChatControllerPrivate.h"

#include "ChatWire.h"
#include "ConnectionStatus.h"
#include "LogChat.h"
#include "MessageListModel.h"
#include "Outbox.h"
#include "Room.h"

#include <pusher/Client.h>
#include <pusher/Clock.h>
#include <pusher/Connection.h>
#include <pusher/PresenceChannel.h>
#include <pusher/SystemClock.h>
#include <pusher/Timer.h>

#include <algorithm>

namespace natter::chat {

using namespace natter::pusher;

namespace {
// See Replay: a message confirmed this soon after the room's (re)subscription may have missed
// members who resubscribe a moment later; it is offered once to a member joining this soon.
constexpr qint64 kReplayFlushWindowMs = 5000;
constexpr qint64 kReplayOfferWindowMs = 30000;
constexpr qsizetype kReplayMax = 20;
// Connected, but the first room's subscription never confirmed: report it (and keep trying).
constexpr int kSubscribeTimeoutMs = 20000;

bool isClientMessagingDisabled(const QString &message)
{
    return message.contains(QLatin1String("client messaging"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("client events disabled"), Qt::CaseInsensitive);
}
} // namespace

ChatController::Private::Private(ChatController *q)
    : q(q)
    , status(new ConnectionStatus(nullptr, q))
{
}

ChatController::Private::~Private() = default;

Room *ChatController::Private::roomForChannel(const QString &channel) const
{
    for (Room *r : rooms) {
        if (r->channelName() == channel)
            return r;
    }
    return nullptr;
}

Room *ChatController::Private::roomOfMessage(const QString &id) const
{
    for (Room *r : rooms) {
        if (r->messages()->rowOf(id) >= 0)
            return r;
    }
    return nullptr;
}

QString ChatController::Private::address() const
{
    const QUrl url = options.url();
    return QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}

// --- rooms and the channel ---------------------------------------------------------------------

void ChatController::Private::attach(Room *room)
{
    detach(room);
    QString error;
    PresenceChannel *channel = client->subscribePresence(room->channelName(), &error);
    room->setClock(clock);
    room->setChannel(channel);
    if (!channel) {
        room->setError(error);
        return;
    }
    room->setError({});
    room->setMembersStale(false);
    QList<QMetaObject::Connection> &links = roomLinks[room];
    links << QObject::connect(channel, &Channel::subscribed, room,
                              [this, room] { onSubscribed(room); })
          << QObject::connect(channel, &Channel::subscriptionFailed, room,
                              [this, room](const ChannelError &e) { onSubscriptionFailed(room, e); })
          << QObject::connect(
                 channel, &Channel::authRetrying, room,
                 [this, room](int, const QString &reason) { onAuthRetrying(room, reason); })
          << QObject::connect(channel, &Channel::eventReceived, room,
                              [this, room](const Event &e) { onEvent(room, e); })
          << QObject::connect(channel, &PresenceChannel::memberAdded, room,
                              [this, room](const Member &m) {
                                  if (m.id != q->m_userId)
                                      replayToJoiner(room);
                              });
    for (const ChatMessage &m : q->m_outbox->messages(room->name())) {
        if (m.state == ChatMessage::State::Pending)
            enqueue(room, m);
    }
}

void ChatController::Private::detach(Room *room)
{
    for (const auto &link : roomLinks.take(room))
        QObject::disconnect(link);
    queued.remove(room->name());
    replay.remove(room->name());
    lastTypingSent.remove(room->name());
}

void ChatController::Private::showOutbox(Room *room)
{
    for (const ChatMessage &m : q->m_outbox->messages(room->name()))
        room->messages()->append(m); // refused (false) when already shown
}

// --- sending -----------------------------------------------------------------------------------

void ChatController::Private::enqueue(Room *room, const ChatMessage &message)
{
    Channel *channel = room->channel();
    if (!channel)
        return; // stays pending in the outbox until start()
    if (!room->isSubscribed())
        replay[room->name()].heldIds.insert(message.id);
    queued[room->name()].insert(message.id);
    // Stays Pending ("sending") until the library confirms that the server has read it.
    const auto error = channel->trigger(ChatWire::messageEvent(), ChatWire::encodeMessage(message),
                                        message.id);
    if (error) {
        queued[room->name()].remove(message.id); // refused locally: nothing was queued
        markFailed(room, message.id, error->message);
    }
}

void ChatController::Private::markFailed(Room *room, const QString &id, const QString &error)
{
    qCInfo(lcChat) << "message" << id << "in" << room->name() << "failed:" << error;
    room->messages()->setState(id, ChatMessage::State::Failed, error);
    const int row = room->messages()->rowOf(id);
    if (row >= 0) {
        // Kept in the outbox (or back into it), so retry survives a restart.
        ChatMessage m = room->messages()->at(row);
        q->m_outbox->add(m);
    } else {
        q->m_outbox->setState(id, ChatMessage::State::Failed, error);
    }
}

void ChatController::Private::onConfirmed(const QString &channel, const QString &event,
                                          const QString &id)
{
    if (event != ChatWire::messageEvent() || id.isEmpty())
        return;
    Room *room = roomForChannel(channel);
    if (!room)
        return;
    queued[room->name()].remove(id);
    room->messages()->setState(id, ChatMessage::State::Sent);
    q->m_outbox->remove(id);

    Replay &r = replay[room->name()];
    if (r.heldIds.remove(id) && r.subscribedAtMs >= 0
        && clock->nowMs() - r.subscribedAtMs <= kReplayFlushWindowMs && !r.ids.contains(id)) {
        r.ids.append(id);
        while (r.ids.size() > kReplayMax)
            r.ids.removeFirst();
        if (r.joinerWaiting)
            replayToJoiner(room);
    }
}

void ChatController::Private::onRejected(const QString &channel, const QString &event,
                                         const QString &id, const QString &reason)
{
    if (event == ChatWire::messageEvent() && !id.isEmpty()) {
        if (Room *room = roomForChannel(channel)) {
            queued[room->name()].remove(id);
            replay[room->name()].heldIds.remove(id);
            markFailed(room, id, reason);
        }
    }
    if (isClientMessagingDisabled(reason))
        emit q->clientEventsDisabled(reason);
}

void ChatController::Private::replayToJoiner(Room *room)
{
    Replay &r = replay[room->name()];
    if (r.subscribedAtMs < 0 || clock->nowMs() - r.subscribedAtMs > kReplayOfferWindowMs) {
        r.ids.clear();
        r.joinerWaiting = false;
        return;
    }
    // Held messages still on their way may have reached the server just before this joiner:
    // they are offered when confirmed.
    r.joinerWaiting = !r.heldIds.isEmpty();
    if (r.ids.isEmpty())
        return;
    const QStringList ids = std::exchange(r.ids, {}); // once: never to a second joiner
    Channel *channel = room->channel();
    if (!channel)
        return;
    qCInfo(lcChat) << "offering" << ids.size() << "messages flushed after the reconnect to"
                   << "a member who joined" << room->name() << "just after";
    for (const QString &id : ids) {
        const int row = room->messages()->rowOf(id);
        if (row < 0 || room->messages()->at(row).state != ChatMessage::State::Sent)
            continue;
        channel->trigger(ChatWire::messageEvent(),
                         ChatWire::encodeMessage(room->messages()->at(row)), QString(),
                         ClientEventQueue::Delivery::Confirmed);
    }
}

// --- receiving ---------------------------------------------------------------------------------

void ChatController::Private::onEvent(Room *room, const Event &event)
{
    if (event.event == ChatWire::messageEvent()) {
        QString why;
        std::optional<ChatMessage> m = ChatWire::decodeMessage(event, &why);
        if (!m) {
            qCWarning(lcChat) << "dropped a malformed message on" << event.channel << "from"
                              << event.userId << ":" << why;
            return;
        }
        m->room = room->name();
        // Who said it comes from the server: the user_id it stamped and that member's signed
        // user_info. The payload's name is only a fallback for a sender who is no longer (or
        // not yet verifiably) a member, and the message is marked as such.
        const QString signedName = m->senderVerified ? room->memberName(m->senderId) : QString();
        if (!signedName.isEmpty()) {
            m->senderName = signedName;
        } else {
            m->senderVerified = false;
            if (m->senderName.isEmpty())
                m->senderName = m->senderId;
        }
        m->own = !m->senderId.isEmpty() && m->senderId == q->m_userId; // e.g. our other device
        if (!room->messages()->appendLater(*m)) {
            qCDebug(lcChat) << "duplicate message" << m->id << "ignored";
            return;
        }
        room->clearTyping(m->senderId);
        if (!m->own)
            room->addUnread(1);
        emit q->messageReceived(room, *m);
        return;
    }
    if (event.event == ChatWire::typingEvent()) {
        // Only a member the server vouches for can be typing; the name is theirs, signed.
        if (event.userId.isEmpty() || event.userId == q->m_userId)
            return;
        const QString name = room->memberName(event.userId); // empty: not a member
        if (!name.isEmpty())
            room->setTyping(event.userId, name);
    }
}

// --- login and connection ------------------------------------------------------------------------

void ChatController::Private::checkLogin()
{
    if (loginOver || !client || !client->connection()->isConnected())
        return;
    if (!rooms.isEmpty() && !rooms.first()->isSubscribed()) {
        if (!subscribeTimer->isActive())
            subscribeTimer->start(kSubscribeTimeoutMs);
        return;
    }
    subscribeTimer->stop();
    loginOver = true;
    loginTroubled = false;
    loggedIn = true;
    qCInfo(lcChat) << "logged in as" << q->m_userId;
    emit q->loggedIn();
}

// Login messages say what happened in a sentence (the page adds what to do): server reasons and
// error texts come without a full stop.
static QString asSentence(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.endsWith(u'.') || t.endsWith(u'!') || t.endsWith(u'?')
        || t.endsWith(u'\u2026'))
        return t;
    return t + u'.';
}

void ChatController::Private::failLogin(LoginError error, const QString &sentence)
{
    if (loginOver)
        return;
    const QString message = asSentence(sentence);
    loginOver = true;
    qCInfo(lcChat) << "login failed:" << error << message; // the UI shows it: not a warning
    // The session is over: stop retrying in the background, the user changes something first.
    q->stop();
    emit q->loginFailed(error, message);
}

void ChatController::Private::troubledLogin(LoginError error, const QString &sentence)
{
    if (loginOver)
        return;
    const QString message = asSentence(sentence);
    loginTroubled = true;
    qCInfo(lcChat) << "login delayed, still trying:" << error << message;
    emit q->loginRetrying(error, message);
}

void ChatController::Private::onConnectionState(ConnectionState previous, ConnectionState current)
{
    if (current == ConnectionState::Connected) {
        checkLogin();
        return;
    }
    if (previous == ConnectionState::Connected) {
        // Members are unknown until the next subscription_succeeded: the list shown is old.
        for (Room *r : std::as_const(rooms))
            r->setMembersStale(true);
    }
    if (current == ConnectionState::Unavailable)
        troubledLogin(LoginError::Unreachable,
                      ChatController::tr("Cannot reach %1.").arg(address()));
}

void ChatController::Private::onSubscribed(Room *room)
{
    room->setMembersStale(false);
    room->setError({});
    Replay &r = replay[room->name()];
    r.subscribedAtMs = clock->nowMs();
    r.ids.clear(); // offered at most until the next subscription
    r.joinerWaiting = false;
    checkLogin();
}

void ChatController::Private::onSubscriptionFailed(Room *room, const ChannelError &error)
{
    room->setError(error.message);
    if (!loginOver && !rooms.isEmpty() && rooms.first() == room) {
        switch (error.kind) {
        case ChannelError::Kind::AuthRefused:
        case ChannelError::Kind::ServerRejected: // e.g. a bad signature: wrong app secret
            failLogin(LoginError::AuthRefused,
                      ChatController::tr("You were not let into the room %1: %2")
                          .arg(room->name(), error.message));
            return;
        case ChannelError::Kind::AuthBadResponse:
            failLogin(LoginError::BadResponse,
                      ChatController::tr("The auth endpoint gave an unusable answer: %1")
                          .arg(error.message));
            return;
        case ChannelError::Kind::AuthUnavailable:
            troubledLogin(LoginError::Unreachable, error.message); // the channel retries
            return;
        case ChannelError::Kind::InvalidName:
            failLogin(LoginError::Other, error.message);
            return;
        }
    }
    emit q->roomError(room, error.message);
}

void ChatController::Private::onAuthRetrying(Room *room, const QString &reason)
{
    room->setError(reason);
    if (!loginOver && !rooms.isEmpty() && rooms.first() == room)
        troubledLogin(LoginError::Unreachable,
                      ChatController::tr("The auth endpoint is not available: %1").arg(reason));
}

} // namespace natter::chat
