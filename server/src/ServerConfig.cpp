#include "ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

namespace {

struct Flag
{
    const char *flag;
    const char *env;
    const char *help;
};

// Flags with a value; each has an environment name, which is also the config file key.
const Flag kFlags[] = {
    {"--listen", "NATTER_LISTEN",
     "ADDR:PORT to listen on (default 127.0.0.1:8080; port 0 picks one)"},
    {"--database", "NATTER_DATABASE",
     "sqlite:///ABSOLUTE/PATH or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB (default SQLite in "
     "$XDG_DATA_HOME/natter-server/natter.sqlite)"},
    {"--rooms", "NATTER_ROOMS", "comma-separated rooms; only these exist (default: any valid name)"},
    {"--session-ttl", "NATTER_SESSION_TTL", "session lifetime in seconds (default 86400)"},
    {"--rate-limit", "NATTER_RATE_LIMIT", "messages per token as N/SECONDS (default 30/10)"},
    {"--log-level", "NATTER_LOG_LEVEL", "warning (default), info or debug"},
    {"--debug-users", "NATTER_DEBUG_USERS",
     "comma-separated user names allowed to see the server's webhooks on private-natter-debug and "
     "to send events through POST /debug/events (default: nobody)"},
};

// Only from the environment or the config file: secrets do not belong on a command line.
const Flag kEnvOnly[] = {
    {nullptr, "NATTER_JOIN_PASSWORD", "password every login must give (default: none)"},
    {nullptr, "NATTER_PUSHER_APP_ID", "Pusher/soketi app id (required)"},
    {nullptr, "NATTER_PUSHER_KEY", "app key (required)"},
    {nullptr, "NATTER_PUSHER_SECRET", "app secret (required; never logged)"},
    {nullptr, "NATTER_PUSHER_HOST", "REST API host (default 127.0.0.1)"},
    {nullptr, "NATTER_PUSHER_PORT", "REST API port (default 6001, 443 with TLS)"},
    {nullptr, "NATTER_PUSHER_TLS", "1 for https (default 0)"},
    {nullptr, "NATTER_PUSHER_CLUSTER", "hosted Pusher cluster, e.g. mt1 (overrides host/port/tls)"},
    {nullptr, "NATTER_PUSHER_WS_HOST", "WebSocket host clients use (default: the REST host)"},
    {nullptr, "NATTER_PUSHER_WS_PORT", "WebSocket port clients use (default: the REST port)"},
};

bool parseBool(const QString &value, bool *ok)
{
    const QString v = value.trimmed().toLower();
    *ok = true;
    if (v == QLatin1String("1") || v == QLatin1String("true") || v == QLatin1String("yes"))
        return true;
    if (v == QLatin1String("0") || v == QLatin1String("false") || v == QLatin1String("no")
        || v.isEmpty())
        return false;
    *ok = false;
    return false;
}

} // namespace

QUrl ServerConfig::pusherRestUrl() const
{
    if (!pusherCluster.isEmpty())
        return QUrl(QStringLiteral("https://api-%1.pusher.com").arg(pusherCluster));
    QUrl url;
    url.setScheme(pusherTls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(pusherHost);
    url.setPort(pusherPort);
    return url;
}

QString ServerConfig::effectiveWsHost() const
{
    if (!wsHost.isEmpty())
        return wsHost;
    if (!pusherCluster.isEmpty())
        return QStringLiteral("ws-%1.pusher.com").arg(pusherCluster);
    return pusherHost;
}

int ServerConfig::effectiveWsPort() const
{
    if (wsPort > 0)
        return wsPort;
    return pusherCluster.isEmpty() ? pusherPort : 443;
}

bool ServerConfig::effectiveWsTls() const
{
    return pusherCluster.isEmpty() ? pusherTls : true;
}

QString ServerConfigLoader::defaultSqlitePath()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/natter-server/natter.sqlite");
}

