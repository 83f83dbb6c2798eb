#include "Event.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace natter::pusher {

namespace {
// QJsonDocument only takes objects and arrays at the top level; wrap scalars in an array.
std::optional<QJsonValue> parseJsonText(const QString &text)
{
    QJsonParseError error;
    const QByteArray utf8 = text.toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return QJsonValue(doc.object());
        return QJsonValue(doc.array());
    }
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + utf8 + ']', &error);
    if (error.error == QJsonParseError::NoError && wrapped.array().size() == 1)
        return wrapped.array().at(0);
    return std::nullopt;
}
} // namespace

QJsonValue Event::dataJson() const
{
    switch (dataKind) {
    case DataKind::None:
        return QJsonValue(QJsonValue::Undefined);
    case DataKind::Json:
        return parseJsonText(data).value_or(QJsonValue(data));
    case DataKind::String: {
        const QStringView trimmed = QStringView(data).trimmed();
        if (trimmed.startsWith(u'{') || trimmed.startsWith(u'[') || trimmed.startsWith(u'"'))
            return parseJsonText(data).value_or(QJsonValue(data));
        return QJsonValue(data);
    }
    }
    return {};
}

QJsonObject Event::dataObject() const
{
    return dataJson().toObject();
}

} // namespace natter::pusher
