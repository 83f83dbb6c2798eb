#pragma once

#include <QLoggingCategory>

// Product code logs what it drops, as it should; at a million inputs a second that is only noise
// and time, and libFuzzer's own output is what matters.
inline void fuzzQuietLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
}
