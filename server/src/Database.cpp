#include "Database.h"

#include "Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

namespace {

// Schema migrations in order; entry N brings the schema from version N to N+1. Only the id
// column differs between the dialects, so each step is written once with a placeholder.
const char *const kMigrations[] = {
    // 1: sessions, messages, webhook occupancy.
    "CREATE TABLE sessions ("
    " token_hash TEXT PRIMARY KEY,"
    " user_id TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " name_key TEXT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " expires_at BIGINT NOT NULL);"
    "CREATE UNIQUE INDEX sessions_name_key ON sessions(name_key);"
    "CREATE TABLE messages ("
    " id @ID@,"
    " room TEXT NOT NULL,"
    " client_id TEXT NOT NULL,"
    " user_id TEXT NOT NULL,"
    " user_name TEXT NOT NULL,"
    " text TEXT NOT NULL,"
    " sent_at BIGINT NOT NULL,"
    " delivered INTEGER NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX messages_client ON messages(room, client_id);"
    "CREATE INDEX messages_room_id ON messages(room, id);"
    "CREATE INDEX messages_undelivered ON messages(delivered, id);"
    "CREATE TABLE occupied_channels (channel TEXT PRIMARY KEY);"
    "CREATE TABLE channel_members ("
    " channel TEXT NOT NULL,"
    " user_id TEXT NOT NULL,"
    " PRIMARY KEY (channel, user_id));",
    // Replies: the client_id of the message answered (same room); '' when not a reply.
    "ALTER TABLE messages ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';",
    // Full-text search (MessageSearch). SQLite: an FTS5 index over messages.text, kept by
    // triggers, so an edit (UPDATE of text) or a delete (text blanked, or the row removed) is
    // searched as it now is. PostgreSQL: a GIN index over the very expression MessageSearch
    // matches, which PostgreSQL keeps in step with every INSERT, UPDATE and DELETE by itself.
    // Punctuation becomes spaces so that both split words alike ("alice@example.com").
    "@SQLITE@"
    "CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 0');"
    "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
    " INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END;"
    "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
    " INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " END;"
    "CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN"
    " INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END;"
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');"
    "@POSTGRES@"
    "CREATE INDEX messages_text_search ON messages USING GIN"
    " (to_tsvector('simple', regexp_replace(text, '[[:punct:]]+', ' ', 'g')));",
    // Edit and delete by the author (issue 12): when, in ms; NULL while never so.
    "ALTER TABLE messages ADD COLUMN edited_at BIGINT;"
    "ALTER TABLE messages ADD COLUMN deleted_at BIGINT;",
};
constexpr int kSchemaVersion = int(sizeof(kMigrations) / sizeof(kMigrations[0]));

int sConnectionCounter = 0;

// The part of a migration step for one dialect: after "@SQLITE@" or "@POSTGRES@" only that
// dialect's statements follow, up to the next marker ("@ALL@": both again).
QString forDialect(const QString &script, Database::Dialect dialect)
{
    static const QString markers[] = {QStringLiteral("@SQLITE@"), QStringLiteral("@POSTGRES@"),
                                      QStringLiteral("@ALL@")};
    QString out;
    bool keep = true;
    qsizetype at = 0;
    while (at < script.size()) {
        qsizetype next = script.size();
        int which = -1;
        for (int i = 0; i < 3; ++i) {
            const qsizetype found = script.indexOf(markers[i], at);
            if (found >= 0 && found < next) {
                next = found;
                which = i;
            }
        }
        if (keep)
            out += QStringView(script).mid(at, next - at);
        if (which < 0)
            break;
        keep = which == 2 || (which == 0) == (dialect == Database::Dialect::Sqlite);
        at = next + markers[which].size();
    }
    return out;
}

// Statements end at ';', except those inside a CREATE TRIGGER ... END.
QStringList statementsOf(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &part : script.split(QLatin1Char(';'))) {
        current += part;
        const QString trimmed = current.trimmed();
        if (trimmed.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive)
            && !trimmed.endsWith(QLatin1String("END"), Qt::CaseInsensitive)) {
            current += QLatin1Char(';');
            continue;
        }
        if (!trimmed.isEmpty())
            statements << trimmed;
        current.clear();
    }
    return statements;
}

} // namespace

Database::Database(Dialect dialect, QString connectionName)
    : m_dialect(dialect)
    , m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::exec(QSqlQuery &query)
{
    m_delayProbe.pause();
    if (query.exec())
        return true;
    qCWarning(lcServer) << "SQL failed:" << query.lastError().text();
    if (m_dialect == Dialect::Postgres)
        ping(); // reconnects if the connection is what failed
    return false;
}

bool Database::reconnect()
{
    QSqlDatabase db = handle();
    db.close();
    if (db.open())
        return true;
    qCWarning(lcServer) << "database unavailable:" << db.lastError().text().simplified();
    return false;
}

