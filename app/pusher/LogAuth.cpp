#include "LogAuth.h"

namespace natter::pusher {

Q_LOGGING_CATEGORY(lcPusherAuth, "natter.pusher.auth", QtWarningMsg)

} // namespace natter::pusher
