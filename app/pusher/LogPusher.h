#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPusher)
Q_DECLARE_LOGGING_CATEGORY(lcPusherWire)
