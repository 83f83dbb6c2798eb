#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

// Everything natter-server is configured with. Sources, strongest first: command-line flags, the
// environment, then an optional `--config FILE` of KEY=VALUE lines using the environment names.
struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    QString database; // sqlite:///ABS/PATH or postgresql://USER@HOST:PORT/DB
    QStringList rooms; // empty: every valid room name exists
    qint64 sessionTtlSeconds = 86400;
    int rateLimitCount = 30;
    int rateLimitSeconds = 10;
    QString joinPassword; // empty: open server
    // Names (case-insensitive) allowed on the debug channel and POST /debug/events; empty: nobody.
    QStringList debugUsers;
    QString logLevel;

    QString pusherAppId;
    QString pusherKey;
    QByteArray pusherSecret;
    QString pusherHost = QStringLiteral("127.0.0.1");
    int pusherPort = 6001;
    bool pusherTls = false;
    QString pusherCluster;
    QString wsHost;
    int wsPort = 0;

    // Where the REST API lives (hosted cluster or host/port/tls).
    QUrl pusherRestUrl() const;
    // What a browser or Natter connects its WebSocket to.
    QString effectiveWsHost() const;
    int effectiveWsPort() const;
    bool effectiveWsTls() const;
};

// Parses flags > env > file into a ServerConfig. On failure error() says why in one line.
class ServerConfigLoader
{
public:
    enum class Outcome { Ok, Help, Version, Error };

    Outcome load(const QStringList &arguments, const QProcessEnvironment &environment);
    const ServerConfig &config() const { return m_config; }
    QString error() const { return m_error; }

    static QString helpText();
    static QString defaultSqlitePath();

private:
    bool readFile(const QString &path, QMap<QString, QString> *values);
    bool apply(const QMap<QString, QString> &values);

    ServerConfig m_config;
    QString m_error;
};
