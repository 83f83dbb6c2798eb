#include "ApiServer.h"
#include "DatabaseWorker.h"
#include "Log.h"
#include "MessageDelivery.h"
#include "RateLimiter.h"
#include "ServerConfig.h"
#include "ServerContext.h"
#include "SignalWatcher.h"

#include <pusher/RestClient.h>
#include <pusher/Signer.h>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

#include <cstdio>
#include <sys/stat.h>

namespace {

void printLine(const QString &line)
{
    std::fprintf(stderr, "natter-server: %s\n", qPrintable(line));
    std::fflush(stderr);
}

void applyLogLevel(const QString &level)
{
    if (level == QLatin1String("debug"))
        QLoggingCategory::setFilterRules(QStringLiteral("natter.*=true"));
    else if (level == QLatin1String("info"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("natter.*.info=true\nnatter.*.debug=false"));
}

} // namespace

int main(int argc, char *argv[])
{
    // Everything this process creates (the SQLite file, its WAL) is private to its user.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natter-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));

    ServerConfigLoader loader;
    switch (loader.load(app.arguments(), QProcessEnvironment::systemEnvironment())) {
    case ServerConfigLoader::Outcome::Help:
        std::fputs(qPrintable(ServerConfigLoader::helpText()), stdout);
        return 0;
    case ServerConfigLoader::Outcome::Version:
        std::printf("natter-server %s\n", NATTER_VERSION);
        return 0;
    case ServerConfigLoader::Outcome::Error:
        printLine(loader.error());
        return 2;
    case ServerConfigLoader::Outcome::Ok:
        break;
    }
    const ServerConfig &config = loader.config();
    applyLogLevel(config.logLevel);

    // Declared first, so it stops last: the jobs of everything below (MessageDelivery's final
    // delivered-marks too) run before its thread ends.
    DatabaseWorker database;
    QString error;
    if (!database.open(config.database, &error)) {
        printLine(error);
        return 1;
    }
    const natter::pusher::Signer signer(config.pusherKey, config.pusherSecret);
    QNetworkAccessManager network;
    natter::pusher::RestConfig restConfig;
    restConfig.baseUrl = config.pusherRestUrl();
    restConfig.appId = config.pusherAppId;
    restConfig.key = config.pusherKey;
    restConfig.secret = config.pusherSecret;
    natter::pusher::RestClient rest(&network, restConfig);
    RateLimiter rateLimiter(config.rateLimitCount, config.rateLimitSeconds);
    MessageDelivery delivery(rest, database);
    ServerContext context{config, database, signer, rest, rateLimiter, delivery};
    ApiServer server(context);

    const quint16 port = server.listen(config.listenAddress, config.listenPort);
    if (port == 0) {
        printLine(QStringLiteral("cannot listen on %1:%2")
                      .arg(config.listenAddress.toString())
                      .arg(config.listenPort));
        return 1;
    }
    QString host = config.listenAddress.toString();
    if (config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    printLine(QStringLiteral("listening on http://%1:%2").arg(host).arg(port));
    qCInfo(lcServer).noquote() << "database" << (database.isPostgres() ? "PostgreSQL" : "SQLite")
                               << "schema" << database.schemaVersion() << "; Pusher REST at"
                               << config.pusherRestUrl().toString();

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminate, &server, &ApiServer::drain);
    QObject::connect(&server, &ApiServer::drained, &app, [] { QCoreApplication::exit(0); });
    // Messages a previous run could not deliver.
    delivery.kick();
    return app.exec();
}
