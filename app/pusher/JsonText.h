#pragma once

#include <QJsonObject>
#include <QString>

namespace natter::pusher::json {

// A JSON string literal for `text`, quotes included.
QString quote(const QString &text);
// Compact JSON text of an object.
QString compact(const QJsonObject &object);

} // namespace natter::pusher::json
