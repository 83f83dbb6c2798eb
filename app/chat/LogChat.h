#pragma once

#include <QLoggingCategory>

// "natter.chat": controller, outbox, models. Warnings by default.
Q_DECLARE_LOGGING_CATEGORY(lcChat)
