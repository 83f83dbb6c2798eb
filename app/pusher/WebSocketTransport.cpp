#include "WebSocketTransport.h"

#include "ConnectionOptions.h"
#include "LogPusher.h"

#include <QSocketNotifier>
#include <QSslCertificate>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace natter::pusher {

WebSocketTransport::WebSocketTransport(const ConnectionOptions &options, QObject *parent)
    : Transport(parent)
{
    if (options.proxy)
        m_socket.setProxy(*options.proxy);
    if (!options.caBundlePath.isEmpty()) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        const auto certs = QSslCertificate::fromPath(options.caBundlePath, QSsl::Pem);
        if (certs.isEmpty())
            qCWarning(lcPusher) << "no certificates found in CA bundle" << options.caBundlePath;
        config.addCaCertificates(certs);
        m_socket.setSslConfiguration(config);
    }
    // Large frames are legitimate (history bursts); the library enforces its own limits.
    m_socket.setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    // Read no further ahead than we parse: under a flood the kernel's window then pushes back
    // on the server instead of the backlog piling up in our heap. QWebSocket only decodes a frame
    // once all of it is in the read buffer, so a frame bigger than the buffer would stall the
    // connection for good: frames are capped to fit (a bigger one closes with 1009 instead), and
    // bigger messages still arrive as several frames.
    constexpr qint64 kMaxFrameBytes = 256 * 1024; // Pusher caps events at 10 KB, soketi at 100 KB
    m_socket.setMaxAllowedIncomingFrameSize(kMaxFrameBytes);
    m_socket.setReadBufferSize(kMaxFrameBytes + 64);

    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        emit opened();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &Transport::textReceived);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        qCWarning(lcPusher) << "binary frame dropped: the protocol is text only";
        emit malformedReceived(QStringLiteral("binary frame (the protocol is text only)"));
    });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the socket aborts the handshake itself after this signal.
        QStringList texts;
        bool wrongHost = false;
        bool untrusted = false;
        for (const QSslError &e : errors) {
            texts << e.errorString();
            switch (e.error()) {
            case QSslError::HostNameMismatch:
                wrongHost = true;
                break;
            case QSslError::SelfSignedCertificate:
            case QSslError::SelfSignedCertificateInChain:
            case QSslError::UnableToGetLocalIssuerCertificate:
            case QSslError::UnableToVerifyFirstCertificate:
            case QSslError::CertificateUntrusted:
            case QSslError::UnableToGetIssuerCertificate:
                untrusted = true;
                break;
            default:
                break;
            }
        }
        // One sentence first (what the window shows), then Qt's details.
        const QString what = wrongHost
            ? QStringLiteral("the server's certificate is for another host name")
            : untrusted ? QStringLiteral("the server's certificate is not trusted")
                        : QStringLiteral("the server's certificate was refused");
        m_failure = Failure::Tls;
        m_errorText
            = QStringLiteral("TLS error: %1 (%2)").arg(what, texts.join(QStringLiteral("; ")));
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                if (m_failure == Failure::None)
                    m_failure = error == QAbstractSocket::SslHandshakeFailedError
                            || error == QAbstractSocket::SslInvalidUserDataError
                        ? Failure::Tls
                        : Failure::Network;
                if (m_errorText.isEmpty())
                    m_errorText = m_socket.errorString();
                if (!m_open)
                    finish(1006, m_errorText, m_failure);
            });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        const int code = m_socket.closeCode();
        QString reason = m_socket.closeReason();
        if (reason.isEmpty())
            reason = m_errorText;
        finish(code == 0 ? 1006 : code, reason, m_open ? Failure::None : m_failure);
    });
}

WebSocketTransport::~WebSocketTransport()
{
    m_finished = true;
    m_socket.disconnect(this);
    m_socket.abort();
}

void WebSocketTransport::open(const QUrl &url)
{
    m_socket.open(url);
    watchConnect();
}

