#include "FrameEntry.h"

namespace natter::devtools {

QString FrameEntry::kindName(Kind kind)
{
    switch (kind) {
    case Kind::In:
        return QStringLiteral("in");
    case Kind::Out:
        return QStringLiteral("out");
    case Kind::State:
        return QStringLiteral("state");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::Error:
        return QStringLiteral("error");
    case Kind::Server:
        return QStringLiteral("server");
    }
    return {};
}

} // namespace natter::devtools
