#include "ConnectionArgs.h"

#include <QLoggingCategory>

using natter::pusher::ConnectionOptions;

void ConnectionArgs::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("cluster"), QStringLiteral("Hosted Pusher cluster (e.g. mt1, eu)."),
         QStringLiteral("C")},
        {QStringLiteral("host"),
         QStringLiteral("Self-hosted server host (e.g. 127.0.0.1 for soketi)."),
         QStringLiteral("H")},
        {QStringLiteral("port"), QStringLiteral("Server port (default 443 with TLS, 80 without)."),
         QStringLiteral("P")},
        {QStringLiteral("tls"), QStringLiteral("Use TLS (the default).")},
        {QStringLiteral("no-tls"), QStringLiteral("Plain ws:// / http:// (local servers only).")},
        {QStringLiteral("path-prefix"), QStringLiteral("Path prefix before /app/KEY."),
         QStringLiteral("PATH")},
        {QStringLiteral("ca-file"),
         QStringLiteral("Extra trusted CA certificates (PEM); verification stays on."),
         QStringLiteral("FILE")},
        {QStringLiteral("key"), QStringLiteral("App key."), QStringLiteral("K")},
        {QStringLiteral("log-level"), QStringLiteral("quiet, warning (default), info or debug."),
         QStringLiteral("LEVEL")},
    });
}

ConnectionOptions ConnectionArgs::read(const QCommandLineParser &parser, QString *error)
{
    ConnectionOptions options;
    options.key = parser.value(QStringLiteral("key"));
    options.cluster = parser.value(QStringLiteral("cluster"));
    options.host = parser.value(QStringLiteral("host"));
    if (parser.isSet(QStringLiteral("tls")) && parser.isSet(QStringLiteral("no-tls"))) {
        *error = QStringLiteral("--tls and --no-tls exclude each other");
        return options;
    }
    if (!options.cluster.isEmpty() && !options.host.isEmpty()) {
        *error = QStringLiteral("give either --cluster or --host, not both");
        return options;
    }
    options.tls = !parser.isSet(QStringLiteral("no-tls"));
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        options.port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || options.port <= 0 || options.port > 65535) {
            *error = QStringLiteral("--port must be a number from 1 to 65535");
            return options;
        }
    }
    options.pathPrefix = parser.value(QStringLiteral("path-prefix"));
    options.caBundlePath = parser.value(QStringLiteral("ca-file"));
    *error = options.validate();
    if (!error->isEmpty())
        error->prepend(QStringLiteral("connection: "));
    return options;
}

void ConnectionArgs::applyLogLevel(const QCommandLineParser &parser)
{
    const QString level = parser.value(QStringLiteral("log-level"));
    if (level == QLatin1String("quiet"))
        QLoggingCategory::setFilterRules(QStringLiteral("natter.*=false"));
    else if (level == QLatin1String("info"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("natter.*.info=true\nnatter.*.debug=false"));
    else if (level == QLatin1String("debug"))
        QLoggingCategory::setFilterRules(QStringLiteral("natter.*=true"));
}

QString ConnectionArgs::helpText(const QCommandLineParser &parser, const QString &command)
{
    // QCommandLineParser starts with "Usage: <argv[0]> [options] ...": argv[0] is whatever path
    // the binary was started by, and the subcommand is missing.
    QString text = parser.helpText();
    const qsizetype eol = text.indexOf(u'\n');
    const QString first = eol >= 0 ? text.left(eol) : text;
    const qsizetype options = first.indexOf(QLatin1String(" [options]"));
    const QString rest = options >= 0 ? first.mid(options) : QString();
    return QStringLiteral("Usage: natter-cli ") + command + rest
        + (eol >= 0 ? text.mid(eol) : QString());
}
