#pragma once

#include "AuthResponse.h"

#include <QObject>

namespace natter::pusher {

// One authorization in flight. Deleting it cancels it: no signal is emitted afterwards.
// Exactly one of succeeded/failed is emitted, always asynchronously (never from inside the
// call that created the request), so callers can connect after creating it.
class AuthRequest : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Emit the outcome on the next event-loop turn; later calls are ignored.
    void resolve(const AuthResponse &response);
    void reject(const AuthError &error);

signals:
    void succeeded(const natter::pusher::AuthResponse &response);
    void failed(const natter::pusher::AuthError &error);

private:
    bool m_done = false;
};

} // namespace natter::pusher
