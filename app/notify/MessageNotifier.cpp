#include "MessageNotifier.h"

#include "NotificationPreferences.h"
#include "PermissionStore.h"

#include <chat/ChatController.h>
#include <chat/ChatMessage.h>
#include <chat/ConnectionStatus.h>
#include <chat/Room.h>
#include <desktop/InitialsAvatar.h>
#include <desktop/Notification.h>
#include <desktop/NotificationText.h>
#include <desktop/Notifier.h>
#include <pusher/Clock.h>
#include <pusher/Timer.h>

namespace natter::notify {

using natter::desktop::InitialsAvatar;
using natter::desktop::Notification;
namespace Text = natter::desktop::NotificationText;

MessageNotifier::MessageNotifier(PermissionStore *permissions, NotificationPreferences *preferences,
                                 natter::pusher::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_permissions(permissions)
    , m_preferences(preferences)
    , m_clock(clock)
    , m_policy(clock)
    , m_burstTimer(clock->createTimer())
{
    m_burstTimer->setCallback([this] { onBurstTimer(); });
    connect(m_permissions, &PermissionStore::permissionChanged, this,
            [this](const QString &origin, Permission permission) {
                if (origin == m_origin && permission == Permission::Denied)
                    closeAll();
            });
}

MessageNotifier::~MessageNotifier()
{
    closeAll();
}

void MessageNotifier::setNotifier(natter::desktop::Notifier *notifier)
{
    if (notifier == m_notifier)
        return;
    closeAll();
    m_notifier = notifier;
    m_reportedFailure = false;
}

void MessageNotifier::setController(natter::chat::ChatController *controller)
{
    for (const auto &link : std::as_const(m_controllerLinks))
        disconnect(link);
    m_controllerLinks.clear();
    closeAll();
    m_waiting.clear();
    m_waitingDropped.clear();
    m_controller = controller;
    if (!controller)
        return;
    m_userName = controller->userName();
    m_controllerLinks << connect(controller, &natter::chat::ChatController::messageReceived, this,
                                 &MessageNotifier::onMessageReceived)
                      << connect(controller, &natter::chat::ChatController::messagesFetched, this,
                                 &MessageNotifier::onMessagesFetched)
                      << connect(controller, &natter::chat::ChatController::roomLeft, this,
                                 &MessageNotifier::closeRoom);
    m_wasConnected = false;
    m_dropped = false;
    if (natter::chat::ConnectionStatus *status = controller->status()) {
        m_controllerLinks << connect(status, &natter::chat::ConnectionStatus::changed, this,
                                     [this, status] {
                                         using Kind = natter::chat::ConnectionStatus::Kind;
                                         if (status->kind() == Kind::Connected) {
                                             if (m_wasConnected && m_dropped)
                                                 onReconnected();
                                             m_wasConnected = true;
                                             m_dropped = false;
                                         } else if (m_wasConnected) {
                                             m_dropped = true;
                                         }
                                     });
    }
}

void MessageNotifier::onReconnected()
{
    m_policy.startBurst();
}

void MessageNotifier::setOrigin(const QString &origin)
{
    if (origin == m_origin)
        return;
    closeAll();
    m_waiting.clear();
    m_waitingDropped.clear();
    m_origin = origin;
}

void MessageNotifier::setFocusedRoom(const QString &room)
{
    m_focusedRoom = room;
    // Looking at the room reads it.
    if (!room.isEmpty())
        closeRoom(room);
}

void MessageNotifier::onMessageReceived(natter::chat::Room *room,
                                        const natter::chat::ChatMessage &message)
{
    if (!room || !m_notifier)
        return;
    const RoomMode mode = m_preferences->roomMode(m_origin, room->name());
    const auto verdict = m_policy.evaluate(message, mode, m_focusedRoom, m_userName);
    if (!verdict.notify() && !verdict.held())
        return;
    switch (m_permissions->checkPermission(m_origin)) {
    case Permission::Denied:
        return;
    case Permission::NotAsked: {
        // Ask once, the first time a notification would be raised; until the answer the
        // messages wait here and nothing is shown.
        m_waiting.append({room, message});
        if (m_waiting.size() > MaxWaiting) {
            const auto dropped = m_waiting.takeFirst();
            if (dropped.first)
                ++m_waitingDropped[dropped.first->name()];
        }
        QPointer<MessageNotifier> self(this);
        const QString origin = m_origin;
        m_permissions->requestPermission(origin, [self, origin](Permission answer) {
            if (self && self->m_origin == origin)
                self->onPermission(answer == Permission::Allowed);
        });
        return;
    }
    case Permission::Allowed:
        break;
    }
    accumulate(room, message);
    if (verdict.held()) {
        m_rooms[room->name()].held++;
        if (!m_burstTimer->isActive())
            m_burstTimer->start(int(m_policy.burstEndsAt() - m_clock->nowMs()));
        return;
    }
    showRoom(room->name(), m_policy.takeSound());
}

void MessageNotifier::onMessagesFetched(natter::chat::Room *room,
                                        const QList<natter::chat::ChatMessage> &messages)
{
    if (!room || !m_notifier)
        return;
    const RoomMode mode = m_preferences->roomMode(m_origin, room->name());
    QList<natter::chat::ChatMessage> wanted;
    for (const natter::chat::ChatMessage &m : messages) {
        if (m_policy.screen(m, mode, m_focusedRoom, m_userName).notify())
            wanted.append(m);
    }
    if (wanted.isEmpty())
        return;
    switch (m_permissions->checkPermission(m_origin)) {
    case Permission::Denied:
        return;
    case Permission::NotAsked: {
        // Only the last lines are shown; the rest is counted, as with a flood before the answer.
        const qsizetype skip = qMax<qsizetype>(0, wanted.size() - MaxLines);
        if (skip > 0)
            m_waitingDropped[room->name()] += int(skip);
        for (qsizetype i = skip; i < wanted.size(); ++i)
            m_waiting.append({room, wanted.at(i)});
        while (m_waiting.size() > MaxWaiting) {
            const auto dropped = m_waiting.takeFirst();
            if (dropped.first)
                ++m_waitingDropped[dropped.first->name()];
        }
        QPointer<MessageNotifier> self(this);
        const QString origin = m_origin;
        m_permissions->requestPermission(origin, [self, origin](Permission answer) {
            if (self && self->m_origin == origin)
                self->onPermission(answer == Permission::Allowed);
        });
        return;
    }
    case Permission::Allowed:
        break;
    }
    for (const natter::chat::ChatMessage &m : std::as_const(wanted))
        accumulate(room, m);
    RoomState &state = m_rooms[room->name()];
    if (m_policy.inBurst()) {
        // A live burst is being held: the fetched ones join its summary.
        state.held += int(wanted.size());
        if (!m_burstTimer->isActive())
            m_burstTimer->start(int(std::max<qint64>(1, m_policy.burstEndsAt() - m_clock->nowMs())));
        return;
    }
    showRoom(room->name(), m_policy.takeSound());
}

int MessageNotifier::waitingCount() const
{
    return int(m_waiting.size());
}

void MessageNotifier::onPermission(bool allowed)
{
    const auto waiting = std::exchange(m_waiting, {});
    const auto dropped = std::exchange(m_waitingDropped, {});
    if (!allowed)
        return;
    QStringList rooms;
    for (auto it = dropped.cbegin(); it != dropped.cend(); ++it)
        m_rooms[it.key()].count += it.value(); // counted in "N new messages", not shown
    for (const auto &[room, message] : waiting) {
        if (!room)
            continue;
        accumulate(room, message);
        if (!rooms.contains(room->name()))
            rooms << room->name();
    }
    bool sound = m_policy.takeSound();
    for (const auto &room : std::as_const(rooms)) {
        showRoom(room, sound);
        sound = false;
    }
}

void MessageNotifier::onBurstTimer()
{
    if (m_policy.inBurst()) {
        m_burstTimer->start(int(std::max<qint64>(1, m_policy.burstEndsAt() - m_clock->nowMs())));
        return;
    }
    bool sound = m_policy.takeSound();
    const QStringList rooms = m_rooms.keys();
    for (const auto &room : rooms) {
        auto it = m_rooms.find(room);
        if (it == m_rooms.end() || it->held == 0)
            continue;
        it->held = 0;
        showRoom(room, sound);
        sound = false;
    }
}

void MessageNotifier::accumulate(natter::chat::Room *room, const natter::chat::ChatMessage &message)
{
    RoomState &state = m_rooms[room->name()];
    if (!state.room) {
        state.room = room;
        watchRoom(room);
    }
    QString name = message.senderName.isEmpty() ? message.senderId : message.senderName;
    state.lastSenderName = name;
    // A name only the sender vouches for is marked, as in the message list.
    if (!message.senderVerified)
        name = tr("%1 (not in the room)").arg(name);
    const QString sender = Text::truncate(Text::singleLine(name), MaxNameChars);
    state.lastSenderId = message.senderId;
    state.senders.removeAll(sender);
    state.senders.append(sender);
    state.lines.append(Text::truncate(
        sender + QStringLiteral(": ") + Text::singleLine(message.text), MaxLineChars));
    while (state.lines.size() > MaxLines)
        state.lines.removeFirst();
    state.count++;
}

void MessageNotifier::watchRoom(natter::chat::Room *room)
{
    const QString name = room->name();
    auto &links = m_roomLinks[name];
    for (const auto &link : std::as_const(links))
        disconnect(link);
    links.clear();
    links << connect(room, &natter::chat::Room::unreadChanged, this, [this, name](int unread) {
        if (unread == 0)
            closeRoom(name);
    }) << connect(room, &natter::chat::Room::activeChanged, this, [this, name](bool active) {
        if (active)
            closeRoom(name);
    }) << connect(room, &QObject::destroyed, this, [this, name] { closeRoom(name); });
}

void MessageNotifier::showRoom(const QString &roomName, bool sound)
{
    if (!m_notifier)
        return;
    RoomState &state = m_rooms[roomName];
    if (state.count == 0)
        return;
    const QString title = summaryFor(state.senders, roomName);
    QStringList body;
    if (state.count > state.lines.size())
        body << tr("%n new messages", nullptr, state.count);
    body << state.lines;
    if (!state.notification) {
        state.notification = m_notifier->createNotification({}, title, body.join(QLatin1Char('\n')));
        state.notification->setParent(this);
        Notification *n = state.notification;
        connect(n, &Notification::actionInvoked, this,
                [this, roomName](const QString &action) { onAction(roomName, action); });
        connect(n, &Notification::replied, this,
                [this, roomName](const QString &text) { emit replyRequested(roomName, text); });
        connect(n, &Notification::closed, this, [this, roomName, n] {
            // Dismissed by the user: the next message starts a fresh notification.
            auto it = m_rooms.find(roomName);
            if (it != m_rooms.end() && it->notification == n)
                closeRoom(roomName);
        });
        connect(n, &Notification::failed, this, [this](const QString &why) {
            if (!std::exchange(m_reportedFailure, true))
                emit notificationFailed(why);
        });
    } else {
        state.notification->setContent({}, title, body.join(QLatin1Char('\n')));
    }
    Notification *n = state.notification;
    n->setOrigin(m_origin);
    n->setImage(InitialsAvatar::paint(state.lastSenderId, state.lastSenderName));
    n->setCategory(QStringLiteral("im.received"));
    n->setSoundName(sound && m_preferences->soundEnabled() ? QStringLiteral("message-new-instant")
                                                           : QString());
    n->setActions({{QLatin1String(Notification::DefaultAction), tr("Open")},
                   {QLatin1String(Notification::MarkReadAction), tr("Mark as read")},
                   {QLatin1String(Notification::BlockOriginAction),
                    tr("Block notifications from %1").arg(m_origin)},
                   {QLatin1String(Notification::ReplyAction), tr("Reply")}});
    n->show();
    emit attentionRequested(roomName);
}

void MessageNotifier::onAction(const QString &room, const QString &action)
{
    auto it = m_rooms.find(room);
    const QByteArray token = it != m_rooms.end() && it->notification
        ? it->notification->activationToken()
        : QByteArray();
    if (action == QLatin1String(Notification::DefaultAction)) {
        emit activateRoomRequested(room, token);
        closeRoom(room);
    } else if (action == QLatin1String(Notification::MarkReadAction)) {
        emit markReadRequested(room);
        closeRoom(room);
    } else if (action == QLatin1String(Notification::BlockOriginAction)) {
        // The Webkit "block this origin" link: denied from now on (permissionChanged closes all).
        m_permissions->setPermission(m_origin, Permission::Denied);
        closeAll();
    }
}

void MessageNotifier::dropNotification(RoomState &state)
{
    if (Notification *n = std::exchange(state.notification, nullptr)) {
        n->disconnect(this);
        if (n->isShown())
            n->close();
        n->deleteLater();
    }
    state.senders.clear();
    state.lines.clear();
    state.count = 0;
    state.held = 0;
}

void MessageNotifier::closeRoom(const QString &room)
{
    auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return;
    dropNotification(*it);
    m_rooms.erase(it);
    for (const auto &link : m_roomLinks.take(room))
        disconnect(link);
}

void MessageNotifier::closeAll()
{
    const QStringList rooms = m_rooms.keys();
    for (const auto &room : rooms)
        closeRoom(room);
}

natter::desktop::Notification *MessageNotifier::notificationFor(const QString &room) const
{
    return m_rooms.value(room).notification;
}

QString MessageNotifier::summaryFor(const QStringList &senders, const QString &room)
{
    const QString where = QStringLiteral("#") + room;
    if (senders.isEmpty())
        return where;
    const QString latest = senders.last();
    if (senders.size() == 1)
        return tr("%1 in %2").arg(latest, where);
    if (senders.size() == 2)
        return tr("%1 and %2 in %3").arg(latest, senders.first(), where);
    return tr("%1 and %n others in %2", nullptr, int(senders.size() - 1)).arg(latest, where);
}

} // namespace natter::notify
