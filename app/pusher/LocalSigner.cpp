#include "LocalSigner.h"

#include "AuthRequest.h"
#include "LogAuth.h"
#include "SecretBox.h"

#include <QJsonDocument>

namespace natter::pusher {

namespace {

AuthError badRequest(const QString &message)
{
    return AuthError{AuthError::Kind::BadResponse, 0, message};
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

LocalSigner::LocalSigner(QString key, QByteArray secret, QString userId, QJsonObject userInfo,
                         QByteArray encryptionMasterKey)
    : m_signer(std::move(key), std::move(secret))
    , m_userId(std::move(userId))
    , m_userInfo(std::move(userInfo))
    , m_masterKey(std::move(encryptionMasterKey))
{
    qCWarning(lcPusherAuth) << "LocalSigner holds the app secret in the client; use it only with"
                               " a development server";
    if (!m_masterKey.isEmpty() && m_masterKey.size() != SecretBox::KeyBytes)
        qCWarning(lcPusherAuth) << "encryption master key must be" << SecretBox::KeyBytes
                                << "raw bytes, got" << m_masterKey.size();
}

QString LocalSigner::presenceChannelData() const
{
    // QJsonDocument writes keys sorted, so "user_id" precedes "user_info" as servers expect to
    // see them; the order does not matter for the signature as long as we send what we signed.
    QJsonObject data{{QStringLiteral("user_id"), m_userId}};
    if (!m_userInfo.isEmpty())
        data.insert(QStringLiteral("user_info"), m_userInfo);
    return compactJson(data);
}

QString LocalSigner::userData() const
{
    QJsonObject data{{QStringLiteral("id"), m_userId}};
    if (!m_userInfo.isEmpty())
        data.insert(QStringLiteral("user_info"), m_userInfo);
    return compactJson(data);
}

AuthRequest *LocalSigner::authorizeChannel(const QString &socketId, const QString &channelName,
                                           QObject *parent)
{
    auto *request = new AuthRequest(parent);
    if (!Signer::validSocketId(socketId)) {
        request->reject(badRequest(QStringLiteral("invalid socket id")));
        return request;
    }

    AuthResponse response;
    // Same precedence as pusher-js: the encrypted prefix also starts with "private-".
    if (channelName.startsWith(QLatin1String("private-encrypted-"))) {
        if (m_masterKey.isEmpty()) {
            request->reject(badRequest(
                QStringLiteral(
                    "%1 is an encrypted channel but no encryption master key is configured")
                    .arg(channelName)));
            return request;
        }
        if (m_masterKey.size() != SecretBox::KeyBytes) {
            request->reject(badRequest(QStringLiteral("the encryption master key must be %1 bytes")
                                           .arg(SecretBox::KeyBytes)));
            return request;
        }
        response.auth = m_signer.channelAuth(socketId, channelName);
        response.sharedSecret = Signer::sharedSecret(channelName, m_masterKey);
    } else if (channelName.startsWith(QLatin1String("private-"))) {
        response.auth = m_signer.channelAuth(socketId, channelName);
    } else if (channelName.startsWith(QLatin1String("presence-"))) {
        response.channelData = presenceChannelData();
        response.auth = m_signer.presenceAuth(socketId, channelName, response.channelData);
    } else {
        request->reject(badRequest(QStringLiteral("public channels need no authorization")));
        return request;
    }
    request->resolve(response);
    return request;
}

AuthRequest *LocalSigner::authenticateUser(const QString &socketId, QObject *parent)
{
    auto *request = new AuthRequest(parent);
    if (!Signer::validSocketId(socketId)) {
        request->reject(badRequest(QStringLiteral("invalid socket id")));
        return request;
    }
    AuthResponse response;
    response.userData = userData();
    response.auth = m_signer.userAuth(socketId, response.userData);
    request->resolve(response);
    return request;
}

} // namespace natter::pusher
