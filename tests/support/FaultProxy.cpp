#include "FaultProxy.h"

#include <QTcpServer>
#include <QTcpSocket>

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
    m_refusal.setSingleShot(true);
    connect(&m_refusal, &QTimer::timeout, this, &FaultProxy::acceptAgain);
}

FaultProxy::~FaultProxy()
{
    for (const auto &link : std::as_const(m_links))
        delete link.data();
}

bool FaultProxy::start(const QString &targetHost, quint16 targetPort)
{
    m_host = targetHost;
    m_targetPort = targetPort;
    m_port = 0;
    return listen();
}

bool FaultProxy::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, m_port)) {
        qWarning() << "FaultProxy: cannot listen on" << m_port << m_server->errorString();
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

int FaultProxy::live() const
{
    int n = 0;
    for (const auto &link : m_links)
        n += link ? 1 : 0;
    return n;
}

void FaultProxy::clearFaults()
{
    m_settings = FaultSettings{};
    m_stallNew = false;
    m_resetNewAfter = -1;
    if (m_refusing)
        acceptAgain();
}

void FaultProxy::setLatency(FaultDirection direction, int ms)
{
    (direction == FaultDirection::ToServer ? m_settings.latencyToServerMs
                                           : m_settings.latencyToClientMs)
        = ms;
}

void FaultProxy::setDrip(int intervalMs)
{
    m_settings.dripIntervalMs = intervalMs;
}

void FaultProxy::stall()
{
    for (const auto &link : std::as_const(m_links))
        if (link)
            link->stall();
}

void FaultProxy::setStallNew(bool on)
{
    m_stallNew = on;
}

void FaultProxy::cutAfter(qint64 bytes)
{
    for (const auto &link : std::as_const(m_links))
        if (link)
            link->cutAfter(bytes);
}

void FaultProxy::reset()
{
    const auto links = m_links;
    for (const auto &link : links)
        if (link)
            link->reset();
}

void FaultProxy::setResetNewAfter(qint64 bytes)
{
    m_resetNewAfter = bytes;
}

void FaultProxy::refuseFor(int ms)
{
    m_refusing = true;
    m_server->close(); // the live connections are not affected
    m_refusal.start(ms);
}

void FaultProxy::acceptAgain()
{
    m_refusal.stop();
    if (!m_refusing)
        return;
    m_refusing = false;
    listen(); // the same port: Qt binds listening sockets with SO_REUSEADDR
    emit refusalEnded();
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_accepted;
        m_links.removeAll(nullptr);
        auto *link = new FaultProxyLink(socket, m_host, m_targetPort, &m_settings, this);
        m_links << link;
        emit connectionAccepted(m_accepted);
        if (m_resetNewAfter == 0)
            link->reset();
        else if (m_resetNewAfter > 0)
            link->resetAfter(m_resetNewAfter);
        else if (m_stallNew)
            link->stall();
    }
}
