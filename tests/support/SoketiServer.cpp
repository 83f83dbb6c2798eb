#include "SoketiServer.h"

#include "FreePort.h"

#include <QDir>
#include <QFileInfo>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

SoketiServer::SoketiServer()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, [this] {
        m_log += QString::fromUtf8(m_process.readAll());
        if (m_log.size() > 200000)
            m_log = m_log.right(100000);
    });
}

SoketiServer::~SoketiServer()
{
    stop(true);
}

QString SoketiServer::sourceDir()
{
    return QStringLiteral(NATTER_SOURCE_DIR);
}

QString SoketiServer::nodePath()
{
    return QStandardPaths::findExecutable(QStringLiteral("node"));
}

bool SoketiServer::start(quint16 port, int timeoutMs)
{
    const QString serverJs = sourceDir()
        + QStringLiteral("/server/soketi/node_modules/@soketi/soketi/bin/server.js");
    if (!QFileInfo::exists(serverJs)) {
        m_error = QStringLiteral("soketi is not installed (%1); run scripts/deps").arg(serverJs);
        return false;
    }
    if (nodePath().isEmpty()) {
        m_error = QStringLiteral("node not found");
        return false;
    }
    m_port = port ? port : FreePort::pick();
    // Two soketis on one port share it silently (SO_REUSEPORT): make sure nobody is there.
    if (!FreePort::isFree(m_port)) {
        m_error = QStringLiteral("port %1 is busy").arg(m_port);
        return false;
    }
    m_metricsPort = FreePort::pick();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOKETI_HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("SOKETI_METRICS_HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("SOKETI_PORT"), QString::number(m_port));
    env.insert(QStringLiteral("SOKETI_METRICS_SERVER_PORT"), QString::number(m_metricsPort));
    env.insert(QStringLiteral("SOKETI_SHUTDOWN_GRACE_PERIOD"), QStringLiteral("0"));
    env.insert(QStringLiteral("SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES"), QStringLiteral("true"));
    env.insert(QStringLiteral("SOKETI_DEFAULT_APP_USER_AUTHENTICATION"), QStringLiteral("true"));
    // With user authentication on, soketi kicks connections that do not sign in within 30 s;
    // the tests that are not about sign-in must not be cut off by that.
    env.insert(QStringLiteral("SOKETI_USER_AUTHENTICATION_TIMEOUT"), QStringLiteral("3600000"));
    for (auto it = m_extraEnv.cbegin(); it != m_extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(QDir::tempPath());
    m_log.clear();
    m_process.start(nodePath(), {serverJs, QStringLiteral("start")});
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("could not start node: %1").arg(m_process.errorString());
        return false;
    }
    // node + soketi alone took 15 s on a 2-core machine shared by parallel builds: the runner
    // may allow more (NATTER_TEST_SOKETI_START_MS) without every test passing a timeout.
    timeoutMs = qMax(timeoutMs, qEnvironmentVariableIntValue("NATTER_TEST_SOKETI_START_MS"));
    if (!answers(timeoutMs)) {
        m_error = QStringLiteral("soketi did not answer on port %1 within %2 ms; log:\n%3")
                      .arg(m_port)
                      .arg(timeoutMs)
                      .arg(m_log);
        stop(true);
        return false;
    }
    return true;
}

bool SoketiServer::answers(int timeoutMs)
{
    return QTest::qWaitFor(
               [this] {
                   if (m_process.state() == QProcess::NotRunning)
                       return true;
                   // With SOKETI_SSL_CERT soketi speaks only TLS; whether its certificate is
                   // trusted is what the tests check, not this probe.
                   QSslSocket socket;
                   if (m_extraEnv.contains(QStringLiteral("SOKETI_SSL_CERT"))) {
                       socket.setPeerVerifyMode(QSslSocket::VerifyNone);
                       socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
                       if (!socket.waitForEncrypted(1000))
                           return false;
                   } else {
                       socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
                       if (!socket.waitForConnected(200))
                           return false;
                   }
                   socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                   if (!socket.waitForReadyRead(500))
                       return false;
                   return socket.readAll().startsWith("HTTP/1.");
               },
               timeoutMs)
        && m_process.state() != QProcess::NotRunning;
}

void SoketiServer::stop(bool hard)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(pid_t(pid), hard ? SIGKILL : SIGTERM);
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

natter::pusher::ConnectionOptions SoketiServer::connectionOptions() const
{
    natter::pusher::ConnectionOptions o;
    o.key = QString::fromLatin1(Key);
    o.host = QStringLiteral("127.0.0.1");
    o.port = m_port;
    o.tls = false;
    return o;
}

QUrl SoketiServer::httpBase() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}
