#pragma once

#include <QUrl>

#include <functional>

class QNetworkReply;
class QNetworkRequest;

namespace natter::pusher {

// Requests that carry credentials (an auth endpoint's bearer token or cookie headers, a REST
// signature) follow redirects within their own origin only. Qt's default policy follows any
// redirect and copies the raw headers along, so a compromised or misconfigured endpoint could
// send our Authorization header to a host of its choosing.
class SameOriginRedirects
{
public:
    // Scheme, host and port (default ports made explicit) all equal.
    static bool isSameOrigin(const QUrl &a, const QUrl &b);

    // Call before sending: makes the manager ask before following any redirect.
    static void prepare(QNetworkRequest &request);

    // Approves redirects to the origin the request was sent to; for any other target calls
    // onRefused(target) and aborts the reply before a byte goes there.
    static void guard(QNetworkReply *reply, std::function<void(const QUrl &target)> onRefused);
};

} // namespace natter::pusher
