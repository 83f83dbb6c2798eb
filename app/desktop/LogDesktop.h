#pragma once

#include <QLoggingCategory>

// Keychain, reachability, sleep/resume, single instance.
Q_DECLARE_LOGGING_CATEGORY(lcDesktop)