QString ServerConfigLoader::helpText()
{
    QString text = QStringLiteral(
        "usage: natter-server [--listen ADDR:PORT] [--database URL] [--rooms a,b] [--session-ttl "
        "S]\n"
        "                     [--rate-limit N/S] [--debug-users a,b] [--config FILE]\n"
        "                     [--log-level LEVEL] [--help]\n"
        "       natter-server --version\n\n"
        "The Natter backend: sessions, Pusher channel auth, sending and history.\n"
        "Flags win over the environment, which wins over --config FILE (KEY=VALUE lines with the\n"
        "environment names below).\n\n");
    for (const Flag &f : kFlags)
        text += QStringLiteral("  %1 / %2\n      %3\n")
                    .arg(QLatin1String(f.flag), QLatin1String(f.env), QLatin1String(f.help));
    text += QStringLiteral("  --config FILE\n      KEY=VALUE settings file ('#' comments)\n");
    text += QStringLiteral("\nEnvironment or config file only:\n");
    for (const Flag &f : kEnvOnly)
        text += QStringLiteral("  %1\n      %2\n").arg(QLatin1String(f.env), QLatin1String(f.help));
    text += QStringLiteral(
        "\nTLS is a reverse proxy's job (nginx, caddy): natter-server speaks plain HTTP and "
        "should\n"
        "listen on loopback behind it. Logging: QT_LOGGING_RULES, categories natter.server and\n"
        "natter.server.access (one line per request, on by default).\n");
    return text;
}

bool ServerConfigLoader::readFile(const QString &path, QMap<QString, QString> *values)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_error = QStringLiteral("cannot read config file %1: %2").arg(path, file.errorString());
        return false;
    }
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            m_error = QStringLiteral("%1:%2: expected KEY=VALUE").arg(path).arg(lineNo);
            return false;
        }
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2
            && (value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))))
            value = value.mid(1, value.size() - 2);
        values->insert(line.left(eq).trimmed(), value);
    }
    return true;
}

ServerConfigLoader::Outcome ServerConfigLoader::load(const QStringList &arguments,
                                                     const QProcessEnvironment &environment)
{
    QMap<QString, QString> fromFlags;
    QString configFile;
    for (int i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h"))
            return Outcome::Help;
        if (arg == QLatin1String("--version"))
            return Outcome::Version;
        QString value;
        bool hasValue = false;
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        }
        const char *env = nullptr;
        for (const Flag &f : kFlags) {
            if (arg == QLatin1String(f.flag))
                env = f.env;
        }
        if (!env && arg != QLatin1String("--config")) {
            m_error = QStringLiteral("unknown argument %1 (see --help)").arg(arg);
            return Outcome::Error;
        }
        if (!hasValue) {
            if (i + 1 >= arguments.size()) {
                m_error = QStringLiteral("%1 needs a value").arg(arg);
                return Outcome::Error;
            }
            value = arguments.at(++i);
        }
        if (env)
            fromFlags.insert(QLatin1String(env), value);
        else
            configFile = value;
    }
    QMap<QString, QString> values;
    if (!configFile.isEmpty() && !readFile(configFile, &values))
        return Outcome::Error;
    auto overlay = [&values](const QString &name, const QString &value) {
        values.insert(name, value);
    };
    for (const Flag &f : kFlags) {
        if (environment.contains(QLatin1String(f.env)))
            overlay(QLatin1String(f.env), environment.value(QLatin1String(f.env)));
    }
    for (const Flag &f : kEnvOnly) {
        if (environment.contains(QLatin1String(f.env)))
            overlay(QLatin1String(f.env), environment.value(QLatin1String(f.env)));
    }
    for (auto it = fromFlags.cbegin(); it != fromFlags.cend(); ++it)
        overlay(it.key(), it.value());
    return apply(values) ? Outcome::Ok : Outcome::Error;
}

