#include "SameOriginRedirects.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace natter::pusher {

namespace {

int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int fallback = scheme == QLatin1String("https") || scheme == QLatin1String("wss") ? 443
        : scheme == QLatin1String("http") || scheme == QLatin1String("ws")                  ? 80
                                                                                            : -1;
    return url.port(fallback);
}

} // namespace

bool SameOriginRedirects::isSameOrigin(const QUrl &a, const QUrl &b)
{
    if (!a.isValid() || !b.isValid() || a.isRelative() || b.isRelative())
        return false;
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && effectivePort(a) == effectivePort(b);
}

void SameOriginRedirects::prepare(QNetworkRequest &request)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
}

void SameOriginRedirects::guard(QNetworkReply *reply,
                                std::function<void(const QUrl &target)> onRefused)
{
    QObject::connect(reply, &QNetworkReply::redirected, reply,
                     [reply, onRefused = std::move(onRefused)](const QUrl &url) {
                         // Relative to where the last hop went; compared with where we meant to go.
                         const QUrl target = reply->url().resolved(url);
                         if (isSameOrigin(reply->request().url(), target)) {
                             emit reply->redirectAllowed();
                             return;
                         }
                         if (onRefused)
                             onRefused(target);
                         reply->abort();
                     });
}

} // namespace natter::pusher
