#pragma once

#include <QLoggingCategory>

namespace natter::pusher {

// Signing, secretbox, authorizers and the REST client. Signatures, secrets and tokens are never
// written to this category, at any level.
Q_DECLARE_LOGGING_CATEGORY(lcPusherAuth)

} // namespace natter::pusher
