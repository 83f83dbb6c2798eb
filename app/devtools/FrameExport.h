#pragma once

#include "FrameEntry.h"

#include <QByteArray>
#include <QString>

namespace natter::devtools {

// What leaves the Debug console: JSON lines for export and the clipboard, and the pretty form
// of one frame. Entries are masked when they enter the log, so nothing here sees a secret.
class FrameExport
{
public:
    // {"time":"2026-11-30T12:00:01.123Z","direction":"in","event":..,"channel":..,"size":..,
    //  "frame":<the frame as JSON, or as a string when it is not JSON>} and a newline.
    static QByteArray jsonLine(const FrameEntry &entry);
    // The frame indented, with "data" decoded when it holds JSON as a string (Pusher's double
    // encoding); text that is not JSON comes back unchanged.
    static QString prettyJson(const QString &text);
};

} // namespace natter::devtools
