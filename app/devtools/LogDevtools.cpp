#include "LogDevtools.h"

Q_LOGGING_CATEGORY(lcDevtools, "natter.devtools", QtWarningMsg)
