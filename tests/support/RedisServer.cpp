#include "RedisServer.h"

#include "FreePort.h"

#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

QString RedisServer::binaryPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
}

RedisServer::~RedisServer()
{
    stop();
}

bool RedisServer::start(int timeoutMs)
{
    if (binaryPath().isEmpty()) {
        m_error = QStringLiteral("redis-server is not installed (Debian package redis-server)");
        return false;
    }
    m_port = FreePort::pick();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // No config file: loopback only, nothing written to disk, no protected-mode surprises.
    m_process.start(binaryPath(),
                    {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                     QStringLiteral("--appendonly"), QStringLiteral("no"),
                     QStringLiteral("--daemonize"), QStringLiteral("no")});
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start redis-server: %1").arg(m_process.errorString());
        return false;
    }
    if (!QTest::qWaitFor([this] { return !isRunning() || answersPing(); }, timeoutMs)
        || !isRunning()) {
        m_error = QStringLiteral("redis-server did not answer on port %1: %2")
                      .arg(m_port)
                      .arg(QString::fromUtf8(m_process.readAll()).right(2000));
        stop();
        return false;
    }
    return true;
}

bool RedisServer::answersPing()
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(200))
        return false;
    socket.write("PING\r\n");
    if (!socket.waitForBytesWritten(200) || !socket.waitForReadyRead(500))
        return false;
    return socket.readAll().startsWith("+PONG");
}

void RedisServer::stop()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(5000)) {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(3000);
    }
}
