#include "FakeHttpServer.h"

#include <QHostAddress>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace {

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// Per-connection parser state, stored on the socket so it dies with it.
constexpr const char *StateProperty = "_fakeHttpState";
enum class State { Reading, Waiting, Answered };

} // namespace

QByteArray FakeHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<QPair<QString, QString>> FakeHttpServer::Request::decodeForm(const QByteArray &encoded)
{
    QList<QPair<QString, QString>> fields;
    if (encoded.isEmpty())
        return fields;
    for (const QByteArray &pair : encoded.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        QByteArray key = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        fields.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return fields;
}

QString FakeHttpServer::Request::formValue(const QString &name) const
{
    for (const auto &[key, value] : formFields()) {
        if (key == name)
            return value;
    }
    return {};
}

QString FakeHttpServer::Request::queryValue(const QString &name) const
{
    for (const auto &[key, value] : queryItems()) {
        if (key == name)
            return value;
    }
    return {};
}

FakeHttpServer::Response FakeHttpServer::Response::json(const QByteArray &body, int status)
{
    Response response;
    response.status = status;
    response.body = body;
    return response;
}

FakeHttpServer::Response FakeHttpServer::Response::text(const QByteArray &body, int status)
{
    Response response;
    response.status = status;
    response.body = body;
    response.contentType = "text/plain; charset=utf-8";
    return response;
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    setUp();
}

FakeHttpServer::FakeHttpServer(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
{
    auto *server = new QSslServer(this);
    server->setSslConfiguration(tls);
    m_server = server;
    m_tls = true;
    setUp();
}

void FakeHttpServer::setUp()
{
    m_handler = [](const Request &) { return Response::json("{}"); };
    // Unlike newConnection, this also fires for TLS connections once their handshake is done.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &FakeHttpServer::onNewConnection);
    m_server->listen(QHostAddress::LocalHost, 0);
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 FakeHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(path);
    return url;
}

void FakeHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void FakeHttpServer::clearRequests()
{
    m_requests.clear();
    m_abandoned = 0;
}

bool FakeHttpServer::waitForRequests(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_requests.size() >= count; }, timeoutMs);
}

bool FakeHttpServer::waitForAbandoned(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_abandoned >= count; }, timeoutMs);
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setProperty(StateProperty, int(State::Reading));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (State(socket->property(StateProperty).toInt()) == State::Waiting) {
                ++m_abandoned;
                emit requestAbandoned();
            }
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    if (State(socket->property(StateProperty).toInt()) != State::Reading) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("_fakeHttpBuffer").toByteArray() + socket->readAll();
    socket->setProperty("_fakeHttpBuffer", buffer);

    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headerEnd + 4, contentLength);

    socket->setProperty(StateProperty, int(State::Waiting));
    m_requests.append(request);
    const Response response = m_handler(request);
    emit requestReceived();
    if (response.noAnswer)
        return;
    if (response.delayMs > 0) {
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, socket, [this, guard, response] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                respond(guard, response);
        });
        return;
    }
    respond(socket, response);
}

void FakeHttpServer::respond(QTcpSocket *socket, const Response &response)
{
    socket->setProperty(StateProperty, int(State::Answered));
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    socket->disconnectFromHost();
}
