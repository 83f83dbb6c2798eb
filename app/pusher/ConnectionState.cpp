#include "ConnectionState.h"

namespace natter::pusher {

QString toString(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Initialized:
        return QStringLiteral("initialized");
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::Connected:
        return QStringLiteral("connected");
    case ConnectionState::Unavailable:
        return QStringLiteral("unavailable");
    case ConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    case ConnectionState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace natter::pusher
