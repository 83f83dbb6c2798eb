#pragma once

#include "probes/DatabaseDelayProbe.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlQuery;

// The one SQL connection of this process (SQLite or PostgreSQL), opened and migrated to the
// current schema. The stores use it through prepare()/exec() and only ask dialect() for the few
// statements that differ.
class Database
{
public:
    enum class Dialect { Sqlite, Postgres };

    ~Database();

    // Opens the database named by `url` (sqlite:///ABS/PATH or postgresql://...) and migrates
    // it. Null with a one-line reason in *error (never containing a password).
    static std::unique_ptr<Database> open(const QString &url, QString *error);

    Dialect dialect() const { return m_dialect; }
    QSqlDatabase handle() const;
    int schemaVersion() const { return m_version; }
    // A cheap round trip, for /healthz; reconnects a lost connection.
    bool ping();
    // Runs a prepared query and logs a failure (without bound values). A lost connection (a
    // restarted PostgreSQL) is reopened, so this request fails but the next one works.
    bool exec(QSqlQuery &query);

private:
    Database(Dialect dialect, QString connectionName);
    bool migrate(QString *error);
    bool openSqlite(const QString &path, QString *error);
    bool openPostgres(const QString &url, QString *error);
    bool reconnect();

    Dialect m_dialect;
    QString m_connectionName;
    int m_version = 0;
    DatabaseDelayProbe m_delayProbe;
};
