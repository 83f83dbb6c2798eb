#include "ClientEventRoute.h"

#include "ChatWire.h"
#include "EditWire.h"
#include "LogChat.h"
#include "MessageListModel.h"
#include "Room.h"

#include <pusher/Client.h>
#include <pusher/ClientEventQueue.h>
#include <pusher/Clock.h>
#include <pusher/Event.h>
#include <pusher/PresenceChannel.h>

#include <utility>

namespace natter::chat {

using namespace natter::pusher;

namespace {
// See Replay: a message confirmed this soon after the room's (re)subscription may have missed
// members who resubscribe a moment later; it is offered once to a member joining this soon.
constexpr qint64 kReplayFlushWindowMs = 5000;
constexpr qint64 kReplayOfferWindowMs = 30000;
constexpr qsizetype kReplayMax = 20;

bool isClientMessagingDisabled(const QString &message)
{
    return message.contains(QLatin1String("client messaging"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("client events disabled"), Qt::CaseInsensitive);
}
} // namespace

ClientEventRoute::ClientEventRoute(QObject *parent)
    : MessageRoute(parent)
{
}

ClientEventRoute::~ClientEventRoute() = default;

void ClientEventRoute::setClient(Client *client, Clock *clock, const QString &userId)
{
    if (m_client)
        QObject::disconnect(m_client->clientEvents(), nullptr, this, nullptr);
    m_client = client;
    m_clock = clock;
    m_userId = userId;
    m_rooms.clear();
    m_queued.clear();
    m_replay.clear();
    m_edits.clear(); // the library's queue went with the old client: the controller re-offers
    if (!client)
        return;
    connect(client->clientEvents(), &ClientEventQueue::confirmed, this,
            &ClientEventRoute::onConfirmed);
    connect(client->clientEvents(), &ClientEventQueue::rejected, this,
            &ClientEventRoute::onRejected);
}

void ClientEventRoute::roomAttached(Room *room)
{
    if (!m_rooms.contains(room))
        m_rooms.append(room);
}

void ClientEventRoute::roomDetached(Room *room)
{
    m_rooms.removeOne(room);
    m_queued.remove(room->name());
    m_replay.remove(room->name());
    m_edits.remove(room->name());
}

Room *ClientEventRoute::roomForChannel(const QString &channel) const
{
    for (Room *r : m_rooms) {
        if (r->channelName() == channel)
            return r;
    }
    return nullptr;
}

void ClientEventRoute::roomSubscribed(Room *room)
{
    Replay &r = m_replay[room->name()];
    r.subscribedAtMs = m_clock->nowMs();
    r.ids.clear(); // offered at most until the next subscription
    r.joinerWaiting = false;
}

void ClientEventRoute::memberJoined(Room *room, const QString &userId)
{
    if (userId != m_userId)
        replayToJoiner(room);
}

bool ClientEventRoute::isInFlight(const QString &room, const QString &id) const
{
    return m_queued.value(room).contains(id);
}

void ClientEventRoute::send(Room *room, const ChatMessage &message)
{
    Channel *channel = room->channel();
    if (!channel)
        return; // stays pending in the outbox until start()
    if (!room->isSubscribed())
        m_replay[room->name()].heldIds.insert(message.id);
    m_queued[room->name()].insert(message.id);
    // Stays Pending ("sending") until the library confirms that the server has read it.
    const auto error = channel->trigger(ChatWire::messageEvent(), ChatWire::encodeMessage(message),
                                        message.id);
    if (error) {
        m_queued[room->name()].remove(message.id); // refused locally: nothing was queued
        emit failed(room, message.id, error->message);
    }
}

void ClientEventRoute::onConfirmed(const QString &channel, const QString &event, const QString &id)
{
    if (EditWire::isEditEvent(event) && !id.isEmpty()) {
        Room *room = roomForChannel(channel);
        if (!room || !m_edits[room->name()].contains(id))
            return;
        const MessageChange edit = m_edits[room->name()].take(id);
        emit editSent(room, edit);
        return;
    }
    if (event != ChatWire::messageEvent() || id.isEmpty())
        return;
    Room *room = roomForChannel(channel);
    if (!room)
        return;
    m_queued[room->name()].remove(id);
    const int row = room->messages()->rowOf(id);
    ChatMessage confirmed;
    if (row >= 0)
        confirmed = room->messages()->at(row);
    confirmed.id = id;
    confirmed.state = ChatMessage::State::Sent;
    emit sent(room, id, confirmed);

    Replay &r = m_replay[room->name()];
    if (r.heldIds.remove(id) && r.subscribedAtMs >= 0
        && m_clock->nowMs() - r.subscribedAtMs <= kReplayFlushWindowMs && !r.ids.contains(id)) {
        r.ids.append(id);
        while (r.ids.size() > kReplayMax)
            r.ids.removeFirst();
        if (r.joinerWaiting)
            replayToJoiner(room);
    }
}

void ClientEventRoute::onRejected(const QString &channel, const QString &event, const QString &id,
                                  const QString &reason)
{
    if (EditWire::isEditEvent(event) && !id.isEmpty()) {
        if (Room *room = roomForChannel(channel)) {
            if (m_edits[room->name()].contains(id))
                emit editFailed(room, m_edits[room->name()].take(id), reason);
        }
    }
    if (event == ChatWire::messageEvent() && !id.isEmpty()) {
        if (Room *room = roomForChannel(channel)) {
            m_queued[room->name()].remove(id);
            m_replay[room->name()].heldIds.remove(id);
            emit failed(room, id, reason);
        }
    }
    if (isClientMessagingDisabled(reason))
        emit clientEventsDisabled(reason);
}

void ClientEventRoute::replayToJoiner(Room *room)
{
    Replay &r = m_replay[room->name()];
    if (r.subscribedAtMs < 0 || m_clock->nowMs() - r.subscribedAtMs > kReplayOfferWindowMs) {
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

void ClientEventRoute::sendEdit(Room *room, const MessageChange &edit)
{
    Channel *channel = room->channel();
    if (!channel)
        return; // the controller offers it again on the next attach
    QHash<QString, MessageChange> &edits = m_edits[room->name()];
    const auto queued = edits.constFind(edit.id);
    if (queued != edits.cend() && queued->kind == edit.kind && queued->text == edit.text
        && queued->editedAt == edit.editedAt)
        return; // already with the library (attach re-offers)
    edits.insert(edit.id, edit);
    // Queued by the library while the room is not subscribed, like a message: it follows the
    // message it changes, in order.
    const auto error = channel->trigger(EditWire::eventName(edit), EditWire::encode(edit), edit.id);
    if (error) {
        edits.remove(edit.id);
        emit editFailed(room, edit, error->message);
    }
}

bool ClientEventRoute::isEditInFlight(const QString &room, const QString &id) const
{
    return m_edits.value(room).contains(id);
}

bool ClientEventRoute::handleEvent(Room *room, const Event &event)
{
    if (EditWire::isEditEvent(event.event)) {
        QString why;
        const std::optional<MessageChange> edit = EditWire::decode(event, &why);
        if (!edit)
            qCDebug(lcChat) << "dropped a malformed" << event.event << "on" << event.channel
                            << "from" << event.userId << ":" << why;
        else
            emit editReceived(room, *edit);
        return true;
    }
    if (event.event != ChatWire::messageEvent())
        return false;
    QString why;
    std::optional<ChatMessage> m = ChatWire::decodeMessage(event, &why);
    if (!m) {
        qCWarning(lcChat) << "dropped a malformed message on" << event.channel << "from"
                          << event.userId << ":" << why;
        return true;
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
    emit received(room, {*m}, Origin::Live);
    return true;
}

} // namespace natter::chat
