#include "NatterServerProcess.h"

#include "SoketiServer.h"

#include <QRegularExpression>
#include <QTest>

#include <csignal>

QString NatterServerProcess::binaryPath()
{
    return QStringLiteral(NATTER_SERVER_PATH);
}

NatterServerProcess::NatterServerProcess()
{
    QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] {
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        if (m_log.size() > 400000)
            m_log = m_log.right(200000);
    });
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                     [this] { m_log += QString::fromUtf8(m_process.readAllStandardOutput()); });
}

NatterServerProcess::~NatterServerProcess()
{
    if (isRunning() && !stop(5000))
        kill();
}

void NatterServerProcess::usePusher(const SoketiServer &soketi)
{
    usePusherAt(soketi.port());
}

void NatterServerProcess::usePusherAt(quint16 port)
{
    setEnv(QStringLiteral("NATTER_PUSHER_APP_ID"), QString::fromLatin1(SoketiServer::AppId));
    setEnv(QStringLiteral("NATTER_PUSHER_KEY"), QString::fromLatin1(SoketiServer::Key));
    setEnv(QStringLiteral("NATTER_PUSHER_SECRET"), QString::fromLatin1(SoketiServer::Secret));
    setEnv(QStringLiteral("NATTER_PUSHER_HOST"), QStringLiteral("127.0.0.1"));
    setEnv(QStringLiteral("NATTER_PUSHER_PORT"), QString::number(port));
}

bool NatterServerProcess::start(const QStringList &arguments, int timeoutMs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("NATTER_")))
            env.remove(key);
    }
    for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
        env.insert(it.key(), it.value());
    m_process.setProcessEnvironment(env);
    m_log.clear();
    m_port = 0;
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    args += arguments;
    m_process.start(binaryPath(), args);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(
        QStringLiteral("^natter-server: listening on http://127\\.0\\.0\\.1:(\\d+)$"),
        QRegularExpression::MultilineOption);
    const bool up = QTest::qWaitFor(
        [this] {
            const auto m = listening.match(m_log);
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
            return m_port != 0 || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (!up || m_port == 0) {
        m_error = QStringLiteral("natter-server did not start; log:\n%1").arg(m_log);
        kill();
        return false;
    }
    return true;
}

bool NatterServerProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    return QTest::qWaitFor([this] { return !isRunning(); }, timeoutMs);
}

void NatterServerProcess::kill()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(3000);
}

QUrl NatterServerProcess::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}
