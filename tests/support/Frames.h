#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Builders for server frames, so tests do not drown in escaped quotes.
namespace frames {

// Compact JSON text of an object or array.
QString json(const QJsonObject &object);
QString json(const QJsonArray &array);
// {"event":E[,"channel":C][,"data":D][,"user_id":U]}; a QString `data` is sent as a JSON string,
// so pass json(obj) for Pusher's double encoding, or the object itself for inline data.
QString frame(const QString &event, const QJsonValue &data = QJsonValue(QJsonValue::Undefined),
              const QString &channel = {}, const QString &userId = {});
// pusher_internal:subscription_succeeded (data omitted, as soketi does for non-presence channels).
QString subscriptionSucceeded(const QString &channel);
// Presence subscription_succeeded with double-encoded {"presence":{ids,hash,count}}.
QString presenceSucceeded(const QString &channel, const QJsonArray &ids, const QJsonObject &hash);
QString memberAdded(const QString &channel, const QJsonValue &userId, const QJsonObject &info = {});
QString memberRemoved(const QString &channel, const QJsonValue &userId);
QString pusherError(int code, const QString &message, const QString &channel = {});
QJsonObject parse(const QString &text);

} // namespace frames
