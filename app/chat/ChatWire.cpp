#include "ChatWire.h"

#include <pusher/Event.h>
#include <pusher/JsonText.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace natter::chat {

using natter::pusher::json::compact;
using natter::pusher::json::idString;

namespace {
QJsonObject user(const QString &id, const QString &name)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
}

} // namespace

QString ChatWire::encodeMessage(const ChatMessage &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("text"), m.text},
                  {QStringLiteral("sent_at"), m.sentAt.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("user"), user(m.senderId, m.senderName)}};
    if (!m.replyTo.isEmpty())
        o.insert(QStringLiteral("reply_to"), m.replyTo);
    return compact(o);
}

QString ChatWire::encodeTyping(const QString &userId, const QString &userName)
{
    return compact(QJsonObject{{QStringLiteral("user"), user(userId, userName)}});
}

std::optional<ChatMessage> ChatWire::decodeMessage(const natter::pusher::Event &event, QString *why)
{
    const QJsonValue data = event.dataJson();
    if (!data.isObject()) {
        *why = QStringLiteral("the payload is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = data.toObject();
    const QJsonValue text = o.value(QLatin1String("text"));
    if (!text.isString()) {
        *why = text.isUndefined() ? QStringLiteral("the payload has no text")
                                  : QStringLiteral("the text is not a string");
        return std::nullopt;
    }
    ChatMessage m;
    m.text = text.toString();
    if (m.text.size() > MaxReceivedTextLength) {
        qsizetype keep = MaxReceivedTextLength;
        if (m.text.at(keep - 1).isHighSurrogate())
            --keep; // never split a character
        const qsizetype cut = m.text.size() - keep;
        m.text.truncate(keep);
        m.text += QCoreApplication::translate(
            "natter::chat::ChatWire", "… [%n more characters not shown]", nullptr, int(cut));
    }
    m.id = o.value(QLatin1String("id")).toString();
    if (m.id.isEmpty()) // other clients may not send ids: still show the message, once
        m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject u = o.value(QLatin1String("user")).toObject();
    // The server stamps client events on presence channels with the sender's user_id; the
    // payload's claim is only a fallback (a client can write anything there).
    m.senderVerified = !event.userId.isEmpty();
    m.senderId = m.senderVerified ? event.userId : idString(u.value(QLatin1String("id")));
    const QString claimedId = idString(u.value(QLatin1String("id")));
    // The claimed name is kept only as a fallback for a sender who is not a member (the
    // controller prefers the member's signed name); one that comes with another id, never.
    if (claimedId.isEmpty() || claimedId == m.senderId)
        m.senderName = u.value(QLatin1String("name")).toString().left(200);
    m.sentAt = QDateTime::fromString(o.value(QLatin1String("sent_at")).toString(),
                                     Qt::ISODateWithMs);
    m.sentAt = m.sentAt.isValid() ? m.sentAt.toUTC() : QDateTime::currentDateTimeUtc();
    m.state = ChatMessage::State::Received;
    // Only the original's id is taken: any quote or author the payload adds is ignored.
    const QString replyTo = o.value(QLatin1String("reply_to")).toString();
    if (replyTo.size() <= MaxReplyToLength && replyTo != m.id)
        m.replyTo = replyTo;
    return m;
}

} // namespace natter::chat
