#include "SingleInstance.h"

#include "LogDesktop.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace natter::desktop {

namespace {
constexpr qint64 MaxLine = 256;
constexpr int ConnectTimeoutMs = 500;

QString defaultDirectory()
{
    // $XDG_RUNTIME_DIR on Linux (Qt creates a private fallback when it is unset or unusable).
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return dir;
}

QString userIdentity()
{
#ifdef Q_OS_UNIX
    const QString uid = QString::number(::getuid());
#else
    const QString uid;
#endif
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return uid + QLatin1Char(':') + name;
}
} // namespace

SingleInstance::SingleInstance(const QString &profile, QObject *parent)
    : SingleInstance(profile, defaultDirectory(), parent)
{
}

SingleInstance::SingleInstance(const QString &profile, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{
    const QString name = serverNameFor(profile);
    m_socketPath = QDir(m_directory).filePath(name + QStringLiteral(".sock"));
    m_lockPath = QDir(m_directory).filePath(name + QStringLiteral(".lock"));
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file
}

QString SingleInstance::serverNameFor(const QString &profile)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(userIdentity().toUtf8());
    hash.addData(QByteArrayView("\n", 1));
    hash.addData(profile.toUtf8());
    return QStringLiteral("natter-") + QString::fromLatin1(hash.result().toHex().left(16));
}

bool SingleInstance::tryAcquire()
{
    if (m_server)
        return true;
    m_error.clear();
    if (!QDir().mkpath(m_directory)) {
        m_error = QStringLiteral("cannot create %1").arg(m_directory);
        qCWarning(lcDesktop).noquote() << "single instance:" << m_error << "- running unguarded";
        return true;
    }

    // Serializes "is anyone there? / listen" between instances starting at the same time. Stale
    // locks (dead PID) are taken over by QLockFile.
    QLockFile lock(m_lockPath);
    if (!lock.tryLock(3000))
        qCInfo(lcDesktop) << "single instance: lock busy, going on without it";

    auto *probe = new QLocalSocket(this);
    probe->connectToServer(m_socketPath);
    if (probe->waitForConnected(ConnectTimeoutMs)) {
        // The kernel accepted the connection: a live instance listens there.
        m_peer = probe;
        qCInfo(lcDesktop).noquote() << "another instance is running on" << m_socketPath;
        return false;
    }
    const auto probeError = probe->error();
    delete probe;

    if (probeError != QLocalSocket::ServerNotFoundError) {
        // ConnectionRefused: a socket file with nobody behind it (a crashed instance).
        qCInfo(lcDesktop).noquote() << "removing stale instance socket" << m_socketPath;
        QLocalServer::removeServer(m_socketPath);
    } else if (QFile::exists(m_socketPath)) {
        QLocalServer::removeServer(m_socketPath);
    }

    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_socketPath)) {
        m_error = server->errorString();
        delete server;
        qCWarning(lcDesktop).noquote() << "single instance: cannot listen on" << m_socketPath << ":"
                                       << m_error << "- running unguarded";
        return true;
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    qCDebug(lcDesktop).noquote() << "single instance: listening on" << m_socketPath;
    return true;
}

bool SingleInstance::sendRaise(int timeoutMs)
{
    if (!m_peer || m_peer->state() != QLocalSocket::ConnectedState) {
        delete m_peer;
        m_peer = new QLocalSocket(this);
        m_peer->connectToServer(m_socketPath);
        if (!m_peer->waitForConnected(timeoutMs)) {
            m_error = m_peer->errorString();
            return false;
        }
    }
    m_peer->write("raise\n");
    bool ok = m_peer->waitForBytesWritten(timeoutMs) || m_peer->bytesToWrite() == 0;
    if (!ok)
        m_error = m_peer->errorString();
    m_peer->disconnectFromServer();
    if (m_peer->state() != QLocalSocket::UnconnectedState)
        m_peer->waitForDisconnected(timeoutMs);
    m_peer->deleteLater();
    m_peer = nullptr;
    return ok;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine(MaxLine).trimmed();
                if (line == "raise") {
                    qCInfo(lcDesktop) << "another instance asked us to raise the window";
                    emit raiseRequested();
                }
            }
            if (socket->bytesAvailable() > MaxLine)
                socket->abort(); // not our protocol
        });
    }
}

} // namespace natter::desktop
