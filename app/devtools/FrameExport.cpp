#include "FrameExport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace natter::devtools {

namespace {

QJsonValue parsed(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(text);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

} // namespace

QByteArray FrameExport::jsonLine(const FrameEntry &entry)
{
    QJsonObject line{
        {QStringLiteral("time"),
         QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("direction"), FrameEntry::kindName(entry.kind)},
    };
    if (!entry.event.isEmpty())
        line.insert(QStringLiteral("event"), entry.event);
    if (!entry.channel.isEmpty())
        line.insert(QStringLiteral("channel"), entry.channel);
    if (entry.kind == FrameEntry::Kind::In || entry.kind == FrameEntry::Kind::Out) {
        line.insert(QStringLiteral("size"), entry.size);
        line.insert(QStringLiteral("frame"), parsed(entry.text));
    } else {
        line.insert(QStringLiteral("text"), entry.text);
    }
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

QString FrameExport::prettyJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return text;
    if (!doc.isObject())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    QJsonObject frame = doc.object();
    const QJsonValue data = frame.value(QLatin1String("data"));
    if (data.isString()) {
        const QJsonDocument inner = QJsonDocument::fromJson(data.toString().toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            frame.insert(QStringLiteral("data"),
                         inner.isObject() ? QJsonValue(inner.object()) : QJsonValue(inner.array()));
    }
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Indented));
}

} // namespace natter::devtools
