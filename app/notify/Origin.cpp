#include "Origin.h"

#include <chat/ServerProfile.h>

#include <QUrl>

namespace natter::notify {

QString originOf(const natter::chat::ServerProfile &profile)
{
    if (profile.kind == natter::chat::ServerProfile::Kind::NatterServer) {
        // The backend is who the user trusts here; its Pusher key and host are its business.
        const QUrl url(profile.serverUrl);
        const int port = url.port();
        return port < 0 ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(port);
    }
    if (profile.kind == natter::chat::ServerProfile::Kind::Hosted)
        return QStringLiteral("ws-%1.pusher.com/%2").arg(profile.cluster, profile.key);
    return QStringLiteral("%1:%2/%3").arg(profile.host).arg(profile.port).arg(profile.key);
}

} // namespace natter::notify
