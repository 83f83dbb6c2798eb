#include "FakeTransport.h"

#include <QJsonDocument>

using natter::pusher::Transport;

FakeTransport::FakeTransport(FakeNetwork *network, const natter::pusher::ConnectionOptions &options)
    : m_network(network)
    , m_options(options)
{
}

FakeTransport::~FakeTransport() = default;

void FakeTransport::open(const QUrl &url)
{
    m_openCalled = true;
    m_url = url;
    if (m_network) {
        m_network->urls.append(url);
        emit m_network->transportOpening(this, url);
        if (m_network->autoAccept)
            accept(QStringLiteral("1.%1").arg(m_network->count()), m_network->autoActivityTimeoutS);
    }
}

bool FakeTransport::sendText(const QString &text)
{
    if (!m_opened || m_aborted || m_closed)
        return false;
    sent.append(text);
    if (m_network)
        m_network->m_allSent.append(text);
    return true;
}

void FakeTransport::abort()
{
    m_aborted = true;
}

void FakeTransport::serverOpen()
{
    m_opened = true;
    emit opened();
}

void FakeTransport::serverSend(const QString &json)
{
    emit textReceived(json);
}

int FakeTransport::serverPong()
{
    const int due = sentCount(QStringLiteral("pusher:ping")) - m_pongsSent;
    for (int i = 0; i < due; ++i) {
        ++m_pongsSent;
        serverSend(QStringLiteral("{\"event\":\"pusher:pong\",\"data\":{}}"));
    }
    return due;
}

void FakeTransport::serverHandshake(const QString &socketId, int activityTimeoutS)
{
    const QString inner = QStringLiteral(
                              "{\\\"socket_id\\\":\\\"%1\\\",\\\"activity_timeout\\\":%2}")
                              .arg(socketId)
                              .arg(activityTimeoutS);
    serverSend(
        QStringLiteral("{\"event\":\"pusher:connection_established\",\"data\":\"%1\"}").arg(inner));
}

void FakeTransport::accept(const QString &socketId, int activityTimeoutS)
{
    serverOpen();
    serverHandshake(socketId, activityTimeoutS);
}

void FakeTransport::serverClose(int code, const QString &reason)
{
    if (m_closed || m_aborted)
        return;
    m_closed = true;
    emit closed(code, reason, Failure::None);
}

void FakeTransport::fail(Failure failure, const QString &reason)
{
    if (m_closed || m_aborted)
        return;
    m_closed = true;
    emit closed(1006, reason, failure);
}

QJsonObject FakeTransport::sentJson(int i) const
{
    return QJsonDocument::fromJson(sent.value(i).toUtf8()).object();
}

QList<QJsonObject> FakeTransport::sentJsonAll() const
{
    QList<QJsonObject> out;
    for (int i = 0; i < sent.size(); ++i)
        out.append(sentJson(i));
    return out;
}

QList<QJsonObject> FakeTransport::sentEvents(const QString &event) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : sentJsonAll()) {
        if (o.value(QLatin1String("event")).toString() == event)
            out.append(o);
    }
    return out;
}

QString FakeTransport::lastSentEvent() const
{
    if (sent.isEmpty())
        return {};
    return sentJson(int(sent.size()) - 1).value(QLatin1String("event")).toString();
}

natter::pusher::TransportFactory FakeNetwork::factory()
{
    QPointer<FakeNetwork> self(this);
    return [self](const natter::pusher::ConnectionOptions &options) -> std::unique_ptr<Transport> {
        auto transport = std::make_unique<FakeTransport>(self.data(), options);
        if (self) {
            self->transports.append(QPointer<FakeTransport>(transport.get()));
            emit self->transportCreated(transport.get());
        }
        return transport;
    };
}

QStringList FakeNetwork::allSent() const
{
    return m_allSent;
}

QList<QJsonObject> FakeNetwork::allSentEvents(const QString &event) const
{
    QList<QJsonObject> out;
    for (const QString &s : m_allSent) {
        const QJsonObject o = QJsonDocument::fromJson(s.toUtf8()).object();
        if (o.value(QLatin1String("event")).toString() == event)
            out.append(o);
    }
    return out;
}
