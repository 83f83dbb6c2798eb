#include "Connection.h"

#include "Clock.h"
#include "JsonText.h"
#include "LogPusher.h"
#include "Timer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace natter::pusher {

namespace {
constexpr int kProbePongTimeoutMs = 5000;

QString pusherErrorChannel(const QString &message)
{
    // Hosted Pusher reports a bad channel signature as a connection-level error with no
    // channel field; the channel is only in the text.
    // ',' is legal in channel names, so the name ends where ", but got" (or ':' or the text) does.
    static const QRegularExpression re(
        QStringLiteral("digest of [0-9.]+:([A-Za-z0-9_\\-=@,.;#]+?)(?=:|, but got|\\s|$)"));
    const auto match = re.match(message);
    return match.hasMatch() ? match.captured(1) : QString();
}
} // namespace

Connection::Connection(const ConnectionOptions &options, Clock *clock, TransportFactory factory,
                       QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
    , m_factory(std::move(factory))
    , m_retryTimer(clock->createTimer())
    , m_activityTimer(clock->createTimer())
    , m_pongTimer(clock->createTimer())
    , m_unavailableTimer(clock->createTimer())
    , m_handshakeTimer(clock->createTimer())
    , m_backoff(clock, options.backoffInitialMs, options.backoffMaxMs, options.backoffFactor,
                options.backoffJitter)
    , m_activityTimeoutMs(options.activityTimeoutMs)
{
    m_retryTimer->setCallback([this] { startAttempt(); });
    m_activityTimer->setCallback([this] { onActivityTimeout(); });
    m_pongTimer->setCallback([this] {
        qCInfo(lcPusher) << "no pong within the timeout: reconnecting";
        dropTransport();
        emit connectionLost(4201, QStringLiteral("pong not received"));
        setState(ConnectionState::Connecting);
        m_unavailableTimer->start(m_options.unavailableTimeoutMs);
        scheduleRetry(0);
    });
    m_unavailableTimer->setCallback([this] {
        if (m_state == ConnectionState::Connecting)
            setState(ConnectionState::Unavailable);
    });
    m_handshakeTimer->setCallback([this] {
        dropTransport();
        emit connectionLost(1006, QStringLiteral("handshake timed out"));
        scheduleRetry(m_backoff.next());
    });
}

Connection::~Connection()
{
    if (m_transport)
        m_transport->abort();
}

void Connection::setState(ConnectionState state)
{
    if (state == m_state)
        return;
    const ConnectionState previous = m_state;
    m_state = state;
    qCInfo(lcPusher) << "state" << toString(previous) << "->" << toString(state);
    emit stateChanged(previous, state);
}

void Connection::connect()
{
    m_wanted = true;
    if (m_transport || m_retryTimer->isActive())
        return; // an attempt is running or scheduled: nothing to add
    if (m_state != ConnectionState::Unavailable)
        setState(ConnectionState::Connecting);
    if (!m_unavailableTimer->isActive())
        m_unavailableTimer->start(m_options.unavailableTimeoutMs);
    m_backoff.reset();
    startAttempt();
}

void Connection::disconnect()
{
    m_wanted = false;
    m_retryTimer->stop();
    m_unavailableTimer->stop();
    dropTransport();
    setState(ConnectionState::Disconnected);
}

void Connection::checkNow()
{
    if (!m_wanted)
        return;
    if (m_state == ConnectionState::Connected)
        sendPing(qMin(m_options.pongTimeoutMs, kProbePongTimeoutMs));
    else
        retryNow();
}

void Connection::retryNow()
{
    if (m_retryTimer->isActive()) {
        m_retryTimer->stop();
        startAttempt();
    }
}

void Connection::startAttempt()
{
    dropTransport();
    m_transport = m_factory(m_options);
    Transport *t = m_transport.get();
    QObject::connect(t, &Transport::textReceived, this, &Connection::onText);
    QObject::connect(t, &Transport::closed, this, &Connection::onClosed);
    QObject::connect(t, &Transport::malformedReceived, this, &Connection::malformedFrame);
    m_handshakeTimer->start(m_options.handshakeTimeoutMs);
    const QUrl url = m_options.url();
    qCInfo(lcPusher) << "connecting to" << url.toString(QUrl::RemoveQuery);
    t->open(url);
}

void Connection::scheduleRetry(int delayMs)
{
    emit reconnectingIn(delayMs);
    m_retryTimer->start(delayMs);
}

void Connection::dropTransport()
{
    m_handshakeTimer->stop();
    m_activityTimer->stop();
    m_pongTimer->stop();
    m_awaitingPong = false;
    m_established = false;
    m_socketId.clear();
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->abort();
        // Deleting from inside its own signal is unsafe: let the event loop do it.
        m_transport.release()->deleteLater();
    }
}

bool Connection::send(const QString &json)
{
    if (!m_established || !m_transport)
        return false;
    return m_transport->sendText(json);
}

