#include "Frames.h"

#include <QJsonDocument>

namespace frames {

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString json(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString frame(const QString &event, const QJsonValue &data, const QString &channel,
              const QString &userId)
{
    QJsonObject o{{QStringLiteral("event"), event}};
    if (!channel.isEmpty())
        o.insert(QStringLiteral("channel"), channel);
    if (!data.isUndefined())
        o.insert(QStringLiteral("data"), data);
    if (!userId.isEmpty())
        o.insert(QStringLiteral("user_id"), userId);
    return json(o);
}

QString subscriptionSucceeded(const QString &channel)
{
    return frame(QStringLiteral("pusher_internal:subscription_succeeded"),
                 QJsonValue(QJsonValue::Undefined), channel);
}

QString presenceSucceeded(const QString &channel, const QJsonArray &ids, const QJsonObject &hash)
{
    const QJsonObject presence{{QStringLiteral("ids"), ids},
                               {QStringLiteral("hash"), hash},
                               {QStringLiteral("count"), ids.size()}};
    return frame(QStringLiteral("pusher_internal:subscription_succeeded"),
                 json(QJsonObject{{QStringLiteral("presence"), presence}}), channel);
}

QString memberAdded(const QString &channel, const QJsonValue &userId, const QJsonObject &info)
{
    return frame(
        QStringLiteral("pusher_internal:member_added"),
        json(QJsonObject{{QStringLiteral("user_id"), userId}, {QStringLiteral("user_info"), info}}),
        channel);
}

QString memberRemoved(const QString &channel, const QJsonValue &userId)
{
    return frame(QStringLiteral("pusher_internal:member_removed"),
                 json(QJsonObject{{QStringLiteral("user_id"), userId}}), channel);
}

QString pusherError(int code, const QString &message, const QString &channel)
{
    return frame(QStringLiteral("pusher:error"),
                 QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}},
                 channel);
}

QJsonObject parse(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace frames
