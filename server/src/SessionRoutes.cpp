#include "SessionRoutes.h"

#include "ServerConfig.h"
#include "ServerContext.h"
#include "SessionStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace {

QJsonObject userJson(const Session &s)
{
    return {{QStringLiteral("id"), s.userId}, {QStringLiteral("name"), s.name}};
}

// Compares through HMACs of both sides so the time taken says nothing about the password.
bool samePassword(const QString &given, const QString &expected)
{
    const QByteArray key = QByteArrayLiteral("natter-join-password");
    const QByteArray a = QMessageAuthenticationCode::hash(given.toUtf8(), key,
                                                          QCryptographicHash::Sha256);
    const QByteArray b = QMessageAuthenticationCode::hash(expected.toUtf8(), key,
                                                          QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (int i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

SessionRoutes::SessionRoutes(const ServerContext &context)
    : m_context(context)
{
}

bool SessionRoutes::validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    return re.match(name).hasMatch();
}

void SessionRoutes::login(const ExchangePtr &exchange)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->body(), &parseError);
    if (!doc.isObject()) {
        exchange->sendError(
            400, QStringLiteral("bad_request"),
            QStringLiteral("The body must be a JSON object like {\"name\": \"bob\"}."));
        return;
    }
    const QJsonObject body = doc.object();
    const QString name = body.value(QStringLiteral("name")).toString().trimmed();
    if (!validName(name)) {
        exchange->sendError(400, QStringLiteral("bad_name"),
                            QStringLiteral("A name is 1 to 32 letters, digits, '_' or '-'."));
        return;
    }
    const QString &password = m_context.config.joinPassword;
    if (!password.isEmpty()
        && !samePassword(body.value(QStringLiteral("password")).toString(), password)) {
        exchange->sendError(401, QStringLiteral("bad_password"),
                            QStringLiteral("This server needs the right join password."));
        return;
    }
    struct Created
    {
        SessionStore::Result result = SessionStore::Result::Error;
        Session session;
        QString token;
    };
    const qint64 ttl = m_context.config.sessionTtlSeconds;
    m_context.query<Created>(
        [name, ttl](Stores &stores) {
            Created created;
            created.result = stores.sessions.create(name, ttl, &created.session, &created.token);
            return created;
        },
        [this, exchange, name](Created created) {
            switch (created.result) {
            case SessionStore::Result::Error:
                m_context.databaseUnavailable(*exchange);
                return;
            case SessionStore::Result::NameTaken:
                exchange->sendError(
                    409, QStringLiteral("name_taken"),
                    QStringLiteral("Someone with the name %1 is logged in; pick another name.")
                        .arg(name));
                return;
            case SessionStore::Result::Ok:
                break;
            }
            exchange->sendJson(201,
                               {{QStringLiteral("token"), created.token},
                                {QStringLiteral("user"), userJson(created.session)},
                                {QStringLiteral("expires_at"), created.session.expiresAtText()}});
        });
}

void SessionRoutes::current(const ExchangePtr &exchange)
{
    m_context.authenticate(exchange, [exchange](const Session &session) {
        exchange->sendJson(200,
                           {{QStringLiteral("user"), userJson(session)},
                            {QStringLiteral("expires_at"), session.expiresAtText()}});
    });
}

void SessionRoutes::logout(const ExchangePtr &exchange)
{
    m_context.authenticate(exchange, [this, exchange](const Session &session) {
        const QByteArray tokenHash = session.tokenHash;
        m_context.query<bool>(
            [tokenHash](Stores &stores) { return stores.sessions.remove(tokenHash); },
            [this, exchange](bool removed) {
                if (!removed) {
                    m_context.databaseUnavailable(*exchange);
                    return;
                }
                exchange->sendEmpty(204);
            });
    });
}
