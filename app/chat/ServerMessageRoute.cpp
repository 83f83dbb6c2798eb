#include "ServerMessageRoute.h"

#include "LogChat.h"
#include "MessageListModel.h"
#include "NatterServerApi.h"
#include "Room.h"

#include <pusher/Backoff.h>
#include <pusher/Client.h>
#include <pusher/Clock.h>
#include <pusher/Connection.h>
#include <pusher/Event.h>
#include <pusher/Timer.h>

#include <QJsonObject>
#include <QPointer>

namespace natter::chat {

using namespace natter::pusher;

namespace {
constexpr int kRetryInitialMs = 1000;
constexpr int kRetryMaxMs = 30000;
} // namespace

struct ServerMessageRoute::RoomState
{
    explicit RoomState(Room *room, Clock *clock)
        : room(room)
        , sendBackoff(clock, kRetryInitialMs, kRetryMaxMs, 2.0, 0.2)
        , historyBackoff(clock, kRetryInitialMs, kRetryMaxMs, 2.0, 0.2)
    {
    }

    struct Outgoing
    {
        bool inFlight = false;
        std::shared_ptr<Timer> retry; // set while waiting to try again (QHash copies)
    };

    QPointer<Room> room;
    Backoff sendBackoff;
    Backoff historyBackoff;
    std::unique_ptr<Timer> historyRetry;
    QHash<QString, Outgoing> outgoing; // by message (client) id
    QStringList queue; // outgoing ids in the order sent; the first one is posted
    bool newestLoaded = false; // the first page arrived: later subscriptions fill the gap
    bool subscribed = false;
    int generation = 0; // bumped by every subscription: an older gap fill stops
    qint64 lastSeen = 0; // highest id received in order (live events, fetched pages)
    qint64 fillCursor = 0;
    // Our edits and deletes by message id: with the server, or waiting for `editRetry`.
    QHash<QString, MessageChange> edits;
    std::unique_ptr<Timer> editRetry;
};

ServerMessageRoute::ServerMessageRoute(NatterServerApi *api, QObject *parent)
    : MessageRoute(parent)
    , m_api(api)
{
}

ServerMessageRoute::~ServerMessageRoute() = default;

void ServerMessageRoute::setClient(Client *client, Clock *clock, const QString &userId)
{
    m_client = client;
    m_clock = clock;
    m_userId = userId;
    m_rooms.clear(); // answers still on their way find no state and are dropped
}

ServerMessageRoute::StatePtr ServerMessageRoute::stateOf(Room *room) const
{
    return room ? m_rooms.value(room->name()) : StatePtr();
}

QString ServerMessageRoute::socketId() const
{
    if (!m_client || !m_client->connection()->isConnected())
        return {};
    return m_client->connection()->socketId();
}

void ServerMessageRoute::roomAttached(Room *room)
{
    if (!m_clock || m_rooms.contains(room->name()))
        return;
    auto st = std::make_shared<RoomState>(room, m_clock);
    // What is shown already counts as seen: a restart fills the gap after it.
    st->lastSeen = room->messages()->newestServerId();
    m_rooms.insert(room->name(), st);
}

void ServerMessageRoute::roomDetached(Room *room)
{
    if (const StatePtr st = m_rooms.take(room->name())) {
        room->setLoadingOlder(false);
        room->setFetchingHistory(false);
    }
}

void ServerMessageRoute::memberJoined(Room *, const QString &) { }

bool ServerMessageRoute::isInFlight(const QString &room, const QString &id) const
{
    const StatePtr st = m_rooms.value(room);
    if (!st)
        return false;
    const auto it = st->outgoing.constFind(id);
    // Posted (or waiting to be posted again): the server may have it already.
    return it != st->outgoing.cend() && (it->inFlight || it->retry);
}

void ServerMessageRoute::send(Room *room, const ChatMessage &message)
{
    const StatePtr st = stateOf(room);
    if (!st)
        return; // stays Pending in the outbox until the session starts
    if (st->outgoing.contains(message.id))
        return; // already on its way (attach re-offers the outbox)
    st->outgoing.insert(message.id, {});
    st->queue.append(message.id);
    pump(st);
}

void ServerMessageRoute::pump(const StatePtr &st)
{
    while (!st->queue.isEmpty() && st->room) {
        const QString head = st->queue.constFirst();
        const auto it = st->outgoing.constFind(head);
        if (it != st->outgoing.cend() && (it->inFlight || it->retry))
            return; // the one before must be taken first
        if (it == st->outgoing.cend() || st->room->messages()->rowOf(head) < 0) {
            st->outgoing.remove(head); // discarded meanwhile
            st->queue.removeFirst();
            continue;
        }
        post(st, head);
        return;
    }
}

void ServerMessageRoute::post(const StatePtr &st, const QString &id)
{
    Room *room = st->room;
    auto it = st->outgoing.find(id);
    if (!room || it == st->outgoing.end())
        return;
    const int row = room->messages()->rowOf(id);
    if (row < 0) {
        st->outgoing.erase(it); // discarded meanwhile
        st->queue.removeOne(id);
        pump(st);
        return;
    }
    it->retry.reset();
    it->inFlight = true;
    const QString text = room->messages()->at(row).text;
    const QString replyTo = room->messages()->at(row).replyTo;
    const std::weak_ptr<RoomState> weak = st;
    const QPointer<ServerMessageRoute> self(this);
    m_api->postMessage(room->name(), text, id, socketId(), replyTo,
                       [self, weak, id](const NatterServerApi::Failure &failure,
                                        const std::optional<ChatMessage> &stored) {
                           const StatePtr st = weak.lock();
                           if (!self || !st || !st->room || !st->outgoing.contains(id))
                               return; // stopped or left meanwhile: the outbox still has it
                           Room *room = st->room;
                           if (failure.ok() || stored) {
                               // 201, 200 (a retry of a stored one) or 502 with the stored message:
                               // the server has it and delivers it, now or with its own retry.
                               st->outgoing.remove(id);
                               st->queue.removeOne(id);
                               st->sendBackoff.reset();
                               ChatMessage confirmed = *stored;
                               confirmed.id = id;
                               confirmed.state = ChatMessage::State::Sent;
                               emit self->sent(room, id, confirmed);
                               if (self)
                                   self->pump(st);
                               return;
                           }
                           if (failure.isTransient()) {
                               qCInfo(lcChat) << "message" << id << "not taken yet ("
                                              << failure.status << "), trying again later";
                               self->retryLater(st, id, failure.retryAfterSecs);
                               return;
                           }
                           st->outgoing.remove(id);
                           st->queue.removeOne(id);
                           emit self->failed(room, id, failure.message);
                           if (self)
                               self->pump(st); // refused for good: the next one goes
                       });
}

void ServerMessageRoute::retryLater(const StatePtr &st, const QString &id, int retryAfterSecs)
{
    auto it = st->outgoing.find(id);
    if (it == st->outgoing.end() || !m_clock)
        return;
    it->inFlight = false;
    int delay = st->sendBackoff.next();
    if (retryAfterSecs > 0)
        delay = qMax(delay, retryAfterSecs * 1000);
    it->retry = m_clock->createTimer();
    const std::weak_ptr<RoomState> weak = st;
    it->retry->setCallback([this, weak, id] {
        // Not inside the timer's own callback: post() replaces this timer.
        QMetaObject::invokeMethod(
            this,
            [this, weak, id] {
                if (const StatePtr st = weak.lock())
                    post(st, id);
            },
            Qt::QueuedConnection);
    });
    it->retry->start(delay);
}

bool ServerMessageRoute::handleEvent(Room *room, const Event &event)
{
    if (event.event == editedEvent() || event.event == deletedEvent())
        return handleEditEvent(room, event);
    if (event.event != messageEvent())
        return false;
    // Only the server can trigger an event whose name does not start with "client-": the user
    // in it is the one the server saw sending it.
    std::optional<ChatMessage> m = NatterServerApi::parseMessage(event.dataObject());
    if (!m) {
        qCWarning(lcChat) << "dropped a malformed new_message on" << event.channel;
        return true;
    }
    if (const StatePtr st = stateOf(room))
        st->lastSeen = qMax(st->lastSeen, m->serverId);
    emit received(room, {*m}, Origin::Live);
    return true;
}

void ServerMessageRoute::roomSubscribed(Room *room)
{
    const StatePtr st = stateOf(room);
    if (!st)
        return;
    st->subscribed = true;
    ++st->generation;
    st->historyRetry.reset();
    st->historyBackoff.reset();
    // The network is back: messages waiting for their next attempt go now.
    for (auto it = st->outgoing.begin(); it != st->outgoing.end(); ++it) {
        if (!it->inFlight && it->retry) {
            it->retry->stop();
            it->retry.reset();
            const QString id = it.key();
            QMetaObject::invokeMethod(
                this,
                [this, weak = std::weak_ptr<RoomState>(st), id] {
                    if (const StatePtr s = weak.lock())
                        post(s, id);
                },
                Qt::QueuedConnection);
        }
    }
    st->sendBackoff.reset();
    // Edits waiting for their next attempt go now too.
    if (st->editRetry && st->editRetry->isActive()) {
        st->editRetry->stop();
        const QList<MessageChange> waiting = st->edits.values(); // patch() may drop one
        for (const MessageChange &edit : waiting)
            patch(st, edit);
    }
    if (!st->newestLoaded && st->lastSeen == 0) {
        fetchNewest(st);
        return;
    }
    // After a reconnect: what was said while we were away, after the last message seen.
    st->newestLoaded = true;
    st->fillCursor = st->lastSeen;
    fetchAfter(st, st->generation);
}

void ServerMessageRoute::historyFailed(const StatePtr &st, const QString &message,
                                       std::function<void()> again)
{
    if (!st->room || !m_clock)
        return;
    qCInfo(lcChat) << "history of" << st->room->name() << "not fetched:" << message;
    emit st->room->historyError(message);
    st->historyRetry = m_clock->createTimer();
    st->historyRetry->setCallback([this, again = std::move(again)] {
        QMetaObject::invokeMethod(this, again, Qt::QueuedConnection);
    });
    st->historyRetry->start(st->historyBackoff.next());
}

void ServerMessageRoute::fetchNewest(const StatePtr &st)
{
    Room *room = st->room;
    if (!room)
        return;
    room->setFetchingHistory(true);
    const int generation = st->generation;
    const std::weak_ptr<RoomState> weak = st;
    const QPointer<ServerMessageRoute> self(this);
    m_api->fetchMessages(room->name(), 0, 0, PageSize,
                         [self, weak, generation](const NatterServerApi::Failure &failure,
                                                  const NatterServerApi::Page &page) {
                             const StatePtr st = weak.lock();
                             if (!self || !st || !st->room || generation != st->generation)
                                 return;
                             Room *room = st->room;
                             if (!failure.ok()) {
                                 self->historyFailed(st, failure.message, [self, weak, generation] {
                                     const StatePtr st = weak.lock();
                                     if (self && st && generation == st->generation)
                                         self->fetchNewest(st);
                                 });
                                 return;
                             }
                             st->newestLoaded = true;
                             st->historyBackoff.reset();
                             for (const ChatMessage &m : page.messages)
                                 st->lastSeen = qMax(st->lastSeen, m.serverId);
                             room->setHasOlder(page.hasMore);
                             room->setFetchingHistory(false);
                             if (!page.messages.isEmpty())
                                 emit self->received(room, page.messages, Origin::History);
                         });
}

void ServerMessageRoute::fetchAfter(const StatePtr &st, int generation)
{
    Room *room = st->room;
    if (!room)
        return;
    room->setFetchingHistory(true);
    const std::weak_ptr<RoomState> weak = st;
    const QPointer<ServerMessageRoute> self(this);
    m_api->fetchMessages(room->name(), st->fillCursor, 0, PageSize,
                         [self, weak, generation](const NatterServerApi::Failure &failure,
                                                  const NatterServerApi::Page &page) {
                             const StatePtr st = weak.lock();
                             if (!self || !st || !st->room || generation != st->generation)
                                 return; // a newer subscription fills from where we are now
                             Room *room = st->room;
                             if (!failure.ok()) {
                                 self->historyFailed(st, failure.message, [self, weak, generation] {
                                     const StatePtr st = weak.lock();
                                     if (self && st && generation == st->generation)
                                         self->fetchAfter(st, generation);
                                 });
                                 return;
                             }
                             st->historyBackoff.reset();
                             for (const ChatMessage &m : page.messages)
                                 st->fillCursor = qMax(st->fillCursor, m.serverId);
                             st->lastSeen = qMax(st->lastSeen, st->fillCursor);
                             if (!page.messages.isEmpty())
                                 emit self->received(room, page.messages, Origin::Missed);
                             if (page.hasMore && !page.messages.isEmpty()) {
                                 self->fetchAfter(st, generation);
                                 return;
                             }
                             room->setFetchingHistory(false);
                         });
}

bool ServerMessageRoute::loadOlder(Room *room)
{
    const StatePtr st = stateOf(room);
    if (!st || !st->newestLoaded || !room->hasOlder() || room->isLoadingOlder())
        return false;
    const qint64 oldest = room->messages()->oldestServerId();
    if (oldest <= 0)
        return false;
    room->setLoadingOlder(true);
    const std::weak_ptr<RoomState> weak = st;
    const QPointer<ServerMessageRoute> self(this);
    m_api->fetchMessages(
        room->name(), 0, oldest, PageSize,
        [self, weak](const NatterServerApi::Failure &failure, const NatterServerApi::Page &page) {
            const StatePtr st = weak.lock();
            if (!self || !st || !st->room)
                return;
            Room *room = st->room;
            room->setLoadingOlder(false);
            if (!failure.ok()) {
                // The user scrolls up again to retry: no background loop.
                emit room->historyError(failure.message);
                return;
            }
            room->setHasOlder(page.hasMore);
            if (!page.messages.isEmpty())
                emit self->received(room, page.messages, Origin::History);
        });
    return true;
}

void ServerMessageRoute::sendEdit(Room *room, const MessageChange &edit)
{
    const StatePtr st = stateOf(room);
    if (!st)
        return; // the controller offers it again when the room is attached
    const auto queued = st->edits.constFind(edit.id);
    if (queued != st->edits.cend() && queued->kind == edit.kind && queued->editedAt == edit.editedAt)
        return; // already on its way
    st->edits.insert(edit.id, edit);
    patch(st, edit);
}

bool ServerMessageRoute::isEditInFlight(const QString &room, const QString &id) const
{
    const StatePtr st = m_rooms.value(room);
    return st && st->edits.contains(id);
}

void ServerMessageRoute::patch(const StatePtr &st, const MessageChange &edit)
{
    Room *room = st->room;
    if (!room)
        return;
    const int row = room->messages()->rowOf(edit.id);
    // Not loaded: a change restored from the outbox before the history page came.
    const qint64 serverId = row >= 0 ? room->messages()->at(row).serverId : edit.serverId;
    if (serverId <= 0) {
        st->edits.remove(edit.id);
        emit editFailed(room, edit, tr("The server has not stored this message yet."));
        return;
    }
    const std::weak_ptr<RoomState> weak = st;
    const QPointer<ServerMessageRoute> self(this);
    auto done = [self, weak, edit](const NatterServerApi::Failure &failure,
                                   const std::optional<ChatMessage> &) {
        const StatePtr st = weak.lock();
        if (!self || !st || !st->room)
            return;
        Room *room = st->room;
        const auto current = st->edits.constFind(edit.id);
        if (current == st->edits.cend() || current->kind != edit.kind
            || current->editedAt != edit.editedAt)
            return; // a newer edit of it went out meanwhile: its answer counts
        if (failure.ok()) {
            st->edits.erase(current);
            emit self->editSent(room, edit);
            return;
        }
        if (failure.isTransient() && self->m_clock) {
            qCInfo(lcChat) << "edit of" << edit.id << "not taken yet (" << failure.status
                           << "), trying again later";
            if (!st->editRetry) {
                st->editRetry = self->m_clock->createTimer();
                st->editRetry->setCallback([self, weak] {
                    if (!self)
                        return;
                    // Not inside the timer's own callback: patch() may restart this timer.
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, weak] {
                            const StatePtr st = weak.lock();
                            if (!self || !st)
                                return;
                            const QList<MessageChange> waiting = st->edits.values();
                            for (const MessageChange &e : waiting)
                                self->patch(st, e);
                        },
                        Qt::QueuedConnection);
                });
            }
            if (!st->editRetry->isActive())
                st->editRetry->start(st->sendBackoff.next());
            return;
        }
        st->edits.erase(current);
        emit self->editFailed(room, edit, failure.message);
    };
    if (edit.kind == MessageChange::Kind::Delete)
        m_api->deleteMessage(room->name(), serverId, socketId(), done);
    else
        m_api->editMessage(room->name(), serverId, edit.text, socketId(), done);
}

bool ServerMessageRoute::handleEditEvent(Room *room, const Event &event)
{
    // Triggered by the server only (no "client-" prefix): the user in it is the author it
    // checked before storing the change.
    const std::optional<ChatMessage> m = NatterServerApi::parseMessage(event.dataObject());
    if (!m) {
        qCWarning(lcChat) << "dropped a malformed" << event.event << "on" << event.channel;
        return true;
    }
    MessageChange edit;
    edit.kind = event.event == deletedEvent() ? MessageChange::Kind::Delete
                                              : MessageChange::Kind::Edit;
    edit.id = m->id;
    edit.text = m->text;
    edit.editedAt = m->editedAt.isValid() ? m->editedAt : QDateTime::currentDateTimeUtc();
    edit.senderId = m->senderId;
    emit editReceived(room, edit);
    return true;
}

} // namespace natter::chat
