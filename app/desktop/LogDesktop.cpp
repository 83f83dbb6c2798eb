#include "LogDesktop.h"

// Info and up by default: degraded platform services (no keychain, no reachability backend, no
// system bus) are worth one line each. Never logs secrets.
Q_LOGGING_CATEGORY(lcDesktop, "natter.desktop", QtInfoMsg)
