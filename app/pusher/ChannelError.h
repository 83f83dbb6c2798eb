#pragma once

#include <QMetaType>
#include <QString>

namespace natter::pusher {

// Why a channel is not subscribed. Each kind gets its own reaction in a UI.
struct ChannelError
{
    enum class Kind {
        AuthRefused, // the auth endpoint said 401/403
        AuthBadResponse, // the auth endpoint answered something unusable (backend bug)
        AuthUnavailable, // 5xx/timeout/network: being retried
        ServerRejected, // pusher:subscription_error or an invalid-signature error from the server
        InvalidName,
    };
    Kind kind = Kind::ServerRejected;
    int status = 0; // HTTP status for auth errors, the server's code otherwise
    QString message;
};

// Why a client event was not sent (locally) or not accepted (server 4301).
struct ClientEventError
{
    enum class Kind { BadName, NotAllowedOnChannel, TooLarge, RejectedByServer };
    Kind kind;
    QString message;
};

} // namespace natter::pusher

Q_DECLARE_METATYPE(natter::pusher::ChannelError)
Q_DECLARE_METATYPE(natter::pusher::ClientEventError)
