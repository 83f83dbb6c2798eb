#include "Event.h"

#include "JsonStringToken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace natter::pusher {

namespace {
// QJsonDocument only takes objects and arrays at the top level; wrap scalars in an array.
std::optional<QJsonValue> parseJsonText(const QByteArray &utf8)
{
    QJsonParseError error;
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

bool looksLikeJson(QByteArrayView text)
{
    text = text.trimmed();
    return text.startsWith('{') || text.startsWith('[') || text.startsWith('"');
}

bool looksLikeJson(QStringView text)
{
    text = text.trimmed();
    return text.startsWith(u'{') || text.startsWith(u'[') || text.startsWith(u'"');
}
} // namespace

QJsonValue Event::dataJson() const
{
    if (dataEscaped) {
        Event unescaped = *this;
        unescaped.dataUtf8 = json::unescapeStringToken(dataUtf8).value_or(QByteArray());
        unescaped.dataEscaped = false;
        if (unescaped.dataUtf8.isEmpty()) // malformed (FrameParser did not unescape it)
            return QJsonValue(QJsonValue::Undefined);
        return unescaped.dataJson();
    }
    const bool utf8 = data.isEmpty() && !dataUtf8.isEmpty(); // a pusher_internal: event
    const auto asString = [&] {
        return utf8 ? QJsonValue(QString::fromUtf8(dataUtf8)) : QJsonValue(data);
    };
    switch (dataKind) {
    case DataKind::None:
        return QJsonValue(QJsonValue::Undefined);
    case DataKind::Json:
        return parseJsonText(utf8 ? dataUtf8 : data.toUtf8()).value_or(asString());
    case DataKind::String: {
        const bool json = utf8 ? looksLikeJson(dataUtf8) : looksLikeJson(QStringView(data));
        if (json)
            return parseJsonText(utf8 ? dataUtf8 : data.toUtf8()).value_or(asString());
        return asString();
    }
    }
    return {};
}

QJsonObject Event::dataObject() const
{
    return dataJson().toObject();
}

} // namespace natter::pusher
