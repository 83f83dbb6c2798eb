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
// A refusal (pusher:error 4301) answers a client event within a round trip: a sent message
// older than this (or sent on an earlier connection) is taken as delivered and no longer
// blamed for a refusal.
constexpr qint64 kRejectWindowMs = 10000;
// Client events reach only those subscribed at that moment. After a server restart the sender
// often resubscribes (and flushes its outbox) a moment before the others do, so whoever joins
// gets the last minute's own messages again; receivers drop duplicates by id.
constexpr qint64 kRedeliverWindowMs = 60000;
constexpr size_t kRedeliverMax = 20;
// Connected, but the first room's subscription never confirmed: give up the login after this.
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
          << QObject::connect(
                 channel, &Channel::clientEventRejected, room,
                 [this, room](const ClientEventError &e) { onClientEventRejected(room, e); })
          << QObject::connect(channel, &Channel::eventReceived, room,
                              [this, room](const Event &e) { onEvent(room, e); })
          << QObject::connect(channel, &PresenceChannel::memberAdded, room,
                              [this, room](const Member &m) {
                                  if (m.id != q->m_userId)
                                      redeliverRecent(room);
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
    recentlySent.remove(room->name());
    redeliverable.remove(room->name());
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
    // Recorded before trigger(): when the channel is ready the library sends at once, and its
    // sent() signal arrives before trigger() returns.
    std::deque<QString> &ids = queued[room->name()];
    ids.push_back(message.id);
    const auto error = channel->trigger(ChatWire::messageEvent(), ChatWire::encodeMessage(message));
    if (error) {
        ids.pop_back(); // refused locally: nothing was queued
        markFailed(room, message.id, error->message);
    }
}

void ChatController::Private::markFailed(Room *room, const QString &id, const QString &error)
{
    qCInfo(lcChat) << "message" << id << "in" << room->name() << "failed:" << error;
    room->messages()->setState(id, ChatMessage::State::Failed, error);
    const int row = room->messages()->rowOf(id);
    if (row >= 0) {
        // Back into the outbox (it left it when it was sent), so retry survives a restart.
        ChatMessage m = room->messages()->at(row);
        q->m_outbox->add(m);
    } else {
        q->m_outbox->setState(id, ChatMessage::State::Failed, error);
    }
}

void ChatController::Private::onSent(const QString &channel, const QString &event)
{
    if (event != ChatWire::messageEvent())
        return;
    Room *room = roomForChannel(channel);
    if (!room)
        return;
    std::deque<QString> &ids = queued[room->name()];
    if (ids.empty()) {
        qCWarning(lcChat) << "a client-message was sent on" << channel
                          << "that this controller did not queue";
        return;
    }
    const QString id = ids.front();
    ids.pop_front();
    room->messages()->setState(id, ChatMessage::State::Sent);
    q->m_outbox->remove(id);
    const qint64 now = clock->nowMs();
    std::deque<SentRecently> &recent = recentlySent[room->name()];
    while (!recent.empty() && now - recent.front().atMs > kRejectWindowMs)
        recent.pop_front();
    recent.push_back({id, now});

    std::deque<SentRecently> &again = redeliverable[room->name()];
    const bool known = std::any_of(again.begin(), again.end(),
                                   [&id](const SentRecently &r) { return r.id == id; });
    if (!known) {
        again.push_back({id, now});
        while (again.size() > kRedeliverMax)
            again.pop_front();
    }
}

void ChatController::Private::redeliverRecent(Room *room)
{
    std::deque<SentRecently> &again = redeliverable[room->name()];
    const qint64 now = clock->nowMs();
    while (!again.empty() && now - again.front().atMs > kRedeliverWindowMs)
        again.pop_front();
    Channel *channel = room->channel();
    if (!channel)
        return;
    for (const SentRecently &r : again) {
        const int row = room->messages()->rowOf(r.id);
        if (row < 0 || room->messages()->at(row).state != ChatMessage::State::Sent)
            continue;
        std::deque<QString> &ids = queued[room->name()];
        ids.push_back(r.id);
        if (channel->trigger(ChatWire::messageEvent(),
                             ChatWire::encodeMessage(room->messages()->at(row))))
            ids.pop_back();
    }
}

void ChatController::Private::onClientEventRejected(Room *room, const ClientEventError &error)
{
    // The server answers each refused client event with one pusher:error; it does not say
    // which one, but it refuses them in order: blame the oldest sent and not yet blamed.
    std::deque<SentRecently> &recent = recentlySent[room->name()];
    const qint64 now = clock->nowMs();
    while (!recent.empty() && now - recent.front().atMs > kRejectWindowMs)
        recent.pop_front();
    if (!recent.empty()) {
        const QString id = recent.front().id;
        recent.pop_front();
        markFailed(room, id, error.message);
    } else {
        qCWarning(lcChat) << "client event refused on" << room->channelName() << ":"
                          << error.message;
    }
    if (isClientMessagingDisabled(error.message))
        emit q->clientEventsDisabled(error.message);
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
        if (m->senderName.isEmpty())
            m->senderName = room->memberName(m->senderId);
        if (m->senderName.isEmpty())
            m->senderName = m->senderId;
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
        const ChatWire::Typist t = ChatWire::decodeTyping(event);
        if (t.id.isEmpty() || t.id == q->m_userId)
            return;
        QString name = t.name.isEmpty() ? room->memberName(t.id) : t.name;
        room->setTyping(t.id, name.isEmpty() ? t.id : name);
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
    loggedIn = true;
    qCInfo(lcChat) << "logged in as" << q->m_userId;
    emit q->loggedIn();
}

void ChatController::Private::failLogin(LoginError error, const QString &message)
{
    if (loginOver)
        return;
    loginOver = true;
    qCInfo(lcChat) << "login failed:" << error << message; // the UI shows it: not a warning
    // The session is over: stop retrying in the background, the user changes something first.
    q->stop();
    emit q->loginFailed(error, message);
}

void ChatController::Private::onConnectionState(ConnectionState previous, ConnectionState current)
{
    if (current == ConnectionState::Connected) {
        checkLogin();
        return;
    }
    if (previous == ConnectionState::Connected) {
        recentlySent.clear(); // a refusal can only come on the connection the event went out on
        // Members are unknown until the next subscription_succeeded: the list shown is old.
        for (Room *r : std::as_const(rooms))
            r->setMembersStale(true);
    }
    if (current == ConnectionState::Unavailable)
        failLogin(LoginError::Unreachable,
                  ChatController::tr("Cannot reach %1; check the address and that the server runs")
                      .arg(address()));
}

void ChatController::Private::onSubscribed(Room *room)
{
    room->setMembersStale(false);
    room->setError({});
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
        default:
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
        failLogin(LoginError::Unreachable,
                  ChatController::tr("The auth endpoint is not available: %1").arg(reason));
}

} // namespace natter::chat
