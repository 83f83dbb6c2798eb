#pragma once

#include <QString>

namespace natter::devtools {

// One line of the Debug console: a frame in or out, or something that happened around the
// frames (a state change, an authorization). What FrameRecorder hands to FrameLogModel has the
// frame's text as it was (the connection's own string, not copied) and the size Unmeasured: the
// log stores the text as UTF-8 (whose length is the size) and masks it whenever a line leaves
// it, so recording a flood pays for neither. FrameLogModel::at() gives the masked form.
struct FrameEntry
{
    enum class Kind : quint8 {
        In, // a frame from the server
        Out, // a frame we sent
        State, // connection state, reconnect countdown, close
        Auth, // an authorization request or its answer
        Error, // a malformed frame, a server error
        Server, // server-side: a webhook natter-server republished (ServerFeed)
    };

    qint64 timeMs = 0; // wall clock, ms since the epoch
    Kind kind = Kind::In;
    QString event;
    QString channel;
    // UTF-8 bytes of the frame as it was on the wire (0 for non-frames); Unmeasured: the log
    // measures it.
    int size = 0;
    QString text;

    static constexpr int Unmeasured = -1;
    static QString kindName(Kind kind); // "in", "out", "state", "auth", "error", "server"
};

} // namespace natter::devtools
