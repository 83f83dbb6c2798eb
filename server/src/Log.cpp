#include "Log.h"

// Quiet by default apart from the access log: warnings only. Raise with --log-level or
// QT_LOGGING_RULES. Neither category ever carries a token, signature or the app secret.
Q_LOGGING_CATEGORY(lcServer, "natter.server", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAccess, "natter.server.access", QtInfoMsg)
