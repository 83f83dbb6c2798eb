#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace natter::pusher {

// HMAC-SHA256 signatures of the Pusher Channels protocol (auth-signatures and REST API docs).
// Every signature is lowercase hex; every input is hashed as UTF-8.
//
// Holding a Signer means holding the app secret: it belongs on a server (the backend, the CLI,
// tests, or LocalSigner against your own development server), never in a shipped client.
class Signer
{
public:
    using QueryParams = QList<QPair<QString, QString>>;

    Signer(QString key, QByteArray secret);

    const QString &key() const { return m_key; }

    // "<key>:<hex>" over "<socket_id>:<channel_name>" (private- and private-encrypted-).
    QString channelAuth(const QString &socketId, const QString &channelName) const;
    // "<key>:<hex>" over "<socket_id>:<channel_name>:<channel_data>"; channelData must be the exact
    // string that is sent, since the server re-hashes those bytes.
    QString presenceAuth(const QString &socketId, const QString &channelName,
                         const QString &channelData) const;
    // "<key>:<hex>" over "<socket_id>::user::<user_data>" (pusher:signin).
    QString userAuth(const QString &socketId, const QString &userData) const;

    // REST API request signing. `params` are the request's own query parameters (for example
    // filter_by_prefix, info); auth_* and body_md5 are added here and any caller-supplied values
    // for them are ignored. `body` is the exact request body (empty for GET).
    //
    // The string to sign is "METHOD\nPATH\nk=v&k=v" with lower-cased keys sorted and values NOT
    // URL-escaped; restQuery returns the query to send (same order, values percent-encoded,
    // auth_signature last), without a leading '?'.
    QString restQuery(const QString &method, const QString &path, const QueryParams &params,
                      const QByteArray &body, qint64 timestamp) const;
    QString restSignature(const QString &method, const QString &path, const QueryParams &params,
                          const QByteArray &body, qint64 timestamp) const;
    QString restStringToSign(const QString &method, const QString &path, const QueryParams &params,
                             const QByteArray &body, qint64 timestamp) const;

    // X-Pusher-Signature of a webhook: hex HMAC of the raw body.
    QString webhookSignature(QByteArrayView body) const;
    // Constant-time so a forger cannot learn the signature byte by byte from response times.
    bool verifyWebhook(QByteArrayView body, QByteArrayView signatureHex) const;

    // Per-channel key of a private-encrypted- channel: the raw 32 bytes of
    // SHA256(utf8(channelName) || masterKey). Base64 it for the auth endpoint's shared_secret.
    static QByteArray sharedSecret(const QString &channelName, QByteArrayView masterKey);

    // Socket ids are "<digits>.<digits>"; anything else would let a caller smuggle ':' into the
    // string to sign and forge a signature for another channel.
    static bool validSocketId(const QString &socketId);

    static QByteArray bodyMd5Hex(QByteArrayView body);

private:
    QByteArray hmacHex(QByteArrayView message) const;
    QueryParams signedParams(const QueryParams &params, const QByteArray &body,
                             qint64 timestamp) const;

    QString m_key;
    QByteArray m_secret;
};

} // namespace natter::pusher