bool ServerConfigLoader::apply(const QMap<QString, QString> &v)
{
    ServerConfig &c = m_config;
    auto has = [&v](const char *k) { return v.contains(QLatin1String(k)); };
    auto get = [&v](const char *k) { return v.value(QLatin1String(k)).trimmed(); };
    auto fail = [this](const QString &message) {
        m_error = message;
        return false;
    };

    if (has("NATTER_LISTEN")) {
        const QString listen = get("NATTER_LISTEN");
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&ok) : 0;
        QString host = colon > 0 ? listen.left(colon) : QString();
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (!ok || port > 65535 || !c.listenAddress.setAddress(host))
            return fail(QStringLiteral("--listen wants ADDR:PORT, e.g. 127.0.0.1:8080"));
        c.listenPort = quint16(port);
    }
    c.database = has("NATTER_DATABASE") ? get("NATTER_DATABASE")
                                        : QStringLiteral("sqlite://") + defaultSqlitePath();
    if (has("NATTER_ROOMS")) {
        static const QRegularExpression roomRe(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
        for (const QString &part : get("NATTER_ROOMS").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString room = part.trimmed();
            if (!roomRe.match(room).hasMatch())
                return fail(QStringLiteral(
                                "--rooms: \"%1\" is not a room name (1-40 letters, digits, - or _)")
                                .arg(room));
            if (!c.rooms.contains(room))
                c.rooms << room;
        }
    }
    if (has("NATTER_DEBUG_USERS")) {
        static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
        const QStringList parts
            = get("NATTER_DEBUG_USERS").split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString name = part.trimmed();
            if (!nameRe.match(name).hasMatch())
                return fail(QStringLiteral("--debug-users: \"%1\" is not a user name (1-32 "
                                           "letters, digits, - or _)")
                                .arg(name));
            if (!c.debugUsers.contains(name, Qt::CaseInsensitive))
                c.debugUsers << name;
        }
    }
    if (has("NATTER_SESSION_TTL")) {
        bool ok = false;
        c.sessionTtlSeconds = get("NATTER_SESSION_TTL").toLongLong(&ok);
        if (!ok || c.sessionTtlSeconds <= 0)
            return fail(QStringLiteral("--session-ttl wants a positive number of seconds"));
    }
    if (has("NATTER_RATE_LIMIT")) {
        const QStringList parts = get("NATTER_RATE_LIMIT").split(QLatin1Char('/'));
        bool ok1 = false, ok2 = false;
        if (parts.size() == 2) {
            c.rateLimitCount = parts[0].toInt(&ok1);
            c.rateLimitSeconds = parts[1].toInt(&ok2);
        }
        if (!ok1 || !ok2 || c.rateLimitCount <= 0 || c.rateLimitSeconds <= 0)
            return fail(QStringLiteral("--rate-limit wants N/SECONDS, e.g. 30/10"));
    }
    c.logLevel = get("NATTER_LOG_LEVEL");
    c.joinPassword = v.value(QStringLiteral("NATTER_JOIN_PASSWORD"));
    c.pusherAppId = get("NATTER_PUSHER_APP_ID");
    c.pusherKey = get("NATTER_PUSHER_KEY");
    c.pusherSecret = v.value(QStringLiteral("NATTER_PUSHER_SECRET")).toUtf8();
    if (has("NATTER_PUSHER_TLS")) {
        bool ok = false;
        c.pusherTls = parseBool(get("NATTER_PUSHER_TLS"), &ok);
        if (!ok)
            return fail(QStringLiteral("NATTER_PUSHER_TLS wants 1 or 0"));
        c.pusherPort = c.pusherTls ? 443 : 6001;
    }
    if (has("NATTER_PUSHER_HOST"))
        c.pusherHost = get("NATTER_PUSHER_HOST");
    auto port = [&](const char *name, int *out) {
        bool ok = false;
        const int p = get(name).toInt(&ok);
        if (!ok || p <= 0 || p > 65535)
            return fail(QStringLiteral("%1 wants a port number").arg(QLatin1String(name)));
        *out = p;
        return true;
    };
    if (has("NATTER_PUSHER_PORT") && !port("NATTER_PUSHER_PORT", &c.pusherPort))
        return false;
    if (has("NATTER_PUSHER_WS_PORT") && !port("NATTER_PUSHER_WS_PORT", &c.wsPort))
        return false;
    c.pusherCluster = get("NATTER_PUSHER_CLUSTER");
    c.wsHost = get("NATTER_PUSHER_WS_HOST");

    if (c.pusherSecret.isEmpty())
        return fail(
            QStringLiteral("NATTER_PUSHER_SECRET is not set (environment or --config file)"));
    if (c.pusherAppId.isEmpty() || c.pusherKey.isEmpty())
        return fail(QStringLiteral("NATTER_PUSHER_APP_ID and NATTER_PUSHER_KEY must be set"));
    return true;
}
