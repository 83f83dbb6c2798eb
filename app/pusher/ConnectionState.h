#pragma once

#include <QMetaType>
#include <QString>

namespace natter::pusher {

// The pusher-js states. "failed" here means a permanent refusal (close codes 4001-4099) that
// needs a configuration change; network trouble never leads to it.
enum class ConnectionState {
    Initialized,
    Connecting,
    Connected,
    Unavailable,
    Disconnected,
    Failed
};

QString toString(ConnectionState state);

} // namespace natter::pusher

Q_DECLARE_METATYPE(natter::pusher::ConnectionState)