bool Connection::sendEvent(const QString &event, const QString &rawJsonData, const QString &channel)
{
    QString json;
    json.reserve(event.size() + rawJsonData.size() + channel.size() + 40);
    json += QStringLiteral("{\"event\":");
    json += json::quote(event);
    if (!channel.isEmpty()) {
        json += QStringLiteral(",\"channel\":");
        json += json::quote(channel);
    }
    json += QStringLiteral(",\"data\":");
    json += rawJsonData.isEmpty() ? QStringLiteral("{}") : rawJsonData;
    json += u'}';
    // Subscribe and sign-in frames carry signatures: never log their payload.
    if (!event.startsWith(QLatin1String("pusher:s")))
        qCDebug(lcPusherWire) << "send" << json;
    else
        qCDebug(lcPusherWire) << "send" << event << channel;
    return send(json);
}

void Connection::onText(const QString &text)
{
    if (m_established) {
        // Restarting a timer per frame costs more than parsing the frame; note the time and let
        // the activity timer, when it fires, work out whether the link was really idle.
        m_lastActivityMs = m_clock->nowMs();
        if (m_awaitingPong) {
            m_awaitingPong = false;
            m_pongTimer->stop();
            if (!m_activityTimer->isActive())
                m_activityTimer->start(m_activityTimeoutMs);
        }
    }
    if (!m_parser.parse(text, m_event)) {
        qCWarning(lcPusher) << "malformed frame dropped:" << m_parser.error();
        emit malformedFrame(m_parser.error());
        return;
    }
    const QString &name = m_event.event;
    if (name.startsWith(QLatin1String("pusher:"))) {
        if (name == QLatin1String("pusher:connection_established")) {
            onHandshake(m_event);
            return;
        }
        if (name == QLatin1String("pusher:ping")) {
            sendEvent(QStringLiteral("pusher:pong"), QStringLiteral("{}"));
            return;
        }
        if (name == QLatin1String("pusher:pong"))
            return;
        if (name == QLatin1String("pusher:error")) {
            const QJsonObject data = m_event.dataObject();
            const int code = data.value(QLatin1String("code")).toInt(0);
            const QString message = data.value(QLatin1String("message")).toString(m_event.data);
            QString channel = m_event.channel;
            if (channel.isEmpty())
                channel = pusherErrorChannel(message);
            qCWarning(lcPusher) << "server error" << code << message.left(200) << channel;
            emit serverError(code, message, channel);
            return;
        }
    }
    if (!m_established) {
        qCWarning(lcPusher) << "frame before connection_established dropped:" << name;
        return;
    }
    emit eventReceived(m_event);
}

void Connection::onHandshake(const Event &event)
{
    const QJsonObject data = event.dataObject();
    const QString socketId = data.value(QLatin1String("socket_id")).toString();
    if (socketId.isEmpty()) {
        qCWarning(lcPusher) << "handshake without socket_id: reconnecting";
        emit malformedFrame(QStringLiteral("connection_established without socket_id"));
        dropTransport();
        scheduleRetry(m_backoff.next());
        return;
    }
    m_handshakeTimer->stop();
    m_unavailableTimer->stop();
    m_socketId = socketId;
    m_established = true;
    m_activityTimeoutMs = m_options.activityTimeoutMs;
    const int serverSeconds = data.value(QLatin1String("activity_timeout")).toInt(0);
    if (serverSeconds > 0)
        m_activityTimeoutMs = qMin(m_activityTimeoutMs, serverSeconds * 1000);
    m_lastActivityMs = m_clock->nowMs();
    m_activityTimer->start(m_activityTimeoutMs);
    m_backoff.reset();
    setState(ConnectionState::Connected);
    emit connected(m_socketId);
}

void Connection::onActivityTimeout()
{
    const qint64 idle = m_clock->nowMs() - m_lastActivityMs;
    if (idle < m_activityTimeoutMs) {
        m_activityTimer->start(int(m_activityTimeoutMs - idle));
        return;
    }
    sendPing(m_options.pongTimeoutMs);
}

void Connection::sendPing(int pongTimeoutMs)
{
    if (!m_established)
        return;
    sendEvent(QStringLiteral("pusher:ping"), QStringLiteral("{}"));
    m_awaitingPong = true;
    if (!m_pongTimer->isActive() || m_pongTimer->remainingMs() > pongTimeoutMs)
        m_pongTimer->start(pongTimeoutMs);
}

void Connection::onClosed(int code, const QString &reason, Transport::Failure failure)
{
    const bool wasEstablished = m_established;
    dropTransport();
    qCInfo(lcPusher) << "connection closed" << code << reason;
    if (failure == Transport::Failure::Tls)
        emit tlsError(reason);
    emit connectionLost(code, reason);
    if (!m_wanted)
        return;

    if (code >= 4001 && code <= 4099) {
        m_wanted = false;
        m_unavailableTimer->stop();
        setState(ConnectionState::Failed);
        emit connectionRefused(code, reason);
        return;
    }
    if (m_state == ConnectionState::Connected) {
        setState(ConnectionState::Connecting);
        m_unavailableTimer->start(m_options.unavailableTimeoutMs);
    }
    if (code == 4000) {
        m_options.tls = true; // the server only speaks TLS
        scheduleRetry(0);
    } else if (code >= 4100 && code <= 4199) {
        scheduleRetry(qMax(1000, m_backoff.next())); // over capacity: give it room
    } else if (code >= 4200 && code <= 4299 && wasEstablished) {
        scheduleRetry(0);
    } else {
        scheduleRetry(m_backoff.next());
    }
}

} // namespace natter::pusher
