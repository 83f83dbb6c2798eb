#include "FaultProxyLink.h"

#include <QTcpSocket>

#include <sys/socket.h>

FaultProxyLink::FaultProxyLink(QTcpSocket *client, const QString &host, quint16 port,
                               const FaultSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_client(client)
    , m_upstream(new QTcpSocket(this))
{
    m_clock.start();
    m_client->setParent(this);
    m_toServer.direction = FaultDirection::ToServer;
    m_toServer.from = m_client;
    m_toServer.to = m_upstream;
    m_toClient.direction = FaultDirection::ToClient;
    m_toClient.from = m_upstream;
    m_toClient.to = m_client;
    for (Lane *lane : {&m_toServer, &m_toClient}) {
        lane->timer.setSingleShot(true);
        lane->timer.setTimerType(Qt::PreciseTimer);
        connect(&lane->timer, &QTimer::timeout, this, [this, lane] { pump(*lane); });
        connect(lane->from, &QTcpSocket::readyRead, this, [this, lane] { read(*lane); });
        connect(lane->from, &QTcpSocket::disconnected, this, [this, lane] {
            read(*lane); // what arrived with the FIN
            lane->sourceClosed = true;
            pump(*lane);
            checkFinished();
        });
        connect(lane->to, &QTcpSocket::disconnected, this, [this, lane] {
            lane->sinkClosed = true;
            checkFinished();
        });
    }
    connect(m_upstream, &QTcpSocket::connected, this, [this] {
        m_upstreamConnected = true;
        pump(m_toServer);
    });
    connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!m_upstreamConnected) { // the server is down: so is the connection through us
            m_upstream->abort();
            m_toClient.sourceClosed = true;
            m_toServer.sinkClosed = true;
            pump(m_toClient);
            checkFinished();
        }
    });
    m_upstream->connectToHost(host, port);
    read(m_toServer); // bytes that came with the connection
}

FaultProxyLink::~FaultProxyLink() = default;

qint64 FaultProxyLink::bytesToClient() const
{
    return m_toClient.forwarded;
}

int FaultProxyLink::latency(const Lane &lane) const
{
    return lane.direction == FaultDirection::ToServer ? m_settings->latencyToServerMs
                                                      : m_settings->latencyToClientMs;
}

void FaultProxyLink::stall()
{
    m_stalled = true;
    for (Lane *lane : {&m_toServer, &m_toClient}) {
        lane->timer.stop();
        lane->queue.clear();
    }
}

void FaultProxyLink::cutAfter(qint64 bytes)
{
    m_toClient.cutBudget = qMax<qint64>(0, bytes);
    pump(m_toClient);
}

void FaultProxyLink::resetAfter(qint64 bytes)
{
    m_cutWithReset = true;
    cutAfter(bytes);
}

void FaultProxyLink::reset()
{
    if (m_done)
        return;
    if (m_client->socketDescriptor() != -1) {
        // Linger 0: close() sends RST instead of FIN.
        const linger l{1, 0};
        ::setsockopt(int(m_client->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    m_client->abort();
    m_upstream->abort();
    m_toServer.sourceClosed = m_toServer.sinkClosed = true;
    m_toClient.sourceClosed = m_toClient.sinkClosed = true;
    checkFinished();
}

void FaultProxyLink::read(Lane &lane)
{
    if (!lane.from->isOpen())
        return;
    const QByteArray data = lane.from->readAll();
    if (data.isEmpty() || m_stalled)
        return; // a stalled link swallows what it reads
    lane.queue.push_back({m_clock.elapsed() + latency(lane), data});
    if (!lane.timer.isActive())
        pump(lane);
}

void FaultProxyLink::pump(Lane &lane)
{
    if (m_stalled || m_done || lane.sinkClosed)
        return;
    if (lane.direction == FaultDirection::ToServer && !m_upstreamConnected)
        return; // pumped again on connected()
    if (lane.cutBudget == 0) {
        cut();
        return;
    }
    const qint64 now = m_clock.elapsed();
    const int drip = m_settings->dripIntervalMs;
    while (!lane.queue.empty()) {
        Chunk &chunk = lane.queue.front();
        if (chunk.dueMs > now) {
            lane.timer.start(int(chunk.dueMs - now));
            return;
        }
        qint64 n = drip > 0 ? 1 : chunk.data.size();
        if (lane.cutBudget > 0)
            n = qMin(n, lane.cutBudget);
        lane.to->write(chunk.data.constData(), n);
        lane.forwarded += n;
        chunk.data.remove(0, n);
        if (chunk.data.isEmpty())
            lane.queue.pop_front();
        if (lane.cutBudget > 0 && (lane.cutBudget -= n) == 0) {
            cut();
            return;
        }
        if (drip > 0) {
            if (!lane.queue.empty()) {
                lane.to->flush();
                lane.timer.start(drip);
                return;
            }
        }
    }
    if (lane.sourceClosed)
        closeSink(lane);
}

void FaultProxyLink::cut()
{
    if (m_cutWithReset) {
        m_client->flush();
        reset();
        return;
    }
    // FIN after the partial frame: flush first, disconnectFromHost() sends what is buffered.
    m_client->flush();
    m_client->disconnectFromHost();
    m_upstream->abort();
    m_toServer.sourceClosed = m_toServer.sinkClosed = true;
    m_toClient.sourceClosed = true;
    m_toClient.queue.clear();
    checkFinished();
}

void FaultProxyLink::closeSink(Lane &lane)
{
    if (lane.to->state() == QAbstractSocket::UnconnectedState) {
        lane.sinkClosed = true;
    } else {
        lane.to->disconnectFromHost();
        if (lane.to->state() == QAbstractSocket::UnconnectedState)
            lane.sinkClosed = true;
    }
    checkFinished();
}

void FaultProxyLink::checkFinished()
{
    if (m_done)
        return;
    const bool clientGone = m_client->state() == QAbstractSocket::UnconnectedState;
    const bool upstreamGone = m_upstream->state() == QAbstractSocket::UnconnectedState;
    if (clientGone && upstreamGone) {
        m_done = true;
        m_toServer.timer.stop();
        m_toClient.timer.stop();
        emit finished();
        deleteLater();
        return;
    }
    // Half-closed both ways: close what is left.
    if (m_toServer.sourceClosed && m_toClient.sourceClosed && !m_stalled) {
        if (m_toServer.queue.empty() && !clientGone)
            m_client->disconnectFromHost();
        if (m_toClient.queue.empty() && !upstreamGone)
            m_upstream->disconnectFromHost();
    }
}
