#include "PostgresCluster.h"

#include "FreePort.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <pwd.h>
#include <unistd.h>

namespace {

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

} // namespace

QString PostgresCluster::binDir()
{
    return QStringLiteral("/usr/lib/postgresql/15/bin");
}

bool PostgresCluster::available()
{
    return QFileInfo(binDir() + QStringLiteral("/initdb")).isExecutable()
        && (!runningAsRoot() || ::getpwnam("postgres") != nullptr);
}

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    stop();
}

bool PostgresCluster::run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir->path());
    const QString path = binDir() + QLatin1Char('/') + program;
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), path}
                          + arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(process.readAll()));
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(2000);
        }
        return false;
    }
    return true;
}

bool PostgresCluster::start(int timeoutMs)
{
    if (!available()) {
        m_error = QStringLiteral("PostgreSQL 15 is not installed (%1)").arg(binDir());
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/natter-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temp dir");
        return false;
    }
    if (runningAsRoot()) {
        const passwd *pw = ::getpwnam("postgres");
        if (::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir->path());
            return false;
        }
    }
    const QString data = m_dir->path() + QStringLiteral("/data");
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("natter"),
              QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("--no-sync"),
              QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
             timeoutMs))
        return false;
    m_port = FreePort::pick();
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                           "-c synchronous_commit=off -c full_page_writes=off")
                                .arg(m_port)
                                .arg(m_dir->path());
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-l"),
              m_dir->path() + QStringLiteral("/log"), QStringLiteral("-o"), options,
              QStringLiteral("-w"), QStringLiteral("-t"), QString::number(timeoutMs / 1000),
              QStringLiteral("start")},
             timeoutMs + 5000))
        return false;
    m_running = true;
    return true;
}

void PostgresCluster::stop()
{
    if (!m_running)
        return;
    m_running = false;
    run(QStringLiteral("pg_ctl"),
        {QStringLiteral("-D"), m_dir->path() + QStringLiteral("/data"), QStringLiteral("-m"),
         QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
        30000);
}

bool PostgresCluster::restart()
{
    return run(QStringLiteral("pg_ctl"),
               {QStringLiteral("-D"), m_dir->path() + QStringLiteral("/data"), QStringLiteral("-m"),
                QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("restart")},
               60000);
}

bool PostgresCluster::createDatabase(const QString &name)
{
    return run(QStringLiteral("createdb"),
               {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(m_port), QStringLiteral("-U"), QStringLiteral("natter"), name},
               30000);
}

QString PostgresCluster::url(const QString &database) const
{
    return QStringLiteral("postgresql://natter@127.0.0.1:%1/%2").arg(m_port).arg(database);
}
