#pragma once

#include "NatterServerProcess.h"
#include "PostgresCluster.h"
#include "SoketiServer.h"

#include <QMap>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// What natter-server's tests run against: one soketi, and with NATTER_TEST_DATABASE=postgresql
// a throwaway PostgreSQL cluster (else SQLite files in a temp dir). Every server it starts gets a
// database of its own.
class ServerRig
{
public:
    ServerRig();
    ~ServerRig();

    bool init(); // false with error()
    bool usesPostgres() const { return m_postgres != nullptr; }
    QString backend() const
    {
        return usesPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    }
    SoketiServer &soketi() { return m_soketi; }
    PostgresCluster *postgres() { return m_postgres.get(); }
    QString tempPath() const { return m_dir.path(); }

    QString freshDatabaseUrl();
    // A natter-server on a new database, its Pusher at soketi (or at 127.0.0.1:pusherPort).
    std::unique_ptr<NatterServerProcess> startServer(const QStringList &arguments = {},
                                                     const QMap<QString, QString> &env = {},
                                                     quint16 pusherPort = 0);
    QString error() const { return m_error; }

private:
    SoketiServer m_soketi;
    std::unique_ptr<PostgresCluster> m_postgres;
    QTemporaryDir m_dir;
    int m_databases = 0;
    QString m_error;
};
