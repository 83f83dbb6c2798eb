#pragma once

#include <QLoggingCategory>

// "natter.ui": the window, its pages and the start-up wiring. Info and up by default.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
