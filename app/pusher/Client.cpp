#include "Client.h"

#include "ClientEventQueue.h"
#include "Connection.h"
#include "EncryptedChannel.h"
#include "LogPusher.h"
#include "PresenceChannel.h"
#include "SystemClock.h"
#include "UserSession.h"
#include "WebSocketTransport.h"

namespace natter::pusher {

Client::Client(const ConnectionOptions &options, Authorizer *authorizer, QObject *parent)
    : QObject(parent)
    , m_ownClock(std::make_unique<SystemClock>())
    , m_clock(m_ownClock.get())
    , m_authorizer(authorizer)
{
    m_connection = new Connection(options, m_clock, WebSocketTransport::factory(), this);
    init();
}

Client::Client(const ConnectionOptions &options, Authorizer *authorizer, Clock *clock,
               TransportFactory factory, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_authorizer(authorizer)
{
    m_connection = new Connection(
        options, m_clock, factory ? std::move(factory) : WebSocketTransport::factory(), this);
    init();
}

Client::~Client()
{
    // Channels and the session refer to the connection: take them down first, including the
    // forgotten ones still waiting for their deleteLater().
    m_channels.clear();
    qDeleteAll(findChildren<Channel *>(Qt::FindDirectChildrenOnly));
}

void Client::init()
{
    m_clientEvents = new ClientEventQueue(m_connection, m_clock, 10, this);
    m_user = new UserSession(
        m_connection, m_authorizer, m_clock, [this](const QString &name) { return open(name); },
        this);
    QObject::connect(m_connection, &Connection::eventReceived, this, &Client::onEvent);
    QObject::connect(m_connection, &Connection::serverError, this, &Client::onServerError);
    QObject::connect(m_connection, &Connection::stateChanged, this, &Client::onStateChanged);
}

void Client::connect()
{
    m_connection->connect();
}

void Client::disconnect()
{
    m_connection->disconnect();
}

Channel *Client::open(const QString &name)
{
    if (Channel *existing = m_channels.value(name)) {
        m_unsubscribed.removeOne(name);
        existing->subscribe();
        return existing;
    }
    const Channel::Services services{m_connection, m_authorizer, m_clock, m_clientEvents};
    Channel *channel = nullptr;
    switch (ChannelName::type(name)) {
    case ChannelName::Type::Presence:
        channel = new PresenceChannel(name, services, this);
        break;
    case ChannelName::Type::PrivateEncrypted:
        channel = new EncryptedChannel(name, services, this);
        break;
    default:
        channel = new Channel(name, services, this);
        break;
    }
    m_channels.insert(name, channel);
    QObject::connect(channel, &Channel::eventReceived, this, &Client::eventReceived);
    channel->subscribe();
    return channel;
}

Channel *Client::subscribe(const QString &name, QString *error)
{
    const QString problem = ChannelName::validate(name);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        qCWarning(lcPusher) << "not subscribing:" << problem;
        return nullptr;
    }
    return open(name);
}

PresenceChannel *Client::subscribePresence(const QString &name, QString *error)
{
    if (ChannelName::type(name) != ChannelName::Type::Presence) {
        if (error)
            *error = QStringLiteral("presence channel names start with \"presence-\"");
        return nullptr;
    }
    return qobject_cast<PresenceChannel *>(subscribe(name, error));
}

EncryptedChannel *Client::subscribeEncrypted(const QString &name, QString *error)
{
    if (ChannelName::type(name) != ChannelName::Type::PrivateEncrypted) {
        if (error)
            *error = QStringLiteral("encrypted channel names start with \"private-encrypted-\"");
        return nullptr;
    }
    return qobject_cast<EncryptedChannel *>(subscribe(name, error));
}

void Client::unsubscribe(const QString &name)
{
    Channel *channel = m_channels.value(name);
    if (!channel)
        return;
    channel->unsubscribe();
    m_unsubscribed.removeOne(name);
    m_unsubscribed.append(name);
    while (m_unsubscribed.size() > RetainedUnsubscribed) {
        Channel *old = m_channels.take(m_unsubscribed.takeFirst());
        if (old == m_lastChannel) {
            m_lastChannel = nullptr;
            m_lastName.clear();
        }
        // Later: this may run inside one of its own signals.
        old->deleteLater();
    }
}

QMetaObject::Connection Client::bindGlobal(const QObject *context,
                                           std::function<void(const Event &)> handler)
{
    return QObject::connect(this, &Client::eventReceived, context, std::move(handler));
}

void Client::onEvent(const Event &event)
{
    if (event.channel.isEmpty()) {
        if (!m_user->handleEvent(event))
            qCDebug(lcPusher) << "connection-level event ignored:" << event.event;
        return;
    }
    Channel *channel = nullptr;
    if (m_lastChannel && event.channel.constData() == m_lastName.constData()) {
        channel = m_lastChannel;
    } else {
        channel = m_channels.value(event.channel);
        m_lastName = event.channel;
        m_lastChannel = channel;
    }
    if (!channel) {
        qCDebug(lcPusher) << "event for unknown channel dropped:" << event.channel << event.event;
        return;
    }
    channel->handleEvent(event);
}

void Client::onServerError(int code, const QString &message, const QString &channelName)
{
    if (Channel *channel = m_channels.value(channelName)) {
        channel->handleServerError(code, message);
        return;
    }
    if (m_user->handleServerError(code, message))
        return;
    // Hosted Pusher refuses client events (4301) without naming the channel.
    if (code == 4301)
        m_clientEvents->serverRejected(nullptr, code, message);
    emit serverError(code, message);
}

void Client::onStateChanged()
{
    const bool connected = m_connection->isConnected();
    if (connected == m_wasConnected)
        return;
    m_wasConnected = connected;
    // A copy: handlers may subscribe or unsubscribe.
    const QList<Channel *> all = m_channels.values();
    if (connected) {
        for (Channel *c : all)
            c->connectionUp();
        m_user->connectionUp();
    } else {
        for (Channel *c : all)
            c->connectionDown();
        m_user->connectionDown();
    }
}

} // namespace natter::pusher
