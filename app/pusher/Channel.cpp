#include "Channel.h"

#include "AuthRequest.h"
#include "Authorizer.h"
#include "Backoff.h"
#include "ClientEventQueue.h"
#include "Clock.h"
#include "Connection.h"
#include "FrameObserver.h"
#include "JsonText.h"
#include "LogPusher.h"
#include "Timer.h"

#include <QJsonObject>

namespace natter::pusher {

namespace {
constexpr int kMaxClientEventBytes = 10 * 1024;
// Events held back while a subscription completes (a 10,000-per-second flood for 1 s).
constexpr qsizetype kMaxHeldEvents = 10000;
} // namespace

Channel::Channel(const QString &name, const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_name(name)
    , m_type(ChannelName::type(name))
    , m_cache(ChannelName::isCache(name))
    , m_authRetryTimer(services.clock->createTimer())
    , m_authBackoff(std::make_unique<Backoff>(services.clock, 500, 30000, 2.0, 0.2))
{
    m_authRetryTimer->setCallback([this] { start(); });
}

Channel::~Channel() = default;

QMetaObject::Connection Channel::bind(const QString &event, const QObject *context,
                                      std::function<void(const Event &)> handler)
{
    return QObject::connect(this, &Channel::eventReceived, context,
                            [event, handler = std::move(handler)](const Event &e) {
                                if (e.event == event)
                                    handler(e);
                            });
}

QMetaObject::Connection Channel::bindAll(const QObject *context,
                                         std::function<void(const Event &)> handler)
{
    return QObject::connect(this, &Channel::eventReceived, context, std::move(handler));
}

void Channel::setState(State state)
{
    if (state == m_state)
        return;
    const State previous = m_state;
    m_state = state;
    emit stateChanged(previous, state);
    if (state == State::Subscribed)
        emit subscribed();
}

void Channel::fail(const ChannelError &error)
{
    cancelAuth();
    dropHeldEvents();
    m_lastError = error;
    qCWarning(lcPusher) << "channel" << m_name << "failed:" << error.message;
    setState(State::Failed);
    emit subscriptionFailed(error);
}

void Channel::subscribe()
{
    if (m_wanted && m_state != State::Failed && m_state != State::Unsubscribed)
        return; // idempotent
    m_wanted = true;
    if (m_services.connection->isConnected())
        start();
}

void Channel::unsubscribe()
{
    const bool onServer = m_state == State::Pending || m_state == State::Subscribed;
    m_wanted = false;
    cancelAuth();
    if (onServer && m_services.connection->isConnected())
        m_services.connection->sendEvent(
            QStringLiteral("pusher:unsubscribe"),
            QStringLiteral("{\"channel\":%1}").arg(json::quote(m_name)));
    m_services.clientEvents->dropChannel(this);
    dropHeldEvents();
    onReset();
    setState(State::Unsubscribed);
}

void Channel::retry()
{
    if (!m_wanted || !m_services.connection->isConnected())
        return;
    if (m_state == State::Failed || (m_state == State::Authorizing && m_authRetryTimer->isActive()))
        start();
}

void Channel::connectionUp()
{
    if (m_wanted)
        start();
}

void Channel::connectionDown()
{
    cancelAuth();
    dropHeldEvents();
    onReset();
    if (m_state != State::Failed || m_wanted)
        setState(State::Unsubscribed);
}

void Channel::cancelAuth()
{
    m_authRetryTimer->stop();
    delete m_authRequest.data(); // cancels the request; no signal follows
}

void Channel::start()
{
    cancelAuth();
    dropHeldEvents(); // a new pusher:subscribe: what waited for the old one is not about it
    m_lastError.reset();
    if (m_type == ChannelName::Type::Public) {
        m_services.connection->sendEvent(
            QStringLiteral("pusher:subscribe"),
            QStringLiteral("{\"channel\":%1}").arg(json::quote(m_name)));
        setState(State::Pending);
        return;
    }
    if (!m_services.authorizer) {
        fail(
            {ChannelError::Kind::AuthBadResponse, 0,
             QStringLiteral("%1 needs authorization, but no authorizer is configured").arg(m_name)});
        return;
    }
    setState(State::Authorizing);
    if (FrameObserver *observer = m_services.connection->frameObserver())
        observer->authRequested(m_name);
    m_authRequest = m_services.authorizer->authorizeChannel(m_services.connection->socketId(),
                                                            m_name, this);
    QObject::connect(m_authRequest, &AuthRequest::succeeded, this, &Channel::onAuthSucceeded);
    QObject::connect(m_authRequest, &AuthRequest::failed, this, &Channel::onAuthFailed);
}

void Channel::onAuthSucceeded(const AuthResponse &response)
{
    if (AuthRequest *r = m_authRequest.data())
        r->deleteLater();
    m_authRequest.clear();
    if (FrameObserver *observer = m_services.connection->frameObserver())
        observer->authSucceeded(m_name, response);
    if (!m_services.connection->isConnected())
        return; // the socket id it was signed for is gone; connectionUp() starts again
    QString whyNot;
    if (!acceptAuth(response, &whyNot)) {
        fail({ChannelError::Kind::AuthBadResponse, 200, whyNot});
        return;
    }
    m_authBackoff->reset();
    m_services.connection->sendEvent(QStringLiteral("pusher:subscribe"), subscribeData(response));
    setState(State::Pending);
}

void Channel::onAuthFailed(const AuthError &error)
{
    if (AuthRequest *r = m_authRequest.data())
        r->deleteLater();
    m_authRequest.clear();
    if (FrameObserver *observer = m_services.connection->frameObserver())
        observer->authFailed(m_name, error);
    switch (error.kind) {
    case AuthError::Kind::Transient: {
        const int delay = m_authBackoff->next();
        qCInfo(lcPusher) << "auth for" << m_name << "failed transiently, retrying in" << delay
                         << "ms";
        m_lastError = ChannelError{ChannelError::Kind::AuthUnavailable, error.httpStatus,
                                   error.message};
        m_authRetryTimer->start(delay);
        emit authRetrying(delay, error.message);
        break;
    }
    case AuthError::Kind::Refused:
        fail({ChannelError::Kind::AuthRefused, error.httpStatus, error.message});
        break;
    case AuthError::Kind::BadResponse:
        fail({ChannelError::Kind::AuthBadResponse, error.httpStatus, error.message});
        break;
    }
}

bool Channel::acceptAuth(const AuthResponse &response, QString *whyNot)
{
    if (response.auth.isEmpty()) {
        *whyNot = QStringLiteral("the auth response has no \"auth\" field");
        return false;
    }
    return true;
}

QString Channel::subscribeData(const AuthResponse &response) const
{
    QString data = QStringLiteral("{\"channel\":") + json::quote(m_name)
        + QStringLiteral(",\"auth\":") + json::quote(response.auth);
    if (!response.channelData.isEmpty())
        data += QStringLiteral(",\"channel_data\":") + json::quote(response.channelData);
    return data + u'}';
}

void Channel::handleEvent(const Event &event)
{
    if (!m_wanted)
        return; // unsubscribed: frames still in flight from the server are not ours to act on
    if (m_completing) {
        // Bounded: the subscription completes on the next turn of the event loop, so this holds
        // what one socket read brought in the meantime.
        if (m_held.size() < kMaxHeldEvents)
            m_held.append(event);
        else
            qCWarning(lcPusher) << "event dropped while" << m_name << "completes:" << event.event;
        return;
    }
    const QString &name = event.event;
    if (name.startsWith(QLatin1String("pusher"))) {
        if (name == QLatin1String("pusher_internal:subscription_succeeded")) {
            if (onSubscriptionSucceeded(event))
                completeSubscription();
            else
                m_completing = true;
            return;
        }
        if (name == QLatin1String("pusher:subscription_error")) {
            const QJsonObject data = event.dataObject();
            const int status = data.value(QLatin1String("status")).toInt();
            QString message = data.value(QLatin1String("error")).toString();
            if (message.isEmpty())
                message = event.data;
            fail({ChannelError::Kind::ServerRejected, status, message});
            return;
        }
        if (name == QLatin1String("pusher_internal:subscription_count")) {
            m_subscriptionCount
                = event.dataObject().value(QLatin1String("subscription_count")).toInt();
            emit subscriptionCountChanged(m_subscriptionCount);
            return;
        }
        if (name == QLatin1String("pusher:cache_miss")) {
            emit cacheMiss();
            return;
        }
        if (name.startsWith(QLatin1String("pusher_internal:"))) {
            // Pending too: a server cluster can deliver another node's news before our own
            // subscription_succeeded (see PresenceChannel).
            if (m_state == State::Subscribed || m_state == State::Pending)
                handleInternal(event);
            return;
        }
    }
    deliver(event);
}

void Channel::handleServerError(int code, const QString &message)
{
    // 4301 and friends: a client event was refused. Anything naming a channel that is not yet
    // subscribed is about the subscription itself (e.g. "Invalid signature").
    if (m_state == State::Pending || m_state == State::Authorizing) {
        fail({ChannelError::Kind::ServerRejected, code, message});
        return;
    }
    m_services.clientEvents->serverRejected(this, code, message);
    emit clientEventRejected(
        {ClientEventError::Kind::RejectedByServer,
         code == 4301 && message.contains(QLatin1String("client messaging"))
             ? QStringLiteral("the server has client events disabled for this app: %1").arg(message)
             : message});
}

bool Channel::onSubscriptionSucceeded(const Event &)
{
    return true;
}

void Channel::completeSubscription()
{
    m_completing = false;
    setState(State::Subscribed);
    m_services.clientEvents->channelReady(this);
    const QList<Event> held = std::exchange(m_held, {});
    for (const Event &e : held)
        handleEvent(e);
}

void Channel::dropHeldEvents()
{
    m_completing = false;
    m_held.clear();
}

void Channel::onReset() { }
void Channel::handleInternal(const Event &) { }

void Channel::deliver(const Event &event)
{
    emit eventReceived(event);
}

std::optional<ClientEventError> Channel::trigger(const QString &event, const QString &rawJsonData,
                                                 const QString &tag,
                                                 ClientEventQueue::Delivery delivery)
{
    if (!event.startsWith(QLatin1String("client-")))
        return ClientEventError{
            ClientEventError::Kind::BadName,
            QStringLiteral("client event names must start with \"client-\" (got \"%1\")").arg(event)};
    if (!ChannelName::allowsClientEvents(m_name))
        return ClientEventError{
            ClientEventError::Kind::NotAllowedOnChannel,
            QStringLiteral(
                "client events are only allowed on private- and presence- channels (not on %1)")
                .arg(m_name)};
    const qsizetype bytes = rawJsonData.toUtf8().size();
    if (bytes > kMaxClientEventBytes)
        return ClientEventError{ClientEventError::Kind::TooLarge,
                                QStringLiteral("client event data is %1 bytes; the limit is %2")
                                    .arg(bytes)
                                    .arg(kMaxClientEventBytes)};
    m_services.clientEvents->enqueue(this, event, rawJsonData, tag, delivery);
    return std::nullopt;
}

} // namespace natter::pusher
