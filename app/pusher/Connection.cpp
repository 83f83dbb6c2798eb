#include "Connection.h"

#include "Clock.h"
#include "FrameObserver.h"
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
    m_backoff.setQuickPhase(options.backoffQuickWindowMs, options.backoffQuickMaxMs);
    m_retryTimer->setCallback([this] { startAttempt(); });
    m_activityTimer->setCallback([this] { onActivityTimeout(); });
    m_pongTimer->setCallback([this] { onPongTimeout(); });
    m_unavailableTimer->setCallback([this] {
        if (m_state == ConnectionState::Connecting)
            setState(ConnectionState::Unavailable);
    });
    m_handshakeTimer->setCallback(
        [this] { dropAndRetry(1006, QStringLiteral("handshake timed out"), m_backoff.next()); });
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
    m_pendingPings.clear();
    if (m_confirmPingPosted) {
        // The number confirmWrites() promised must never be answered on another socket.
        m_confirmPingPosted = false;
        ++m_pingsSent;
    }
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
    if (m_observer)
        m_observer->frameSent(json);
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
    }
    const bool parsed = m_parser.parse(text, m_event);
    if (m_observer)
        m_observer->frameReceived(text, parsed ? &m_event : nullptr);
    if (!parsed) {
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
        if (name == QLatin1String("pusher:pong")) {
            onPong();
            return;
        }
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
        dropAndRetry(1002, QStringLiteral("connection_established without socket_id"),
                     m_backoff.next());
        return;
    }
    if (m_established) {
        // A second handshake on a live socket would change the socket id under the channels'
        // feet (their signatures name the old one): a protocol error, so start over cleanly.
        qCWarning(lcPusher) << "a second connection_established on a live connection: reconnecting";
        emit malformedFrame(QStringLiteral("connection_established on an established connection"));
        dropAndRetry(1002, QStringLiteral("a second connection_established"), m_backoff.next());
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
    m_activityTimer->start(m_activityTimeoutMs);
}

void Connection::sendPing(int pongTimeoutMs)
{
    if (!m_established)
        return;
    sendEvent(QStringLiteral("pusher:ping"), QStringLiteral("{}"));
    const qint64 now = m_clock->nowMs();
    m_pendingPings.push_back({++m_pingsSent, now, now + pongTimeoutMs, false});
    armPongTimer();
}

quint64 Connection::confirmWrites()
{
    if (!m_established)
        return 0;
    if (!m_confirmPingPosted) {
        // Posted, not sent now: every frame written in this event-loop turn shares one ping.
        m_confirmPingPosted = true;
        QMetaObject::invokeMethod(this, &Connection::sendConfirmPing, Qt::QueuedConnection);
    }
    return m_pingsSent + 1;
}

void Connection::sendConfirmPing()
{
    if (!m_confirmPingPosted)
        return; // the socket went away meanwhile
    m_confirmPingPosted = false;
    sendPing(m_options.confirmTimeoutMs);
    m_pendingPings.back().confirm = true;
}

void Connection::onPong()
{
    if (m_pendingPings.empty())
        return; // unasked: proves nothing about our frames
    // Servers answer pings in order: this pong answers the oldest one.
    const quint64 number = m_pendingPings.front().number;
    m_pendingPings.pop_front();
    armPongTimer();
    emit writesConfirmed(number);
}

void Connection::armPongTimer()
{
    if (m_pendingPings.empty()) {
        m_pongTimer->stop();
        return;
    }
    qint64 deadline = m_pendingPings.front().deadlineMs;
    for (const PendingPing &p : m_pendingPings)
        deadline = qMin(deadline, p.deadlineMs);
    m_pongTimer->start(int(qMax<qint64>(0, deadline - m_clock->nowMs())));
}

void Connection::onPongTimeout()
{
    const qint64 now = m_clock->nowMs();
    for (PendingPing &p : m_pendingPings) {
        if (p.deadlineMs > now)
            continue;
        // Frames that arrived after the ping show the link is alive, only slow or busy: give
        // the pong the normal timeout from then on. Only silence is taken as a dead link.
        if (m_lastActivityMs > p.sentAtMs && m_lastActivityMs + m_options.pongTimeoutMs > now) {
            p.sentAtMs = m_lastActivityMs; // only newer frames extend it again
            p.deadlineMs = m_lastActivityMs + m_options.pongTimeoutMs;
            continue;
        }
        qCInfo(lcPusher) << "no pong within the timeout: reconnecting";
        dropAndRetry(4201, QStringLiteral("pong not received"), 0);
        return;
    }
    armPongTimer();
}

void Connection::dropAndRetry(int code, const QString &reason, int delayMs)
{
    const bool wasConnected = m_state == ConnectionState::Connected;
    dropTransport();
    emit connectionLost(code, reason);
    if (!m_wanted)
        return; // a handler called disconnect()
    if (wasConnected) {
        setState(ConnectionState::Connecting);
        if (!m_wanted)
            return;
    }
    if (!m_unavailableTimer->isActive() && m_state == ConnectionState::Connecting)
        m_unavailableTimer->start(m_options.unavailableTimeoutMs);
    scheduleRetry(delayMs);
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
        if (!m_wanted)
            return; // a handler called disconnect()
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
