#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

class QTcpSocket;

enum class FaultDirection { ToServer, ToClient };

// Faults that apply to every link of a FaultProxy while they are set (read live, per chunk).
struct FaultSettings
{
    int latencyToServerMs = 0;
    int latencyToClientMs = 0;
    int dripIntervalMs = 0; // > 0: one byte at a time, this far apart (both directions)
};

// One accepted connection of a FaultProxy and its upstream connection: forwards bytes both ways,
// delayed, dripped, swallowed (stall) or cut as the proxy says. Deletes itself when both sides
// are closed.
class FaultProxyLink : public QObject
{
    Q_OBJECT
public:
    FaultProxyLink(QTcpSocket *client, const QString &host, quint16 port,
                   const FaultSettings *settings, QObject *parent = nullptr);
    ~FaultProxyLink() override;

    // From now on nothing is delivered either way, and nothing is closed: the socket a laptop
    // still holds after sleeping through a NAT timeout.
    void stall();
    bool isStalled() const { return m_stalled; }
    // Closes toward the client (FIN) after `bytes` more bytes went to it; 0 closes at once.
    void cutAfter(qint64 bytes);
    // Like cutAfter(), with an RST instead of the FIN.
    void resetAfter(qint64 bytes);
    // RST toward the client (SO_LINGER 0), upstream aborted too.
    void reset();
    qint64 bytesToClient() const;

signals:
    void finished();

private:
    struct Chunk
    {
        qint64 dueMs;
        QByteArray data;
    };
    struct Lane
    {
        FaultDirection direction;
        QTcpSocket *from = nullptr;
        QTcpSocket *to = nullptr;
        std::deque<Chunk> queue;
        QTimer timer;
        qint64 forwarded = 0;
        qint64 cutBudget = -1; // ToClient only: bytes left before the cut, -1 none
        bool sourceClosed = false;
        bool sinkClosed = false;
    };
    void read(Lane &lane);
    void pump(Lane &lane);
    void cut();
    void closeSink(Lane &lane);
    void checkFinished();
    int latency(const Lane &lane) const;

    const FaultSettings *m_settings;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    Lane m_toServer;
    Lane m_toClient;
    QElapsedTimer m_clock;
    bool m_upstreamConnected = false;
    bool m_stalled = false;
    bool m_cutWithReset = false;
    bool m_done = false;
};
