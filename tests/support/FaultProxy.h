#pragma once

#include "FaultProxyLink.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QTcpServer;

// A fault-injecting TCP proxy for tests (netem is not available here): listens on 127.0.0.1 on a
// free port and forwards every connection to a target (soketi). Faults, each switchable from the
// test while connections run: latency per direction, slow drip (one byte at a time), stall (the
// live connections swallow everything and never close), cut (FIN toward the client after N more
// bytes, i.e. mid-frame), RST, and refusing new connections for a while (the listening socket is
// closed, so connects get ECONNREFUSED, then reopened on the same port).
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    bool start(const QString &targetHost, quint16 targetPort);
    quint16 port() const { return m_port; }

    // Back to pass-through for new bytes and connections: no latency, drip, refusal or resets.
    // Links already stalled stay stalled.
    void clearFaults();
    void setLatency(FaultDirection direction, int ms);
    void setDrip(int intervalMs); // 0: off
    void stall(); // the live connections
    void setStallNew(bool on); // new connections are accepted and then stall at once
    void cutAfter(qint64 bytes); // the live connections, toward the client
    void reset(); // RST the live connections
    // Every new connection: RST once `bytes` went to the client (-1: off). 0 is right after
    // accept, which Qt 6.4's QAbstractSocket does not notice: it connects again at once, in a
    // loop, without reporting an error (see tst_faults); 1 is during the WebSocket handshake.
    void setResetNewAfter(qint64 bytes);
    void refuseFor(int ms); // ECONNREFUSED for new connections for `ms`
    void acceptAgain(); // ends a refusal now
    bool isRefusing() const { return m_refusing; }

    int accepted() const { return m_accepted; } // connections accepted since start
    int live() const; // connections currently forwarded (stalled ones included)

signals:
    void connectionAccepted(int total);
    void refusalEnded();

private:
    void onNewConnection();
    bool listen();

    QTcpServer *m_server;
    QString m_host;
    quint16 m_targetPort = 0;
    quint16 m_port = 0;
    FaultSettings m_settings;
    QList<QPointer<FaultProxyLink>> m_links;
    QTimer m_refusal;
    bool m_refusing = false;
    bool m_stallNew = false;
    qint64 m_resetNewAfter = -1;
    int m_accepted = 0;
};
