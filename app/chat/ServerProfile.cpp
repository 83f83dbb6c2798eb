#include "ServerProfile.h"

#include <pusher/ConnectionOptions.h>

#include <QUrl>

namespace natter::chat {

natter::pusher::ConnectionOptions ServerProfile::connectionOptions() const
{
    natter::pusher::ConnectionOptions o;
    o.key = key;
    if (kind == Kind::Hosted) {
        o.cluster = cluster;
        o.tls = true;
    } else {
        o.host = host;
        o.port = port;
        o.tls = tls;
        o.pathPrefix = pathPrefix;
    }
    o.caBundlePath = caFile;
    return o;
}

QString ServerProfile::validate() const
{
    if (name.trimmed().isEmpty())
        return QObject::tr("Give the profile a name.");
    if (kind == Kind::NatterServer) {
        const QUrl url(serverUrl.trimmed(), QUrl::StrictMode);
        if (serverUrl.trimmed().isEmpty())
            return QObject::tr("Enter the Natter server's address (for example "
                               "https://chat.example.com).");
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return QObject::tr("The Natter server's address must start with https:// or http:// "
                               "and name a host.");
        return {};
    }
    if (key.trimmed().isEmpty())
        return QObject::tr("Enter the app key.");
    if (kind == Kind::Hosted && cluster.trimmed().isEmpty())
        return QObject::tr("Enter the cluster (for example mt1 or eu).");
    if (kind == Kind::SelfHosted && host.trimmed().isEmpty())
        return QObject::tr("Enter the server's host name.");
    if (kind == Kind::SelfHosted && (port <= 0 || port > 65535))
        return QObject::tr("The port must be between 1 and 65535.");
    if (authMode == AuthMode::Endpoint && authEndpoint.trimmed().isEmpty())
        return QObject::tr("Enter the auth endpoint URL, or choose local signing.");
    return {};
}

} // namespace natter::chat
