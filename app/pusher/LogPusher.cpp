#include "LogPusher.h"

// Quiet by default: warnings only. Raise with QT_LOGGING_RULES or the apps' --log-level.
Q_LOGGING_CATEGORY(lcPusher, "natter.pusher", QtWarningMsg)
// Raw frames. Off below debug; never includes auth payloads (see Connection::send).
Q_LOGGING_CATEGORY(lcPusherWire, "natter.pusher.wire", QtWarningMsg)
