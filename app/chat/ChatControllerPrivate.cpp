#include "ChatControllerPrivate.h"

#include "ChatWire.h"
#include "ClientEventRoute.h"
#include "ConnectionStatus.h"
#include "LogChat.h"
#include "MentionRule.h"
#include "MessageListModel.h"
#include "MessageRoute.h"
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
// Connected, but the first room's subscription never confirmed: report it (and keep trying).
constexpr int kSubscribeTimeoutMs = 20000;
} // namespace

ChatController::Private::Private(ChatController *q)
    : q(q)
    , status(new ConnectionStatus(nullptr, q))
{
    setRoute(nullptr);
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
                              [this, room](const Member &m) { route->memberJoined(room, m.id); });
    route->roomAttached(room);
    for (const ChatMessage &m : q->m_outbox->messages(room->name())) {
        if (m.state == ChatMessage::State::Pending)
            enqueue(room, m);
    }
    offerEdits(room);
}

void ChatController::Private::detach(Room *room)
{
    for (const auto &link : roomLinks.take(room))
        QObject::disconnect(link);
    route->roomDetached(room);
    lastTypingSent.remove(room->name());
}

void ChatController::Private::showOutbox(Room *room)
{
    showEdits(room); // changes of sent messages: older than what is still unsent
    for (const ChatMessage &m : q->m_outbox->messages(room->name()))
        room->messages()->append(m); // refused (false) when already shown
}

// --- sending -----------------------------------------------------------------------------------

void ChatController::Private::setRoute(MessageRoute *newRoute)
{
    for (const auto &link : std::as_const(routeLinks))
        QObject::disconnect(link);
    routeLinks.clear();
    if (!newRoute) {
        if (!ownRoute)
            ownRoute = std::make_unique<ClientEventRoute>();
        newRoute = ownRoute.get();
    }
    route = newRoute;
    routeLinks << QObject::connect(route, &MessageRoute::sent, q,
                                   [this](Room *room, const QString &id, const ChatMessage &m) {
                                       if (rooms.contains(room))
                                           onSent(room, id, m);
                                   })
               << QObject::connect(route, &MessageRoute::failed, q,
                                   [this](Room *room, const QString &id, const QString &error) {
                                       if (rooms.contains(room))
                                           markFailed(room, id, error);
                                   })
               << QObject::connect(route, &MessageRoute::received, q,
                                   [this](Room *room, const QList<ChatMessage> &messages,
                                          MessageRoute::Origin origin) {
                                       if (rooms.contains(room))
                                           onReceived(room, messages, origin);
                                   })
               << QObject::connect(route, &MessageRoute::clientEventsDisabled, q,
                                   &ChatController::clientEventsDisabled)
               << QObject::connect(route, &MessageRoute::editReceived, q,
                                   [this](Room *room, const MessageChange &edit) {
                                       if (rooms.contains(room))
                                           onEditReceived(room, edit);
                                   })
               << QObject::connect(route, &MessageRoute::editSent, q,
                                   [this](Room *room, const MessageChange &edit) {
                                       if (rooms.contains(room))
                                           onEditSent(room, edit);
                                   })
               << QObject::connect(
                      route, &MessageRoute::editFailed, q,
                      [this](Room *room, const MessageChange &edit, const QString &error) {
                          if (rooms.contains(room))
                              onEditFailed(room, edit, error);
                      });
}

void ChatController::Private::enqueue(Room *room, const ChatMessage &message)
{
    route->send(room, message);
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

void ChatController::Private::onSent(Room *room, const QString &id, const ChatMessage &confirmed)
{
    if (confirmed.serverId > 0)
        room->messages()->confirm(id, confirmed.serverId, confirmed.sentAt);
    room->messages()->setState(id, ChatMessage::State::Sent);
    q->m_outbox->remove(id);
}

// --- receiving ---------------------------------------------------------------------------------

void ChatController::Private::onReceived(Room *room, const QList<ChatMessage> &messages,
                                         MessageRoute::Origin origin)
{
    const bool fetched = origin != MessageRoute::Origin::Live;
    const MentionRule mentionsMe(q->m_userName);
    if (fetched || route->hasHistory()) {
        // Ordered by the server's id: history pages and gap fill land between what is shown.
        QList<ChatMessage> batch;
        batch.reserve(messages.size());
        for (ChatMessage m : messages) {
            m.room = room->name();
            m.own = !m.senderId.isEmpty() && m.senderId == q->m_userId;
            m.historical = fetched;
            if (m.own && m.state == ChatMessage::State::Received)
                m.state = ChatMessage::State::Sent; // ours, from another device or a fetch
            m.mentionsMe = !m.own && mentionsMe.matches(m.text);
            batch.append(m);
        }
        const QList<ChatMessage> added = room->messages()->merge(batch);
        if (q->m_outbox->editCount() > 0)
            showEdits(room, batch); // the server's copy does not have our pending change yet
        QList<ChatMessage> others;
        for (const ChatMessage &m : added) {
            if (!m.own)
                others.append(m);
        }
        if (origin == MessageRoute::Origin::History)
            return; // said before we were here: neither unread nor news
        room->addUnreadMessages(others);
        if (fetched) {
            if (!others.isEmpty())
                emit q->messagesFetched(room, others);
            return;
        }
        for (const ChatMessage &m : std::as_const(others)) {
            room->clearTyping(m.senderId);
            emit q->messageReceived(room, m);
        }
        return;
    }
    for (ChatMessage m : messages) {
        m.room = room->name();
        m.own = !m.senderId.isEmpty() && m.senderId == q->m_userId; // e.g. our other device
        m.mentionsMe = !m.own && mentionsMe.matches(m.text);
        if (!room->messages()->appendLater(m)) {
            qCDebug(lcChat) << "duplicate message" << m.id << "ignored";
            continue;
        }
        room->clearTyping(m.senderId);
        if (!m.own)
            room->addUnreadMessages({m});
        emit q->messageReceived(room, m);
    }
}

void ChatController::Private::onEvent(Room *room, const Event &event)
{
    if (route->handleEvent(room, event))
        return;
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
    route->roomSubscribed(room);
    offerEdits(room); // those that waited for the network
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
