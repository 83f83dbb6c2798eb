#pragma once

#include <QString>

namespace natter::devtools {

// One line of the Debug console: a frame in or out, or something that happened around the
// frames (a state change, an authorization). `text` is already masked.
struct FrameEntry
{
    enum class Kind : quint8 {
        In, // a frame from the server
        Out, // a frame we sent
        State, // connection state, reconnect countdown, close
        Auth, // an authorization request or its answer
        Error, // a malformed frame, a server error
    };

    qint64 timeMs = 0; // wall clock, ms since the epoch
    Kind kind = Kind::In;
    QString event;
    QString channel;
    int size = 0; // UTF-8 bytes of the frame as it was on the wire (0 for non-frames)
    QString text;

    static QString kindName(Kind kind); // "in", "out", "state", "auth", "error"
};

} // namespace natter::devtools
