#include "EditWire.h"

#include "ChatWire.h"

#include <pusher/Event.h>
#include <pusher/JsonText.h>

#include <QCoreApplication>
#include <QJsonObject>

namespace natter::chat {

using natter::pusher::json::compact;

QString EditWire::eventName(const MessageChange &edit)
{
    return edit.kind == MessageChange::Kind::Edit ? editEvent() : deleteEvent();
}

QString EditWire::encode(const MessageChange &edit)
{
    if (edit.kind == MessageChange::Kind::Delete)
        return compact(QJsonObject{{QStringLiteral("id"), edit.id}});
    return compact(QJsonObject{
        {QStringLiteral("id"), edit.id},
        {QStringLiteral("text"), edit.text},
        {QStringLiteral("edited_at"), edit.editedAt.toUTC().toString(Qt::ISODateWithMs)}});
}

std::optional<MessageChange> EditWire::decode(const natter::pusher::Event &event, QString *why)
{
    MessageChange edit;
    if (event.event == editEvent()) {
        edit.kind = MessageChange::Kind::Edit;
    } else if (event.event == deleteEvent()) {
        edit.kind = MessageChange::Kind::Delete;
    } else {
        *why = QStringLiteral("not an edit or delete event");
        return std::nullopt;
    }
    const QJsonValue data = event.dataJson();
    if (!data.isObject()) {
        *why = QStringLiteral("the payload is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = data.toObject();
    const QJsonValue id = o.value(QLatin1String("id"));
    if (!id.isString() || id.toString().isEmpty()) {
        *why = QStringLiteral("the payload names no message id");
        return std::nullopt;
    }
    edit.id = id.toString();
    edit.senderId = event.userId;
    edit.editedAt = QDateTime::fromString(o.value(QLatin1String("edited_at")).toString(),
                                          Qt::ISODateWithMs);
    edit.editedAt = edit.editedAt.isValid() ? edit.editedAt.toUTC()
                                            : QDateTime::currentDateTimeUtc();
    if (edit.kind == MessageChange::Kind::Delete)
        return edit;
    const QJsonValue text = o.value(QLatin1String("text"));
    if (!text.isString() || text.toString().trimmed().isEmpty()) {
        *why = QStringLiteral("the edit has no text");
        return std::nullopt;
    }
    edit.text = text.toString();
    if (edit.text.size() > ChatWire::MaxReceivedTextLength) {
        qsizetype keep = ChatWire::MaxReceivedTextLength;
        if (edit.text.at(keep - 1).isHighSurrogate())
            --keep; // never split a character
        const qsizetype cut = edit.text.size() - keep;
        edit.text.truncate(keep);
        edit.text += QCoreApplication::translate(
            "natter::chat::ChatWire", "… [%n more characters not shown]", nullptr, int(cut));
    }
    return edit;
}

} // namespace natter::chat
