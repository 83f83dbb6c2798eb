#pragma once

#include <QString>

class QObject;

namespace natter::pusher {

class AuthRequest;

// Asynchronous authorization seam. The default implementation posts to an HTTP endpoint
// (HttpAuthorizer); LocalSigner signs with the app secret for development servers; tests and
// apps can plug in their own (for example one that refreshes a token first).
class Authorizer
{
public:
    virtual ~Authorizer() = default;

    // Authorize a private-, presence- or private-encrypted- channel subscription.
    // The request is parented to `parent`; delete it to cancel.
    virtual AuthRequest *authorizeChannel(const QString &socketId, const QString &channelName,
                                          QObject *parent)
        = 0;

    // Authenticate the user for pusher:signin. The response carries auth and userData.
    virtual AuthRequest *authenticateUser(const QString &socketId, QObject *parent) = 0;
};

} // namespace natter::pusher
