#include "ChatController.h"

#include "ChatControllerPrivate.h"
#include "ChatWire.h"
#include "ConnectionStatus.h"
#include "LogChat.h"
#include "MessageListModel.h"
#include "MessageRoute.h"
#include "Outbox.h"
#include "Room.h"
#include "RoomListModel.h"

#include <pusher/Client.h>
#include <pusher/ClientEventQueue.h>
#include <pusher/Clock.h>
#include <pusher/Connection.h>
#include <pusher/PresenceChannel.h>
#include <pusher/SystemClock.h>
#include <pusher/Timer.h>

#include <QRegularExpression>
#include <QUuid>

namespace natter::chat {

using namespace natter::pusher;

namespace {
constexpr int kMaxClientEventBytes = 10 * 1024; // Pusher's limit for a client event's data
constexpr int kTypingIntervalMs = 2000;
} // namespace

ChatController::ChatController(Outbox *outbox, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
    , m_outbox(outbox)
    , m_roomList(new RoomListModel(this))
{
    // The signals name these types while they are incomplete in the header: register them
    // here so queued connections and QSignalSpy can carry them.
    qRegisterMetaType<natter::chat::Room *>();
    qRegisterMetaType<natter::pusher::Connection *>();
    qRegisterMetaType<natter::chat::ChatMessage>();
    qRegisterMetaType<QList<natter::chat::ChatMessage>>();
    qRegisterMetaType<natter::chat::MessageChange>();
}

ChatController::~ChatController()
{
    if (d->client) {
        d->status->setConnection(nullptr);
        QObject::disconnect(d->client->connection(), nullptr, this, nullptr);
        for (Room *r : std::as_const(d->rooms)) {
            d->detach(r);
            r->setChannel(nullptr);
        }
        d->route->setClient(nullptr, nullptr, m_userId);
        delete d->client;
        d->client = nullptr;
    }
    const QList<Room *> rooms = d->rooms;
    d->rooms.clear();
    qDeleteAll(rooms);
}

void ChatController::start(const ConnectionOptions &options, Authorizer *authorizer,
                           const QString &userId, const QString &userName, Clock *clock,
                           TransportFactory factory)
{
    stop();
    // Unsent messages are never left behind: their rooms are joined again.
    for (const ChatMessage &m : m_outbox->messages()) {
        if (!room(m.room) && validateRoomName(m.room).isEmpty())
            joinRoom(m.room);
    }
    for (const OutboxEdit &e : m_outbox->edits()) {
        if (!room(e.room()) && validateRoomName(e.room()).isEmpty())
            joinRoom(e.room());
    }
    m_userId = userId;
    m_userName = userName;
    d->options = options;
    d->loggedIn = false;
    d->loginOver = false;
    d->loginTroubled = false;
    if (!clock && factory) {
        if (!d->ownClock)
            d->ownClock = std::make_unique<SystemClock>();
        clock = d->ownClock.get();
    }
    d->client = clock ? new Client(options, authorizer, clock, std::move(factory), this)
                      : new Client(options, authorizer, this);
    d->clock = d->client->clock();
    d->subscribeTimer = d->clock->createTimer();
    d->subscribeTimer->setCallback([this, client = d->client] {
        // Not from inside the timer's own callback: failing stops (and a loginFailed handler
        // may restart) the session, which replaces this timer.
        QMetaObject::invokeMethod(
            this,
            [this, client] {
                if (d->client != client)
                    return; // stopped or restarted meanwhile
                const QString name = d->rooms.isEmpty() ? QString() : d->rooms.first()->name();
                // The subscription may still be confirmed (or fail with a reason): report
                // the wait, keep trying.
                d->troubledLogin(LoginError::Other,
                                 tr("The server has not confirmed the room %1 yet.").arg(name));
            },
            Qt::QueuedConnection);
    });
    Connection *connection = d->client->connection();
    connect(connection, &Connection::stateChanged, this,
            [this](ConnectionState previous, ConnectionState current) {
                d->onConnectionState(previous, current);
            });
    connect(connection, &Connection::connectionRefused, this,
            [this](int code, const QString &reason) {
                if (code == 4001)
                    // The title already says the key is unknown: the message says what the server did.
                    d->failLogin(LoginError::BadKey,
                                 tr("The server closed the connection as soon as it opened "
                                    "(code 4001)."));
                else
                    d->failLogin(LoginError::Other,
                                 reason.isEmpty()
                                     ? tr("The server refused the connection (code %1).").arg(code)
                                     : reason);
            });
    connect(connection, &Connection::tlsError, this, [this](const QString &reason) {
        // The transport's reason starts with what happened ("the server's certificate is not
        // trusted"); the "TLS error:" tag is for logs, the title already says it.
        QString what = reason;
        if (what.startsWith(QLatin1String("TLS error: ")))
            what = what.mid(11);
        d->failLogin(LoginError::Tls,
                     tr("The secure connection to %1 failed: %2").arg(d->address(), what));
    });
    d->route->setClient(d->client, d->clock, userId);
    d->status->setConnection(connection);
    for (Room *r : std::as_const(d->rooms))
        d->attach(r);
    emit connectionChanged(connection);
    qCInfo(lcChat) << "connecting as" << userId << "to" << d->address();
    d->client->connect();
}

void ChatController::stop()
{
    if (!d->client)
        return;
    Client *client = d->client;
    d->client = nullptr;
    d->subscribeTimer->stop(); // not deleted: stop() may run inside its callback chain
    d->status->setConnection(nullptr);
    QObject::disconnect(client->connection(), nullptr, this, nullptr);
    for (Room *r : std::as_const(d->rooms)) {
        d->detach(r);
        r->setChannel(nullptr);
        r->setClock(nullptr);
    }
    d->route->setClient(nullptr, nullptr, m_userId);
    d->loggedIn = false;
    client->disconnect();
    // stop() may run inside one of the client's own signals (a login failure): delete later.
    client->deleteLater();
    emit connectionChanged(nullptr);
}

void ChatController::setRoute(MessageRoute *route)
{
    d->setRoute(route);
}

MessageRoute *ChatController::route() const
{
    return d->route;
}

bool ChatController::loadOlder(const QString &name)
{
    Room *r = room(name);
    return r && d->client && d->route->loadOlder(r);
}

bool ChatController::isStarted() const
{
    return d->client != nullptr;
}

bool ChatController::isLoggedIn() const
{
    return d->loggedIn;
}

Client *ChatController::client() const
{
    return d->client;
}

Connection *ChatController::connection() const
{
    return d->client ? d->client->connection() : nullptr;
}

ConnectionStatus *ChatController::status() const
{
    return d->status;
}

QString ChatController::validateRoomName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    if (name.isEmpty())
        return tr("Enter a room name.");
    if (name.size() > MaxRoomNameLength)
        return tr("A room name has at most %1 characters.").arg(MaxRoomNameLength);
    if (!valid.match(name).hasMatch())
        return tr("Use letters, digits, - and _ only in room names.");
    return {};
}

Room *ChatController::joinRoom(const QString &name, QString *error)
{
    const QString problem = validateRoomName(name);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    if (Room *existing = room(name))
        return existing;
    auto *r = new Room(name, nullptr, this);
    d->rooms.append(r);
    connect(r, &Room::activeChanged, this, [this, r](bool active) {
        if (!active)
            return;
        for (Room *other : std::as_const(d->rooms)) {
            if (other != r)
                other->setActive(false);
        }
    });
    d->showOutbox(r);
    if (d->client)
        d->attach(r);
    m_roomList->addRoom(r);
    emit roomJoined(r);
    return r;
}

void ChatController::leaveRoom(const QString &roomName)
{
    // A copy: the caller's string may live in a model that leaving changes.
    const QString name = roomName;
    Room *r = room(name);
    if (!r)
        return;
    d->detach(r);
    if (d->client)
        d->client->unsubscribe(r->channelName()); // also drops its queued client events
    r->setChannel(nullptr);
    for (const ChatMessage &m : m_outbox->messages(name))
        m_outbox->remove(m.id);
    for (const OutboxEdit &e : m_outbox->edits(name))
        m_outbox->removeEdit(e.id());
    d->rooms.removeOne(r);
    m_roomList->removeRoom(name);
    emit roomLeft(name);
    r->deleteLater();
    d->checkLogin();
}

bool ChatController::retryRoom(const QString &name)
{
    Room *r = room(name);
    if (!r || !d->client)
        return false;
    if (!r->channel()) {
        d->attach(r); // the subscription was refused locally: try afresh
        return r->channel() != nullptr;
    }
    if (r->isSubscribed())
        return false;
    qCInfo(lcChat) << "retrying the room" << name;
    r->setError({});
    r->channel()->retry(); // its unsent messages stay queued and go out once subscribed
    return true;
}

Room *ChatController::room(const QString &name) const
{
    for (Room *r : d->rooms) {
        if (r->name() == name)
            return r;
    }
    return nullptr;
}

QList<Room *> ChatController::rooms() const
{
    return d->rooms;
}

void ChatController::setActiveRoom(const QString &name)
{
    for (Room *r : std::as_const(d->rooms)) {
        if (r->name() != name)
            r->setActive(false);
    }
    if (Room *r = room(name))
        r->setActive(true);
}

Room *ChatController::activeRoom() const
{
    for (Room *r : d->rooms) {
        if (r->isActive())
            return r;
    }
    return nullptr;
}

int ChatController::pendingCount(const QString &room) const
{
    return int(m_outbox->messages(room).size() + m_outbox->edits(room).size());
}

QString ChatController::validateMessage(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("Type a message first.");
    if (text.size() > MaxMessageLength)
        return tr("A message can have at most %1 characters (this one has %2).")
            .arg(MaxMessageLength)
            .arg(text.size());
    return {};
}

QString ChatController::send(const QString &roomName, const QString &text, QString *error)
{
    return sendReply(roomName, text, {}, error);
}

QString ChatController::sendReply(const QString &roomName, const QString &text,
                                  const QString &replyTo, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    Room *r = room(roomName);
    if (!r)
        return fail(tr("Join the room %1 first.").arg(roomName));
    const QString problem = validateMessage(text);
    if (!problem.isEmpty())
        return fail(problem);
    ChatMessage m;
    m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.room = roomName;
    m.senderId = m_userId;
    m.senderName = m_userName;
    m.text = text;
    m.sentAt = QDateTime::currentDateTimeUtc();
    m.state = ChatMessage::State::Pending;
    m.own = true;
    m.replyTo = replyTo;
    // 2000 characters fit unless they are mostly multi-byte or need escaping: check the wire size.
    if (ChatWire::encodeMessage(m).toUtf8().size() > kMaxClientEventBytes)
        return fail(tr("This message is too long to send (over 10 KB once encoded)."));
    r->messages()->append(m);
    m_outbox->add(m);
    d->enqueue(r, m);
    return m.id;
}

bool ChatController::retry(const QString &messageId)
{
    Room *r = d->roomOfMessage(messageId);
    if (!r)
        return false;
    if (m_outbox->edit(messageId))
        return d->retryEdit(r, messageId);
    ChatMessage m = r->messages()->at(r->messages()->rowOf(messageId));
    if (m.state != ChatMessage::State::Failed)
        return false;
    m.state = ChatMessage::State::Pending;
    m.error.clear();
    r->messages()->setState(messageId, ChatMessage::State::Pending);
    m_outbox->add(m);
    d->enqueue(r, m);
    return true;
}

bool ChatController::discard(const QString &messageId)
{
    Room *r = d->roomOfMessage(messageId);
    if (m_outbox->edit(messageId))
        return r ? d->discardEdit(r, messageId) : m_outbox->removeEdit(messageId);
    if (!r)
        return m_outbox->remove(messageId);
    // Once handed to the library it cannot be taken back: it will go out.
    if (d->route->isInFlight(r->name(), messageId))
        return false;
    const ChatMessage &m = r->messages()->at(r->messages()->rowOf(messageId));
    if (m.state != ChatMessage::State::Failed && m.state != ChatMessage::State::Pending)
        return false;
    r->messages()->remove(messageId);
    m_outbox->remove(messageId);
    return true;
}

void ChatController::notifyTyping(const QString &roomName)
{
    Room *r = room(roomName);
    if (!r || !r->isSubscribed() || !d->clock)
        return; // a stale "typing" delivered after a reconnect would be wrong: never queue it
    const qint64 now = d->clock->nowMs();
    const auto last = d->lastTypingSent.constFind(roomName);
    if (last != d->lastTypingSent.cend() && now - *last < kTypingIntervalMs)
        return;
    d->lastTypingSent.insert(roomName, now);
    // Shares the 10/s budget with messages, so it is paced with them; stale ones are dropped.
    r->channel()->trigger(ChatWire::typingEvent(), ChatWire::encodeTyping(m_userId, m_userName),
                          QString(), ClientEventQueue::Delivery::BestEffort);
}

} // namespace natter::chat
