#pragma once

#include "AuthResponse.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace natter::pusher {

// How an auth endpoint's answer is read, shared by single and batched requests so both map an
// HTTP status and a JSON body to the same outcome.
class AuthResponseReader
{
public:
    enum class Purpose { Channel, EncryptedChannel, User };

    static Purpose purposeOf(const QString &channelName);

    // The kind of failure an HTTP status other than 200 means: 401/403 and other 4xx Refused;
    // 408, 429 and 5xx Transient; anything else (a stray 204, an unfollowed redirect)
    // BadResponse.
    static AuthError::Kind kindForStatus(int status);

    // pusher-http-node's authorizeChannel / authenticateUser JSON ({auth, channel_data?,
    // shared_secret?, user_data?}). On failure `reason` says what is wrong without quoting
    // anything: the body may hold a signature.
    static std::optional<AuthResponse> read(const QJsonObject &object, Purpose purpose,
                                            QString *reason);

    // The error text of a refusal ({"error": ".."} or {"message": ".."}), simplified and
    // shortened; empty when there is none.
    static QString errorText(const QJsonObject &object);
    static QString shortened(const QString &text);
};

} // namespace natter::pusher
