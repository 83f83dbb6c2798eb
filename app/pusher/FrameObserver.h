#pragma once

#include <QString>

namespace natter::pusher {

struct AuthError;
struct AuthResponse;
struct Event;

// A tap on one connection for diagnostics (the Developer tools): every text frame in and out,
// and the authorization round trips of its channels and user sign-in. Attached only while
// someone looks (Connection::setFrameObserver), so the chat pays one null check per frame
// otherwise. Calls arrive on the connection's thread, inside the frame path: implementations
// must only note what they get (frames are implicitly shared, copying is cheap) and do their
// work later. What is handed over is raw: signatures and secrets are the observer's to mask.
class FrameObserver
{
public:
    virtual ~FrameObserver() = default;

    // `parsed`: the envelope Connection has just read from `text` (valid only during the call),
    // null when the frame is malformed; observers need not parse it again.
    virtual void frameReceived(const QString &text, const Event *parsed) = 0;
    virtual void frameSent(const QString &text) = 0;
    // `channel` is empty for the user sign-in (pusher:signin).
    virtual void authRequested(const QString &channel) { Q_UNUSED(channel) }
    virtual void authSucceeded(const QString &channel, const AuthResponse &response)
    {
        Q_UNUSED(channel)
        Q_UNUSED(response)
    }
    virtual void authFailed(const QString &channel, const AuthError &error)
    {
        Q_UNUSED(channel)
        Q_UNUSED(error)
    }
};

} // namespace natter::pusher
