#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace natter::pusher::json {

// A JSON string literal for `text`, quotes included.
QString quote(const QString &text);
// Compact JSON text of an object.
QString compact(const QJsonObject &object);
// A user id as a string: the protocol says string, but some backends send numbers.
QString idString(const QJsonValue &value);

} // namespace natter::pusher::json
