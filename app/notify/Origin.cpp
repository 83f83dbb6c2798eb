#include "Origin.h"

#include <chat/ServerProfile.h>

namespace natter::notify {

QString originOf(const natter::chat::ServerProfile &profile)
{
    if (profile.kind == natter::chat::ServerProfile::Kind::Hosted)
        return QStringLiteral("ws-%1.pusher.com/%2").arg(profile.cluster, profile.key);
    return QStringLiteral("%1:%2/%3").arg(profile.host).arg(profile.port).arg(profile.key);
}

} // namespace natter::notify
