#include "AuthResponseReader.h"

#include "SecretBox.h"

#include <QJsonValue>

namespace natter::pusher {

namespace {

constexpr qsizetype MaxServerMessage = 200;

} // namespace

AuthResponseReader::Purpose AuthResponseReader::purposeOf(const QString &channelName)
{
    return channelName.startsWith(QLatin1String("private-encrypted-")) ? Purpose::EncryptedChannel
                                                                       : Purpose::Channel;
}

AuthError::Kind AuthResponseReader::kindForStatus(int status)
{
    if (status == 408 || status == 429 || status >= 500)
        return AuthError::Kind::Transient;
    if (status >= 400)
        return AuthError::Kind::Refused;
    return AuthError::Kind::BadResponse;
}

std::optional<AuthResponse> AuthResponseReader::read(const QJsonObject &object, Purpose purpose,
                                                     QString *reason)
{
    const auto fail = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return std::optional<AuthResponse>{};
    };

    const QJsonValue auth = object.value(QLatin1String("auth"));
    if (!auth.isString() || auth.toString().isEmpty())
        return fail(QStringLiteral("no string \"auth\" member"));

    AuthResponse response;
    response.auth = auth.toString();

    const QJsonValue channelData = object.value(QLatin1String("channel_data"));
    if (!channelData.isUndefined() && !channelData.isNull()) {
        // An object here means the backend forgot to JSON-encode it; the server could not
        // verify the signature of whatever we would re-serialise.
        if (!channelData.isString())
            return fail(QStringLiteral("\"channel_data\" is not a string"));
        response.channelData = channelData.toString();
    }

    if (purpose == Purpose::EncryptedChannel) {
        const QJsonValue sharedSecret = object.value(QLatin1String("shared_secret"));
        const auto decoded = sharedSecret.isString()
            ? QByteArray::fromBase64Encoding(sharedSecret.toString().toLatin1(),
                                             QByteArray::AbortOnBase64DecodingErrors)
            : QByteArray::FromBase64Result{};
        if (!sharedSecret.isString() || !decoded || decoded.decoded.size() != SecretBox::KeyBytes) {
            return fail(QStringLiteral("encrypted channel without a valid \"shared_secret\" "
                                       "(base64 of %1 bytes)")
                            .arg(SecretBox::KeyBytes));
        }
        response.sharedSecret = *decoded;
    }

    if (purpose == Purpose::User) {
        const QJsonValue userData = object.value(QLatin1String("user_data"));
        if (!userData.isString() || userData.toString().isEmpty())
            return fail(QStringLiteral("no string \"user_data\" member"));
        response.userData = userData.toString();
    }
    return response;
}

QString AuthResponseReader::errorText(const QJsonObject &object)
{
    for (const auto name : {QLatin1String("error"), QLatin1String("message")}) {
        if (object.value(name).isString())
            return shortened(object.value(name).toString());
    }
    return {};
}

QString AuthResponseReader::shortened(const QString &text)
{
    QString message = text.simplified();
    if (message.size() > MaxServerMessage)
        message = message.left(MaxServerMessage) + QStringLiteral("...");
    return message;
}

} // namespace natter::pusher
