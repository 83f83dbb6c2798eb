#include "JsonLines.h"

#include <QJsonDocument>

#include <cstdio>

void JsonLines::write(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void JsonLines::error(const QString &message)
{
    const QByteArray text = QStringLiteral("natter-cli: %1\n").arg(message).toLocal8Bit();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}
