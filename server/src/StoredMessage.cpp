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
    // Only on messages their author changed: an unchanged MESSAGE is as it always was.
    if (editedAtMs > 0)
        o.insert(QStringLiteral("edited_at"),
                 QDateTime::fromMSecsSinceEpoch(editedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    if (deletedAtMs > 0)
        o.insert(QStringLiteral("deleted"), true);
    return o;
}

QString StoredMessage::eventData() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}
