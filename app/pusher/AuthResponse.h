#pragma once

#include <QByteArray>
#include <QString>

namespace natter::pusher {

// What an auth endpoint (or a local signer) answers. Field names follow pusher-http-node's
// authorizeChannel / authenticateUser responses.
struct AuthResponse
{
    QString auth; // "<key>:<hex signature>"
    QString channelData; // presence only: the exact JSON string that was signed
    QByteArray sharedSecret; // private-encrypted only: the 32 raw key bytes (decoded from base64)
    QString userData; // user sign-in only: the exact JSON string that was signed
};

struct AuthError
{
    enum class Kind {
        Refused, // 401/403: the server said no; retrying will not help
        Transient, // 5xx, timeout, network error: retry with backoff
        BadResponse, // 200 with a body we cannot use: a backend bug, not retried
    };
    Kind kind = Kind::Transient;
    int httpStatus = 0; // 0 when there was no HTTP answer
    QString message;
};

} // namespace natter::pusher
