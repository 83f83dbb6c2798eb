#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <pusher/ConnectionOptions.h>

// A real soketi on 127.0.0.1, started by the test itself (node, not npx, so the PID is soketi's),
// on a free port, with client events and user authentication enabled, stopped by PID.
class SoketiServer
{
public:
    static constexpr const char *AppId = "app-id";
    static constexpr const char *Key = "app-key";
    static constexpr const char *Secret = "app-secret";

    SoketiServer();
    ~SoketiServer();

    // Extra SOKETI_* settings, applied on the next start().
    void setEnv(const QString &name, const QString &value) { m_extraEnv.insert(name, value); }
    // Starts on `port` (0: a free one) and waits until it answers HTTP. False with a reason in
    // error(). soketi took 17 s to answer on the 2-core machine with eight builds running: waiting
    // longer costs nothing when it is quick.
    bool start(quint16 port = 0, int timeoutMs = 60000);
    // SIGTERM by PID and wait; SIGKILL when `hard`.
    void stop(bool hard = false);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString error() const { return m_error; }
    QString log() const { return m_log; }

    natter::pusher::ConnectionOptions connectionOptions() const;
    QUrl httpBase() const;
    static QString nodePath();
    static QString sourceDir();

private:
    bool answers(int timeoutMs);

    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_metricsPort = 0;
    QMap<QString, QString> m_extraEnv;
    QString m_error;
    QString m_log;
};
