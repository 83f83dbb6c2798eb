#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

class Database;

struct Session
{
    QByteArray tokenHash; // SHA-256 of the token, hex; the token itself is never stored
    QString userId;
    QString name;
    qint64 expiresAtMs = 0;

    QString expiresAtText() const;
};

// Logged-in users. A name belongs to at most one unexpired session, case-insensitively; the
// unique index on name_key makes that hold across several instances sharing one database.
class SessionStore
{
public:
    enum class Result { Ok, NameTaken, Error };

    explicit SessionStore(Database &db);

    // A new session for `name` with a fresh token (returned in *token) and user id.
    Result create(const QString &name, qint64 ttlSeconds, Session *session, QString *token);
    // The live session of `token`; nullopt if unknown or expired, *error set on database failure.
    std::optional<Session> find(const QString &token, bool *error);
    bool remove(const QByteArray &tokenHash);

    static QByteArray hashToken(const QString &token);
    static QString nameKey(const QString &name) { return name.toCaseFolded(); }

private:
    Database &m_db;
};
