#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace natter::pusher {

// NaCl secretbox (XSalsa20-Poly1305) as used by private-encrypted- channels. The ciphertext is
// libsodium's "easy" layout (16-byte MAC first), which is exactly what tweetnacl's
// nacl.secretbox, and therefore pusher-http-node, produces.
class SecretBox
{
public:
    static constexpr qsizetype KeyBytes = 32;
    static constexpr qsizetype NonceBytes = 24;
    static constexpr qsizetype MacBytes = 16;

    // nullopt for a wrong key or nonce length, a ciphertext shorter than the MAC, or a MAC
    // mismatch (wrong key or tampered data).
    static std::optional<QByteArray> open(QByteArrayView ciphertext, QByteArrayView nonce,
                                          QByteArrayView key);
    // Empty on a wrong key or nonce length (a programming error, also logged).
    static QByteArray seal(QByteArrayView plaintext, QByteArrayView nonce, QByteArrayView key);

    // Decrypts the `data` string of an encrypted event: {"nonce":"<b64>","ciphertext":"<b64>"}.
    // nullopt on anything malformed: not a JSON object, missing or non-string fields, invalid
    // base64, a nonce that is not 24 bytes, a ciphertext shorter than the MAC, or a MAC failure.
    static std::optional<QByteArray> openEnvelope(QByteArrayView jsonPayload, QByteArrayView key);
    // The publisher side of openEnvelope; without a nonce a fresh random one is used. Nonces must
    // never repeat under one key, so pass one only for reproducible tests.
    static QByteArray sealEnvelope(QByteArrayView plaintext, QByteArrayView key,
                                   QByteArrayView nonce = {});

    static QByteArray randomNonce();
};

} // namespace natter::pusher
