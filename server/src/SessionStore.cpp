#include "SessionStore.h"

#include "Database.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

QString Session::expiresAtText() const
{
    return QDateTime::fromMSecsSinceEpoch(expiresAtMs, Qt::UTC).toString(Qt::ISODate);
}

SessionStore::SessionStore(Database &db)
    : m_db(db)
{
}

QByteArray SessionStore::hashToken(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

SessionStore::Result SessionStore::create(const QString &name, qint64 ttlSeconds, Session *session,
                                          QString *token)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    *token = QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QByteArray id(8, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(id.data()), id.size() / 4);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    session->tokenHash = hashToken(*token);
    session->userId = QStringLiteral("u_") + QString::fromLatin1(id.toHex());
    session->name = name;
    session->expiresAtMs = now + ttlSeconds * 1000;

    QSqlDatabase db = m_db.handle();
    QSqlQuery q(db);
    // An expired session no longer holds its name.
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE name_key = ? AND expires_at <= ?"));
    q.addBindValue(nameKey(name));
    q.addBindValue(now);
    if (!m_db.exec(q))
        return Result::Error;
    q.prepare(
        QStringLiteral("INSERT INTO sessions (token_hash, user_id, name, name_key, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING"));
    q.addBindValue(QString::fromLatin1(session->tokenHash));
    q.addBindValue(session->userId);
    q.addBindValue(name);
    q.addBindValue(nameKey(name));
    q.addBindValue(now);
    q.addBindValue(session->expiresAtMs);
    if (!m_db.exec(q))
        return Result::Error;
    return q.numRowsAffected() == 1 ? Result::Ok : Result::NameTaken;
}

std::optional<Session> SessionStore::find(const QString &token, bool *error)
{
    *error = false;
    if (token.isEmpty() || token.size() > 200)
        return std::nullopt;
    const QByteArray hash = hashToken(token);
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "SELECT user_id, name, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?"));
    q.addBindValue(QString::fromLatin1(hash));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!m_db.exec(q)) {
        *error = true;
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Session s;
    s.tokenHash = hash;
    s.userId = q.value(0).toString();
    s.name = q.value(1).toString();
    s.expiresAtMs = q.value(2).toLongLong();
    return s;
}

bool SessionStore::remove(const QByteArray &tokenHash)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    q.addBindValue(QString::fromLatin1(tokenHash));
    return m_db.exec(q);
}
