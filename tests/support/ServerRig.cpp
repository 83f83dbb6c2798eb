#include "ServerRig.h"

ServerRig::ServerRig() = default;
ServerRig::~ServerRig() = default;

bool ServerRig::init()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temp dir");
        return false;
    }
    if (qEnvironmentVariable("NATTER_TEST_DATABASE") == QLatin1String("postgresql")) {
        m_postgres = std::make_unique<PostgresCluster>();
        if (!m_postgres->start()) {
            m_error = m_postgres->error();
            return false;
        }
    }
    if (!m_soketi.start()) {
        m_error = m_soketi.error();
        return false;
    }
    return true;
}

QString ServerRig::freshDatabaseUrl()
{
    const QString name = QStringLiteral("natter%1").arg(++m_databases);
    if (!m_postgres)
        return QStringLiteral("sqlite://%1/%2.sqlite").arg(m_dir.path(), name);
    if (!m_postgres->createDatabase(name)) {
        m_error = m_postgres->error();
        return {};
    }
    return m_postgres->url(name);
}

std::unique_ptr<NatterServerProcess> ServerRig::startServer(const QStringList &arguments,
                                                            const QMap<QString, QString> &env,
                                                            quint16 pusherPort)
{
    auto server = std::make_unique<NatterServerProcess>();
    server->usePusherAt(pusherPort ? pusherPort : m_soketi.port());
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        server->setEnv(it.key(), it.value());
    QStringList args = arguments;
    if (!args.contains(QStringLiteral("--database"))
        && !env.contains(QStringLiteral("NATTER_DATABASE"))) {
        const QString url = freshDatabaseUrl();
        if (url.isEmpty())
            return nullptr;
        args << QStringLiteral("--database") << url;
    }
    if (!server->start(args)) {
        m_error = server->error();
        return nullptr;
    }
    return server;
}
