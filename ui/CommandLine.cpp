#include "CommandLine.h"

#include <chat/ChatController.h>
#include <chat/UserName.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

namespace natter::ui {

using natter::chat::ServerProfile;

CommandLine::Result CommandLine::parse(const QStringList &arguments,
                                       const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Natter: a desktop chat client for Pusher Channels servers."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version and exit."));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     tr("Use the saved server profile NAME."), tr("NAME"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  tr("Log in as NAME (letters, digits, _ and -)."), tr("NAME"));
    const QCommandLineOption room(
        QStringLiteral("room"),
        tr("Join room NAME (repeatable; the first is shown). With --user: log in directly."),
        tr("NAME"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      tr("quiet, warning, info or debug."), tr("LEVEL"));
    const QCommandLineOption newInstance(
        QStringLiteral("new-instance"),
        tr("Start another window even if one runs for this profile and user."));
    const QCommandLineOption minimized(
        QStringLiteral("minimized"),
        tr("Start in the system tray, without a window (when a tray exists)."));
    const QCommandLineOption host(QStringLiteral("host"), tr("Self-hosted server host."),
                                  tr("HOST"));
    const QCommandLineOption port(QStringLiteral("port"), tr("Self-hosted server port."),
                                  tr("PORT"));
    const QCommandLineOption tls(QStringLiteral("tls"), tr("Connect with TLS (the default)."));
    const QCommandLineOption noTls(QStringLiteral("no-tls"), tr("Connect without TLS."));
    const QCommandLineOption cluster(QStringLiteral("cluster"),
                                     tr("Hosted Pusher cluster, e.g. mt1 or eu."), tr("CLUSTER"));
    const QCommandLineOption key(QStringLiteral("key"), tr("App key."), tr("KEY"));
    const QCommandLineOption pathPrefix(QStringLiteral("path-prefix"), tr("Path before /app/KEY."),
                                        tr("PATH"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), tr("Extra CA certificates (PEM)."),
                                    tr("FILE"));
    const QCommandLineOption authEndpoint(
        QStringLiteral("auth-endpoint"),
        tr("Authorize rooms at URL (bearer token from NATTER_AUTH_TOKEN)."), tr("URL"));
    const QCommandLineOption secret(
        QStringLiteral("secret"),
        tr("Sign locally with the app secret (development servers only; prefer the "
           "NATTER_SECRET environment variable, which other users cannot see)."),
        tr("SECRET"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        tr("Log in through the Natter server at URL (it gives the key, host and auth)."),
        tr("URL"));
    const QCommandLineOption passwordEnv(
        QStringLiteral("password-env"),
        tr("Read the Natter server's join password from the environment variable VAR."), tr("VAR"));
    parser.addOptions({help,       version, profile,      user,   room,   logLevel,   newInstance,
                       minimized,  host,    port,         tls,    noTls,  cluster,    key,
                       pathPrefix, caFile,  authEndpoint, secret, server, passwordEnv});

    Result result;
    const auto fail = [&](const QString &message) {
        result.action = Action::Error;
        result.text = message;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.action = Action::Help;
        // The first line names the binary as QCoreApplication knows it (or not at all, before
        // QApplication exists): always call it natter.
        QString text = parser.helpText();
        const qsizetype eol = text.indexOf(u'\n');
        result.text = tr("Usage: natter [options]") + (eol >= 0 ? text.mid(eol) : QString());
        return result;
    }
    if (parser.isSet(version)) {
        result.action = Action::Version;
        result.text = QStringLiteral("natter %1\n").arg(QStringLiteral(NATTER_VERSION));
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    Options &o = result.options;
    o.profile = parser.value(profile);
    o.user = natter::chat::UserName::normalized(parser.value(user));
    o.newInstance = parser.isSet(newInstance);
    o.minimized = parser.isSet(minimized);
    if (!o.user.isEmpty()) {
        const QString why = natter::chat::UserName::validate(o.user);
        if (!why.isEmpty())
            return fail(tr("--user %1: %2").arg(o.user, why));
    }
    for (const QString &r : parser.values(room)) {
        const QString why = natter::chat::ChatController::validateRoomName(r);
        if (!why.isEmpty())
            return fail(tr("--room %1: %2").arg(r, why));
        if (!o.rooms.contains(r))
            o.rooms.append(r);
    }
    if (parser.isSet(logLevel)) {
        const QString level = parser.value(logLevel).toLower();
        if (level == QLatin1String("quiet"))
            o.logLevel = LogLevel::Quiet;
        else if (level == QLatin1String("warning"))
            o.logLevel = LogLevel::Warning;
        else if (level == QLatin1String("info"))
            o.logLevel = LogLevel::Info;
        else if (level == QLatin1String("debug"))
            o.logLevel = LogLevel::Debug;
        else
            return fail(tr("--log-level must be quiet, warning, info or debug."));
    }

    if (parser.isSet(tls) && parser.isSet(noTls))
        return fail(tr("Give either --tls or --no-tls."));
    if (parser.isSet(host) && parser.isSet(cluster))
        return fail(tr("Give either --host (self-hosted) or --cluster (hosted Pusher), not both."));
    if (parser.isSet(secret) && parser.isSet(authEndpoint))
        return fail(tr("Give either --auth-endpoint or --secret, not both."));
    o.secret = parser.isSet(secret) ? parser.value(secret)
                                    : environment.value(QStringLiteral("NATTER_SECRET"));
    o.authToken = environment.value(QStringLiteral("NATTER_AUTH_TOKEN"));
    o.secretVariables = QStringList{QStringLiteral("NATTER_SECRET"),
                                    QStringLiteral("NATTER_AUTH_TOKEN")};

    if (parser.isSet(passwordEnv) && !parser.isSet(server))
        return fail(tr("--password-env needs --server."));
    if (parser.isSet(server)) {
        if (parser.isSet(host) || parser.isSet(cluster) || parser.isSet(key) || parser.isSet(port)
            || parser.isSet(tls) || parser.isSet(noTls) || parser.isSet(pathPrefix)
            || parser.isSet(authEndpoint) || parser.isSet(secret))
            return fail(
                tr("--server gives the connection details: leave out --host, --port, "
                   "--cluster, --key, --tls, --path-prefix, --auth-endpoint and --secret."));
        ServerProfile p;
        p.kind = ServerProfile::Kind::NatterServer;
        p.serverUrl = parser.value(server);
        p.caFile = parser.value(caFile);
        const QUrl url(p.serverUrl);
        p.name = o.profile.isEmpty() ? QStringLiteral("Natter server %1").arg(url.authority())
                                     : o.profile;
        const QString why = p.validate();
        if (!why.isEmpty())
            return fail(tr("--server %1: %2").arg(p.serverUrl, why));
        if (parser.isSet(passwordEnv)) {
            const QString var = parser.value(passwordEnv);
            // The password itself never goes on the command line, where `ps` shows it.
            if (var.isEmpty() || !environment.contains(var))
                return fail(tr("--password-env %1: the variable is not set.").arg(var));
            o.joinPassword = environment.value(var);
            o.secretVariables.append(var);
        }
        o.adHocProfile = p;
        return result;
    }

    const bool adHoc = parser.isSet(host) || parser.isSet(cluster) || parser.isSet(key);
    const bool connectionDetails = parser.isSet(port) || parser.isSet(tls) || parser.isSet(noTls)
        || parser.isSet(pathPrefix) || parser.isSet(caFile) || parser.isSet(authEndpoint);
    if (!adHoc && connectionDetails)
        return fail(tr("Connection options need --key and --host or --cluster."));
    if (adHoc) {
        ServerProfile p;
        p.key = parser.value(key);
        if (parser.isSet(cluster)) {
            p.kind = ServerProfile::Kind::Hosted;
            p.cluster = parser.value(cluster);
            p.tls = true;
        } else {
            p.kind = ServerProfile::Kind::SelfHosted;
            p.host = parser.value(host);
            p.tls = !parser.isSet(noTls);
            p.port = p.tls ? 443 : 80;
            if (parser.isSet(port)) {
                bool ok = false;
                p.port = parser.value(port).toInt(&ok);
                if (!ok || p.port <= 0 || p.port > 65535)
                    return fail(tr("--port must be a number between 1 and 65535."));
            }
        }
        p.pathPrefix = parser.value(pathPrefix);
        p.caFile = parser.value(caFile);
        if (parser.isSet(authEndpoint)) {
            p.authMode = ServerProfile::AuthMode::Endpoint;
            p.authEndpoint = parser.value(authEndpoint);
        } else if (!o.secret.isEmpty()) {
            p.authMode = ServerProfile::AuthMode::LocalSigning;
        } else {
            return fail(tr(
                "Presence rooms need authorization: give --auth-endpoint URL, or the app secret in "
                "NATTER_SECRET (or --secret) for local signing."));
        }
        p.name = o.profile.isEmpty() ? (p.kind == ServerProfile::Kind::Hosted
                                            ? QStringLiteral("%1 (%2)").arg(p.cluster, p.key)
                                            : QStringLiteral("%1:%2").arg(p.host).arg(p.port))
                                     : o.profile;
        const QString why = p.validate();
        if (!why.isEmpty())
            return fail(why);
        o.adHocProfile = p;
    }
    return result;
}

QString CommandLine::loggingRules(LogLevel level)
{
    switch (level) {
    case LogLevel::Default:
        return {};
    case LogLevel::Quiet:
        return QStringLiteral("natter.*=false");
    case LogLevel::Warning:
        return QStringLiteral("natter.*.debug=false\nnatter.*.info=false\nnatter.*.warning="
                              "true\nnatter.*.critical=true");
    case LogLevel::Info:
        return QStringLiteral("natter.*.debug=false\nnatter.*.info=true\nnatter.*.warning="
                              "true\nnatter.*.critical=true");
    case LogLevel::Debug:
        return QStringLiteral("natter.*=true");
    }
    return {};
}

} // namespace natter::ui
