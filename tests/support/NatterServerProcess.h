#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

class SoketiServer;

// The built natter-server on 127.0.0.1:0: start() waits for its "listening on" line and takes
// the port from it; stop() sends SIGTERM to its PID and waits for the exit.
class NatterServerProcess
{
public:
    static QString binaryPath();

    NatterServerProcess();
    ~NatterServerProcess();

    // Environment for the next start() (on top of the system one, minus every NATTER_*).
    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }
    // NATTER_PUSHER_* for this soketi's default app.
    void usePusher(const SoketiServer &soketi);
    void usePusherAt(quint16 port); // the soketi app's credentials at 127.0.0.1:port

    bool start(const QStringList &arguments = {}, int timeoutMs = 15000);
    // SIGTERM by PID; true if it exited within the timeout. exitCode()/exitStatus() then tell how.
    bool stop(int timeoutMs = 10000);
    void kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    qint64 pid() const { return m_process.processId(); }

    quint16 port() const { return m_port; }
    QUrl url(const QString &path = {}) const;
    QString log() const { return m_log; }
    QString error() const { return m_error; }

private:
    QProcess m_process;
    QMap<QString, QString> m_env;
    quint16 m_port = 0;
    QString m_log;
    QString m_error;
};
