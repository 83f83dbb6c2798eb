#include "LogUi.h"

Q_LOGGING_CATEGORY(lcUi, "natter.ui", QtInfoMsg)
