#include "ConnectionOptions.h"

#include <QUrlQuery>

namespace natter::pusher {

QUrl ConnectionOptions::url() const
{
    QUrl url;
    url.setScheme(tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(host.isEmpty() ? QStringLiteral("ws-%1.pusher.com").arg(cluster) : host);
    url.setPort(port > 0 ? port : (tls ? 443 : 80));
    QString prefix = pathPrefix;
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    if (!prefix.isEmpty() && !prefix.startsWith(u'/'))
        prefix.prepend(u'/');
    url.setPath(prefix + QStringLiteral("/app/") + key);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("protocol"), QStringLiteral("7"));
    query.addQueryItem(QStringLiteral("client"), QStringLiteral("natter"));
    query.addQueryItem(QStringLiteral("version"), QStringLiteral(NATTER_VERSION));
    url.setQuery(query);
    return url;
}

QString ConnectionOptions::validate() const
{
    if (key.isEmpty())
        return QStringLiteral("an app key is required");
    if (host.isEmpty() && cluster.isEmpty())
        return QStringLiteral(
            "either a cluster (hosted Pusher) or a host (self-hosted server) is required");
    if (port < 0 || port > 65535)
        return QStringLiteral("port %1 is out of range").arg(port);
    return {};
}

} // namespace natter::pusher
