#pragma once

#include <QProcess>
#include <QString>

// A throwaway redis-server (Debian's) on 127.0.0.1 and a free port, without persistence, for
// soketi's Redis adapter; stopped by PID.
class RedisServer
{
public:
    static QString binaryPath(); // empty when redis-server is not installed

    RedisServer() = default;
    ~RedisServer();

    // Starts and waits until it answers PING. False with a reason in error().
    bool start(int timeoutMs = 10000);
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

private:
    bool answersPing();

    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