void WebSocketTransport::watchConnect()
{
#ifdef Q_OS_LINUX
    // QWebSocket creates its TCP (or TLS) socket as its child in open(); it has no accessor.
    m_tcp = m_socket.findChild<QAbstractSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (!m_tcp)
        return;
    // Queued: Qt only creates the descriptor after it has announced ConnectingState.
    connect(
        m_tcp, &QAbstractSocket::stateChanged, this,
        [this](QAbstractSocket::SocketState state) {
            if (state == QAbstractSocket::ConnectingState)
                armConnectWatch();
            else
                disarmConnectWatch();
        },
        Qt::QueuedConnection);
    // With a literal address, QAbstractSocket announces ConnectingState from within open() but
    // only creates the descriptor in a queued call, which runs before this one.
    QMetaObject::invokeMethod(this, &WebSocketTransport::armConnectWatch, Qt::QueuedConnection);
#endif
}

// QAbstractSocket::socketDescriptor() is only set once connected; while connecting, the
// descriptor is the one its socket engine's write notifier (a QObject child) watches.
qintptr WebSocketTransport::connectingDescriptor() const
{
    if (!m_tcp)
        return -1;
    const auto notifiers = m_tcp->findChildren<QSocketNotifier *>();
    for (const QSocketNotifier *n : notifiers) {
        if (n->type() == QSocketNotifier::Write && n->socket() >= 0)
            return n->socket();
    }
    return -1;
}

void WebSocketTransport::armConnectWatch()
{
    disarmConnectWatch();
    if (m_finished || !m_tcp || m_tcp->state() != QAbstractSocket::ConnectingState)
        return;
    const qintptr fd = connectingDescriptor();
    if (fd < 0)
        return;
    m_connectWatch = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    connect(m_connectWatch, &QSocketNotifier::activated, this, &WebSocketTransport::checkConnect);
}

void WebSocketTransport::disarmConnectWatch()
{
    if (!m_connectWatch)
        return;
    m_connectWatch->setEnabled(false);
    m_connectWatch->deleteLater();
    m_connectWatch = nullptr;
}

// Qt 6.4's QNativeSocketEngine finishes a non-blocking connect by calling connect() again when
// the socket turns writable. If the peer accepted and reset before that, Linux answers
// ECONNRESET, which nativeConnect() does not handle (it leaves the engine in ConnectingState
// without an error), and the kernel has put the socket back to unconnected: at the next write
// notification Qt's connect() starts a brand new TCP connection. Against a peer that resets
// every connection that is a tight loop (thousands of connections) that only our handshake
// timeout ends, with no error reported. Writable while the kernel says the socket is closed
// and Qt still says connecting is exactly that case: report it as the failure it is.
void WebSocketTransport::checkConnect()
{
#ifdef Q_OS_LINUX
    if (!m_connectWatch)
        return;
    if (m_finished || !m_tcp || m_tcp->state() != QAbstractSocket::ConnectingState) {
        disarmConnectWatch();
        return;
    }
    if (connectingDescriptor() != m_connectWatch->socket()) { // Qt moved on to another address
        armConnectWatch();
        return;
    }
    tcp_info info{};
    socklen_t length = sizeof info;
    if (getsockopt(int(m_connectWatch->socket()), IPPROTO_TCP, TCP_INFO, &info, &length) != 0
        || info.tcpi_state != TCP_CLOSE)
        return;
    disarmConnectWatch();
    m_failure = Failure::Network;
    m_errorText = QStringLiteral("the connection was reset by the server while connecting");
    qCWarning(lcPusher) << m_errorText;
    finish(1006, m_errorText, m_failure);
    m_socket.abort();
#endif
}

bool WebSocketTransport::sendText(const QString &text)
{
    // QWebSocket returns 0 when it is not connected: nothing was written.
    return m_open && m_socket.sendTextMessage(text) > 0;
}

void WebSocketTransport::abort()
{
    m_finished = true;
    m_socket.disconnect(this);
    m_socket.close(QWebSocketProtocol::CloseCodeNormal);
}

void WebSocketTransport::finish(int code, const QString &reason, Failure failure)
{
    if (m_finished)
        return;
    m_finished = true;
    emit closed(code, reason, failure);
}

TransportFactory WebSocketTransport::factory()
{
    return [](const ConnectionOptions &options) -> std::unique_ptr<Transport> {
        return std::make_unique<WebSocketTransport>(options);
    };
}

} // namespace natter::pusher
