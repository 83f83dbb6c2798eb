#include "SecretBox.h"

#include "LogAuth.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <sodium.h>

namespace natter::pusher {

static_assert(SecretBox::KeyBytes == crypto_secretbox_KEYBYTES);
static_assert(SecretBox::NonceBytes == crypto_secretbox_NONCEBYTES);
static_assert(SecretBox::MacBytes == crypto_secretbox_MACBYTES);

namespace {

bool ensureSodium()
{
    // A function-local static makes the first call thread-safe without a global constructor.
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        qCCritical(lcPusherAuth) << "libsodium failed to initialise";
    return ready;
}

const auto *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

std::optional<QByteArray> decodeBase64Field(const QJsonObject &object, QLatin1String name)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

} // namespace

std::optional<QByteArray> SecretBox::open(QByteArrayView ciphertext, QByteArrayView nonce,
                                          QByteArrayView key)
{
    if (!ensureSodium() || key.size() != KeyBytes || nonce.size() != NonceBytes
        || ciphertext.size() < MacBytes)
        return std::nullopt;
    QByteArray plaintext(ciphertext.size() - MacBytes, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plaintext.data()),
                                   bytes(ciphertext), ciphertext.size(), bytes(nonce), bytes(key))
        != 0)
        return std::nullopt;
    return plaintext;
}

QByteArray SecretBox::seal(QByteArrayView plaintext, QByteArrayView nonce, QByteArrayView key)
{
    if (!ensureSodium())
        return {};
    if (key.size() != KeyBytes || nonce.size() != NonceBytes) {
        qCWarning(lcPusherAuth) << "secretbox seal: key must be" << KeyBytes << "bytes and nonce"
                                << NonceBytes << "bytes";
        return {};
    }
    QByteArray ciphertext(plaintext.size() + MacBytes, Qt::Uninitialized);
    crypto_secretbox_easy(reinterpret_cast<unsigned char *>(ciphertext.data()), bytes(plaintext),
                          plaintext.size(), bytes(nonce), bytes(key));
    return ciphertext;
}

std::optional<QByteArray> SecretBox::openEnvelope(QByteArrayView jsonPayload, QByteArrayView key)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(jsonPayload.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const auto nonce = decodeBase64Field(object, QLatin1String("nonce"));
    const auto ciphertext = decodeBase64Field(object, QLatin1String("ciphertext"));
    if (!nonce || !ciphertext)
        return std::nullopt;
    return open(*ciphertext, *nonce, key);
}

QByteArray SecretBox::sealEnvelope(QByteArrayView plaintext, QByteArrayView key,
                                   QByteArrayView nonce)
{
    const QByteArray usedNonce = nonce.isEmpty() ? randomNonce() : nonce.toByteArray();
    const QByteArray ciphertext = seal(plaintext, usedNonce, key);
    if (ciphertext.isEmpty())
        return {};
    const QJsonObject envelope{
        {QStringLiteral("nonce"), QString::fromLatin1(usedNonce.toBase64())},
        {QStringLiteral("ciphertext"), QString::fromLatin1(ciphertext.toBase64())},
    };
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

QByteArray SecretBox::randomNonce()
{
    if (!ensureSodium())
        return {};
    QByteArray nonce(NonceBytes, Qt::Uninitialized);
    randombytes_buf(nonce.data(), nonce.size());
    return nonce;
}

} // namespace natter::pusher
