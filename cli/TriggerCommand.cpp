#include "TriggerCommand.h"

#include "ConnectionArgs.h"
#include "ExitCode.h"
#include "JsonLines.h"

#include <pusher/RestClient.h>
#include <pusher/RestReply.h>
#include <pusher/SecretEnvironment.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace natter::pusher;

int TriggerCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Publish an event through the REST API."));
    parser.addHelpOption();
    ConnectionArgs::addTo(parser);
    parser.addOptions({
        {QStringLiteral("app-id"), QStringLiteral("App id."), QStringLiteral("ID")},
        {QStringLiteral("secret"), QStringLiteral("App secret (or set NATTER_SECRET)."),
         QStringLiteral("S")},
        {QStringLiteral("socket-id"),
         QStringLiteral("Exclude this connection from the recipients."), QStringLiteral("X")},
    });
    parser.addPositionalArgument(QStringLiteral("channel"),
                                 QStringLiteral("Channel (comma-separated for several)."));
    parser.addPositionalArgument(QStringLiteral("event"), QStringLiteral("Event name."));
    parser.addPositionalArgument(QStringLiteral("data"),
                                 QStringLiteral("Event data (sent as the string given)."));
    if (!parser.parse(arguments)) {
        JsonLines::error(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(ConnectionArgs::helpText(parser, QStringLiteral("trigger"))), stdout);
        return ExitOk;
    }
    ConnectionArgs::applyLogLevel(parser);
    QString error;
    const ConnectionOptions connection = ConnectionArgs::read(parser, &error);
    if (!error.isEmpty()) {
        JsonLines::error(error);
        return ExitUsage;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 3) {
        JsonLines::error(QStringLiteral("trigger takes CHANNEL EVENT DATA"));
        return ExitUsage;
    }
    const QString secretFromEnvironment = SecretEnvironment::take("NATTER_SECRET");
    QString secret = parser.value(QStringLiteral("secret"));
    if (secret.isEmpty())
        secret = secretFromEnvironment;
    if (!parser.isSet(QStringLiteral("app-id")) || secret.isEmpty()) {
        JsonLines::error(QStringLiteral("trigger needs --app-id, --key and --secret"));
        return ExitUsage;
    }

    RestConfig config;
    if (connection.host.isEmpty()) {
        config.baseUrl = RestClient::hostedBaseUrl(connection.cluster);
    } else {
        QUrl base;
        base.setScheme(connection.tls ? QStringLiteral("https") : QStringLiteral("http"));
        base.setHost(connection.host);
        base.setPort(connection.port > 0 ? connection.port : (connection.tls ? 443 : 80));
        base.setPath(connection.pathPrefix);
        config.baseUrl = base;
    }
    config.appId = parser.value(QStringLiteral("app-id"));
    config.key = connection.key;
    config.secret = secret.toUtf8();
    config.caBundlePath = connection.caBundlePath;

    QNetworkAccessManager network;
    RestClient rest(&network, config);
    RestReply *reply = rest.trigger(args.at(0).split(u',', Qt::SkipEmptyParts), args.at(1),
                                    args.at(2), parser.value(QStringLiteral("socket-id")));
    int code = ExitOk;
    QObject::connect(reply, &RestReply::finished, [&] {
        QJsonObject line{{QStringLiteral("type"), QStringLiteral("triggered")},
                         {QStringLiteral("status"), reply->httpStatus()}};
        const QJsonObject body = reply->json();
        if (!body.isEmpty())
            line.insert(QStringLiteral("response"), body);
        if (reply->ok()) {
            JsonLines::write(line);
        } else {
            line.insert(QStringLiteral("type"), QStringLiteral("error"));
            line.insert(QStringLiteral("message"), reply->errorString());
            JsonLines::write(line);
            JsonLines::error(QStringLiteral("trigger failed: %1").arg(reply->errorString()));
            code = reply->wasRejectedLocally()                               ? ExitUsage
                : (reply->httpStatus() == 401 || reply->httpStatus() == 403) ? ExitAuthFailed
                                                                             : ExitConnectionFailed;
        }
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    return code;
}
