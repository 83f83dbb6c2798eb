#include "ConnectionStatus.h"

#include "LogChat.h"

#include <pusher/Connection.h>

namespace natter::chat {

using natter::pusher::Connection;
using natter::pusher::ConnectionState;

ConnectionStatus::ConnectionStatus(Connection *connection, QObject *parent)
    : QObject(parent)
{
    // A wall-clock countdown for the banner only; the reconnect itself is timed by the library.
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionStatus::tick);
    setConnection(connection);
}

ConnectionStatus::~ConnectionStatus() = default;

void ConnectionStatus::setConnection(Connection *connection)
{
    for (const auto &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_connection = connection;
    m_reason.clear();
    m_code = 0;
    m_tlsFailure = false;
    m_unavailable = false;
    m_secondsLeft = 0;
    m_countdown.stop();
    if (connection) {
        m_links << connect(connection, &Connection::stateChanged, this,
                           &ConnectionStatus::onStateChanged)
                << connect(connection, &Connection::reconnectingIn, this,
                           &ConnectionStatus::onReconnectingIn)
                << connect(connection, &Connection::connectionLost, this,
                           [this](int code, const QString &reason) {
                               m_code = code;
                               m_reason = reason;
                               refresh();
                           })
                << connect(connection, &Connection::tlsError, this,
                           [this](const QString &reason) {
                               m_tlsFailure = true;
                               m_reason = reason;
                               refresh();
                           })
                << connect(connection, &Connection::connectionRefused, this,
                           [this](int code, const QString &reason) {
                               m_code = code;
                               m_reason = reason;
                               m_kind = Kind::Failed;
                               m_countdown.stop();
                               m_secondsLeft = 0;
                               refresh();
                           })
                << connect(connection, &QObject::destroyed, this,
                           [this] { setConnection(nullptr); });
    }
    onStateChanged();
}

Connection *ConnectionStatus::connection() const
{
    return m_connection;
}

void ConnectionStatus::onStateChanged()
{
    const ConnectionState state = m_connection ? m_connection->state()
                                               : ConnectionState::Disconnected;
    switch (state) {
    case ConnectionState::Connected:
        m_kind = Kind::Connected;
        m_reason.clear();
        m_code = 0;
        m_tlsFailure = false;
        m_unavailable = false;
        m_secondsLeft = 0;
        m_countdown.stop();
        break;
    case ConnectionState::Connecting:
        // A lost connection goes to Connecting first and schedules the retry right after;
        // keep showing "Reconnecting" while the library is still retrying.
        if (m_kind != Kind::Reconnecting)
            m_kind = Kind::Connecting;
        break;
    case ConnectionState::Unavailable:
        m_unavailable = true;
        m_kind = Kind::Reconnecting;
        break;
    case ConnectionState::Failed:
        m_kind = Kind::Failed;
        break;
    case ConnectionState::Initialized:
    case ConnectionState::Disconnected:
        m_kind = Kind::Offline;
        m_secondsLeft = 0;
        m_countdown.stop();
        break;
    }
    refresh();
}

void ConnectionStatus::onReconnectingIn(int ms)
{
    if (m_kind == Kind::Failed || m_kind == Kind::Offline)
        return;
    m_kind = Kind::Reconnecting;
    m_delayMs = ms;
    m_sinceSchedule.start();
    m_secondsLeft = (ms + 999) / 1000;
    if (m_secondsLeft > 0)
        m_countdown.start();
    else
        m_countdown.stop();
    refresh();
}

void ConnectionStatus::tick()
{
    const qint64 left = m_delayMs - m_sinceSchedule.elapsed();
    m_secondsLeft = left > 0 ? int((left + 999) / 1000) : 0;
    if (m_secondsLeft == 0)
        m_countdown.stop();
    refresh();
}

QString ConnectionStatus::text() const
{
    switch (m_kind) {
    case Kind::Connecting:
        return tr("Connecting…");
    case Kind::Connected:
        return tr("Connected");
    case Kind::Reconnecting:
        if (m_secondsLeft > 0)
            return tr("Reconnecting in %1 s").arg(m_secondsLeft);
        return tr("Reconnecting…");
    case Kind::Offline:
        return tr("Offline");
    case Kind::Failed:
        return tr("Failed: %1")
            .arg(m_reason.isEmpty() ? tr("the server refused the connection (code %1)").arg(m_code)
                                    : m_reason);
    }
    return {};
}

QString ConnectionStatus::address() const
{
    if (!m_connection)
        return {};
    const QUrl url = m_connection->options().url();
    return QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}

QString ConnectionStatus::hintFor() const
{
    switch (m_kind) {
    case Kind::Connected:
    case Kind::Connecting:
    case Kind::Offline:
        return {};
    case Kind::Failed:
        // Pusher close codes 4000-4099: the server will not take this connection as configured.
        switch (m_code) {
        case 4001:
            return tr(
                "The server does not know this app key: check the app key in the server profile.");
        case 4003:
            return tr("The app is disabled on the server: ask its administrator to enable it.");
        case 4004:
            return tr(
                "The app is over its connection quota: try again later or ask its administrator.");
        case 4005:
            return tr(
                "The server has no app at this path: check the path prefix in the server profile.");
        case 4006:
        case 4007:
            return tr("The server does not speak this protocol version: check the host and port.");
        case 4009:
            return tr("The server did not authorize the connection: check the credentials in the "
                      "server profile.");
        default:
            return tr("Check the server profile (app key, host, port, path), then retry.");
        }
    case Kind::Reconnecting:
        if (m_tlsFailure)
            return tr("The secure connection to %1 failed: check the host name, whether the server "
                      "uses TLS "
                      "at all, and the CA file in the server profile if it uses its own "
                      "certificate authority.")
                .arg(address());
        if (m_unavailable)
            return tr("Cannot reach %1: check the network connection, the host and port, and that "
                      "the server runs.")
                .arg(address());
        return {};
    }
    return {};
}

void ConnectionStatus::refresh()
{
    m_hint = hintFor();
    const QString snapshot = text() + u'\n' + m_hint + u'\n' + QString::number(int(m_kind));
    if (snapshot == m_lastText)
        return;
    m_lastText = snapshot;
    qCDebug(lcChat) << "connection status:" << text();
    emit changed();
}

void ConnectionStatus::retryNow()
{
    if (!m_connection)
        return;
    // retryNow() only acts when a retry is scheduled; connect() covers the other cases
    // (failed, disconnected) and does nothing while an attempt runs or the socket is up.
    m_connection->retryNow();
    m_connection->connect();
}

} // namespace natter::chat
