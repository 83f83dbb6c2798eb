#pragma once

#include <pusher/ConnectionOptions.h>

#include <QCommandLineParser>

// The connection options shared by every subcommand:
// --cluster C | --host H --port P --tls|--no-tls, --path-prefix, --ca-file, --key.
class ConnectionArgs
{
public:
    static void addTo(QCommandLineParser &parser);
    // Empty error on success.
    static natter::pusher::ConnectionOptions read(const QCommandLineParser &parser, QString *error);
    // --log-level quiet|warning|info|debug
    static void applyLogLevel(const QCommandLineParser &parser);
    // The parser's help, its usage line naming the subcommand ("natter-cli listen [options]
    // CHANNEL...") instead of the path the binary was started by.
    static QString helpText(const QCommandLineParser &parser, const QString &command);
};
