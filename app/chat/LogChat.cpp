#include "LogChat.h"

Q_LOGGING_CATEGORY(lcChat, "natter.chat", QtWarningMsg)
