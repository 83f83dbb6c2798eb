#include "Signer.h"

#include "LogAuth.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace natter::pusher {

namespace {

bool isReservedRestParam(const QString &lowerKey)
{
    return lowerKey == QLatin1String("auth_key") || lowerKey == QLatin1String("auth_timestamp")
        || lowerKey == QLatin1String("auth_version") || lowerKey == QLatin1String("auth_signature")
        || lowerKey == QLatin1String("body_md5");
}

} // namespace

Signer::Signer(QString key, QByteArray secret)
    : m_key(std::move(key))
    , m_secret(std::move(secret))
{
}

QByteArray Signer::hmacHex(QByteArrayView message) const
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), m_secret,
                                            QCryptographicHash::Sha256)
        .toHex();
}

QString Signer::channelAuth(const QString &socketId, const QString &channelName) const
{
    const QString toSign = socketId + QLatin1Char(':') + channelName;
    return m_key + QLatin1Char(':') + QString::fromLatin1(hmacHex(toSign.toUtf8()));
}

QString Signer::presenceAuth(const QString &socketId, const QString &channelName,
                             const QString &channelData) const
{
    const QString toSign = socketId + QLatin1Char(':') + channelName + QLatin1Char(':')
        + channelData;
    return m_key + QLatin1Char(':') + QString::fromLatin1(hmacHex(toSign.toUtf8()));
}

QString Signer::userAuth(const QString &socketId, const QString &userData) const
{
    const QString toSign = socketId + QLatin1String("::user::") + userData;
    return m_key + QLatin1Char(':') + QString::fromLatin1(hmacHex(toSign.toUtf8()));
}

Signer::QueryParams Signer::signedParams(const QueryParams &params, const QByteArray &body,
                                         qint64 timestamp) const
{
    QueryParams all;
    all.reserve(params.size() + 4);
    all.append({QStringLiteral("auth_key"), m_key});
    all.append({QStringLiteral("auth_timestamp"), QString::number(timestamp)});
    all.append({QStringLiteral("auth_version"), QStringLiteral("1.0")});
    if (!body.isEmpty())
        all.append({QStringLiteral("body_md5"), QString::fromLatin1(bodyMd5Hex(body))});
    for (const auto &[key, value] : params) {
        const QString lower = key.toLower();
        if (isReservedRestParam(lower)) {
            qCWarning(lcPusherAuth) << "ignoring reserved REST query parameter" << lower;
            continue;
        }
        all.append({lower, value});
    }
    // Servers rebuild the string from the parsed query in key order; a stable sort keeps repeated
    // keys in the caller's order, which is all we can promise for them.
    std::stable_sort(all.begin(), all.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    return all;
}

QString Signer::restStringToSign(const QString &method, const QString &path,
                                 const QueryParams &params, const QByteArray &body,
                                 qint64 timestamp) const
{
    QString query;
    for (const auto &[key, value] : signedParams(params, body, timestamp)) {
        if (!query.isEmpty())
            query += QLatin1Char('&');
        query += key + QLatin1Char('=') + value;
    }
    return method.toUpper() + QLatin1Char('\n') + path + QLatin1Char('\n') + query;
}

QString Signer::restSignature(const QString &method, const QString &path, const QueryParams &params,
                              const QByteArray &body, qint64 timestamp) const
{
    return QString::fromLatin1(
        hmacHex(restStringToSign(method, path, params, body, timestamp).toUtf8()));
}

QString Signer::restQuery(const QString &method, const QString &path, const QueryParams &params,
                          const QByteArray &body, qint64 timestamp) const
{
    QByteArray query;
    for (const auto &[key, value] : signedParams(params, body, timestamp)) {
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value) + '&';
    }
    query += "auth_signature=" + restSignature(method, path, params, body, timestamp).toLatin1();
    return QString::fromLatin1(query);
}

QString Signer::webhookSignature(QByteArrayView body) const
{
    return QString::fromLatin1(hmacHex(body));
}

bool Signer::verifyWebhook(QByteArrayView body, QByteArrayView signatureHex) const
{
    const QByteArray expected = hmacHex(body);
    // Hex case is not secret, so normalising it first leaks nothing.
    const QByteArray given = signatureHex.toByteArray().toLower();
    // Only the length can differ without looking at the secret-derived bytes.
    if (given.size() != expected.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ given[i]);
    return diff == 0;
}

QByteArray Signer::sharedSecret(const QString &channelName, QByteArrayView masterKey)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(channelName.toUtf8());
    hash.addData(masterKey);
    return hash.result();
}

bool Signer::validSocketId(const QString &socketId)
{
    // Spelled out instead of \d, which in QRegularExpression also accepts non-ASCII digits.
    const qsizetype dot = socketId.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == socketId.size() - 1)
        return false;
    for (qsizetype i = 0; i < socketId.size(); ++i) {
        const QChar c = socketId.at(i);
        if (i == dot)
            continue;
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QByteArray Signer::bodyMd5Hex(QByteArrayView body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex();
}

} // namespace natter::pusher