std::unique_ptr<Database> Database::open(const QString &url, QString *error)
{
    const QString name = QStringLiteral("natter-server-%1").arg(++sConnectionCounter);
    std::unique_ptr<Database> db;
    if (url.startsWith(QLatin1String("sqlite://"))) {
        const QString path = url.mid(int(qstrlen("sqlite://")));
        if (!QDir::isAbsolutePath(path)) {
            *error = QStringLiteral(
                "the SQLite URL needs an absolute path: sqlite:///ABSOLUTE/PATH");
            return nullptr;
        }
        db.reset(new Database(Dialect::Sqlite, name));
        if (!db->openSqlite(path, error))
            return nullptr;
    } else if (url.startsWith(QLatin1String("postgresql://"))
               || url.startsWith(QLatin1String("postgres://"))) {
        db.reset(new Database(Dialect::Postgres, name));
        if (!db->openPostgres(url, error))
            return nullptr;
    } else {
        *error = QStringLiteral(
            "unsupported database URL (use sqlite:///PATH or postgresql://USER@HOST/DB)");
        return nullptr;
    }
    if (!db->migrate(error))
        return nullptr;
    return db;
}

bool Database::openSqlite(const QString &path, QString *error)
{
    const QFileInfo info(path);
    QDir dir = info.dir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath())) {
            *error = QStringLiteral("cannot create %1").arg(dir.absolutePath());
            return false;
        }
        QFile::setPermissions(dir.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    if (!info.exists()) {
        // Created empty with 0600 first so SQLite never makes it world-readable; SQLite gives the
        // -wal and -shm files the same mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
            return false;
        }
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error
            = QStringLiteral("cannot open SQLite database %1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return true;
}

bool Database::openPostgres(const QString &urlText, QString *error)
{
    const QUrl url(urlText, QUrl::StrictMode);
    const QString dbName = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || dbName.isEmpty()) {
        *error = QStringLiteral("the PostgreSQL URL must look like postgresql://USER@HOST:PORT/DB");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(dbName);
    db.setUserName(url.userName());
    db.setPassword(url.password());
    // The URL's query (sslmode=require, ...) goes to libpq as connect options.
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        options << item.first + QLatin1Char('=') + item.second;
    if (!options.isEmpty())
        db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        *error = QStringLiteral("cannot connect to PostgreSQL at %1:%2/%3: %4")
                     .arg(url.host())
                     .arg(url.port(5432))
                     .arg(dbName, db.lastError().text().simplified());
        return false;
    }
    return true;
}

bool Database::migrate(QString *error)
{
    QSqlDatabase db = handle();
    QSqlQuery q(db);
    auto failed = [&](const QString &what) {
        *error
            = QStringLiteral("database migration failed (%1): %2").arg(what, q.lastError().text());
        db.rollback();
        return false;
    };
    // Two instances starting together on one PostgreSQL must not migrate twice: the advisory lock
    // (PostgreSQL) or the immediate write lock (SQLite) serializes them.
    if (m_dialect == Dialect::Sqlite) {
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return failed(QStringLiteral("begin"));
    } else {
        if (!db.transaction())
            return failed(QStringLiteral("begin"));
        if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(726174746572)")))
            return failed(QStringLiteral("lock"));
    }
    if (!q.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return failed(QStringLiteral("schema_version"));
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
        return failed(QStringLiteral("read version"));
    int version = 0;
    bool hasRow = false;
    if (q.next()) {
        version = q.value(0).toInt();
        hasRow = true;
    }
    if (version > kSchemaVersion) {
        *error = QStringLiteral(
                     "the database has schema version %1, newer than this natter-server (%2)")
                     .arg(version)
                     .arg(kSchemaVersion);
        db.rollback();
        return false;
    }
    const QString idColumn = m_dialect == Dialect::Sqlite
        ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
        : QStringLiteral("BIGSERIAL PRIMARY KEY");
    for (int step = version; step < kSchemaVersion; ++step) {
        QString script = QString::fromLatin1(kMigrations[step]);
        script.replace(QLatin1String("@ID@"), idColumn);
        for (const QString &statement : statementsOf(forDialect(script, m_dialect))) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!q.exec(statement))
                return failed(QStringLiteral("step %1").arg(step + 1));
        }
    }
    if (version != kSchemaVersion) {
        q.prepare(hasRow ? QStringLiteral("UPDATE schema_version SET version = ?")
                         : QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        q.addBindValue(kSchemaVersion);
        if (!q.exec())
            return failed(QStringLiteral("write version"));
    }
    if (m_dialect == Dialect::Sqlite) {
        if (!q.exec(QStringLiteral("COMMIT")))
            return failed(QStringLiteral("commit"));
    } else if (!db.commit()) {
        *error = QStringLiteral("database migration failed (commit): %1").arg(db.lastError().text());
        return false;
    }
    m_version = kSchemaVersion;
    return true;
}

bool Database::ping()
{
    {
        QSqlQuery q(handle());
        if (q.exec(QStringLiteral("SELECT 1")) && q.next())
            return true;
    }
    // A restarted PostgreSQL drops the connection and QPSQL does not reconnect by itself.
    if (!reconnect())
        return false;
    QSqlQuery q(handle());
    return q.exec(QStringLiteral("SELECT 1")) && q.next();
}
