#pragma once

#include <QJsonObject>

// One JSON object per line on stdout, flushed, so pipes and scripts see events as they happen.
class JsonLines
{
public:
    static void write(const QJsonObject &object);
    static void error(const QString &message); // one clear line on stderr
};
