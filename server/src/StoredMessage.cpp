#include "StoredMessage.h"

#include <QDateTime>
#include <QJsonDocument>

QJsonObject StoredMessage::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("room"), room},
        {QStringLiteral("client_id"), clientId},
        {QStringLiteral("text"), text},
        {QStringLiteral("sent_at"),
         QDateTime::fromMSecsSinceEpoch(sentAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), userId}, {QStringLiteral("name"), userName}}},
    };
    if (!replyTo.isEmpty())
        o.insert(QStringLiteral("reply_to"), replyTo);
    return o;
}

QString StoredMessage::eventData() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}
