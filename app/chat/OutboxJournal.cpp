#include "OutboxJournal.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace natter::chat {

namespace {

QString stateName(ChatMessage::State state)
{
    switch (state) {
    case ChatMessage::State::Pending:
        return QStringLiteral("pending");
    case ChatMessage::State::Sent:
        return QStringLiteral("sent");
    case ChatMessage::State::Failed:
        return QStringLiteral("failed");
    case ChatMessage::State::Received:
        return QStringLiteral("received");
    }
    return {};
}

ChatMessage::State stateFromName(const QString &name)
{
    // Anything unknown is treated as pending: re-sending is the safe side (ids dedupe).
    if (name == QLatin1String("failed"))
        return ChatMessage::State::Failed;
    return ChatMessage::State::Pending;
}

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

template<typename List>
int indexOf(const List &items, const QString &id)
{
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).id == id)
            return i;
    }
    return -1;
}

int indexOfEdit(const QList<OutboxEdit> &edits, const QString &id)
{
    for (int i = 0; i < edits.size(); ++i) {
        if (edits.at(i).id() == id)
            return i;
    }
    return -1;
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

QJsonObject OutboxJournal::toJson(const ChatMessage &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("room"), m.room},
                  {QStringLiteral("senderId"), m.senderId},
                  {QStringLiteral("senderName"), m.senderName},
                  {QStringLiteral("text"), m.text},
                  {QStringLiteral("sentAt"), m.sentAt.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("state"), stateName(m.state)}};
    if (!m.error.isEmpty())
        o.insert(QStringLiteral("error"), m.error);
    if (!m.replyTo.isEmpty())
        o.insert(QStringLiteral("replyTo"), m.replyTo);
    return o;
}

std::optional<ChatMessage> OutboxJournal::fromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    ChatMessage m;
    m.id = o.value(QLatin1String("id")).toString();
    m.room = o.value(QLatin1String("room")).toString();
    m.text = o.value(QLatin1String("text")).toString();
    if (m.id.isEmpty() || m.room.isEmpty() || !o.value(QLatin1String("text")).isString())
        return std::nullopt;
    m.senderId = o.value(QLatin1String("senderId")).toString();
    m.senderName = o.value(QLatin1String("senderName")).toString();
    m.sentAt = QDateTime::fromString(o.value(QLatin1String("sentAt")).toString(), Qt::ISODateWithMs);
    if (!m.sentAt.isValid())
        m.sentAt = QDateTime::currentDateTimeUtc();
    m.sentAt = m.sentAt.toUTC();
    m.state = stateFromName(o.value(QLatin1String("state")).toString());
    m.error = o.value(QLatin1String("error")).toString();
    m.own = true; // only the user's own messages are ever in the outbox
    m.replyTo = o.value(QLatin1String("replyTo")).toString();
    return m;
}

QByteArray OutboxJournal::header()
{
    return line(QJsonObject{{QStringLiteral("version"), kVersion}});
}

QByteArray OutboxJournal::addRecord(const ChatMessage &message)
{
    return line(QJsonObject{{QStringLiteral("op"), QStringLiteral("add")},
                            {QStringLiteral("message"), toJson(message)}});
}

QByteArray OutboxJournal::removeRecord(const QString &id)
{
    return line(
        QJsonObject{{QStringLiteral("op"), QStringLiteral("remove")}, {QStringLiteral("id"), id}});
}

QByteArray OutboxJournal::stateRecord(const QString &id, ChatMessage::State state,
                                      const QString &error)
{
    QJsonObject o{{QStringLiteral("op"), QStringLiteral("state")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("state"), stateName(state)}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return line(o);
}

QByteArray OutboxJournal::editRecord(const OutboxEdit &edit)
{
    const MessageChange &c = edit.change;
    const bool isDelete = c.kind == MessageChange::Kind::Delete;
    QJsonObject change{
        {QStringLiteral("kind"), isDelete ? QStringLiteral("delete") : QStringLiteral("edit")},
        {QStringLiteral("id"), c.id},
        {QStringLiteral("editedAt"), timeText(c.editedAt)},
        {QStringLiteral("senderId"), c.senderId}};
    if (!isDelete)
        change.insert(QStringLiteral("text"), c.text);
    if (c.serverId > 0)
        change.insert(QStringLiteral("serverId"), QString::number(c.serverId));
    // The original was sent: what a message in the outbox never has (server id, an earlier edit).
    QJsonObject original = toJson(edit.original);
    if (edit.original.serverId > 0)
        original.insert(QStringLiteral("serverId"), QString::number(edit.original.serverId));
    if (edit.original.editedAt.isValid())
        original.insert(QStringLiteral("editedAt"), timeText(edit.original.editedAt));
    if (edit.original.deleted)
        original.insert(QStringLiteral("deleted"), true);
    QJsonObject o{{QStringLiteral("op"), QStringLiteral("edit")},
                  {QStringLiteral("change"), change},
                  {QStringLiteral("original"), original},
                  {QStringLiteral("state"), stateName(edit.state)}};
    if (!edit.error.isEmpty())
        o.insert(QStringLiteral("error"), edit.error);
    return line(o);
}

QByteArray OutboxJournal::editDoneRecord(const QString &id)
{
    return line(QJsonObject{{QStringLiteral("op"), QStringLiteral("edit-done")},
                            {QStringLiteral("id"), id}});
}

QByteArray OutboxJournal::snapshot(const QList<ChatMessage> &messages,
                                   const QList<OutboxEdit> &edits)
{
    QByteArray out = header();
    for (const ChatMessage &m : messages)
        out += addRecord(m);
    for (const OutboxEdit &e : edits)
        out += editRecord(e);
    return out;
}

QByteArray OutboxJournal::legacyDocument(const QList<ChatMessage> &messages)
{
    QJsonArray list;
    for (const ChatMessage &m : messages)
        list.append(toJson(m));
    const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("messages"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool OutboxJournal::applyEdit(const QJsonObject &record, QList<OutboxEdit> &edits)
{
    const QJsonObject change = record.value(QLatin1String("change")).toObject();
    OutboxEdit e;
    const QString kind = change.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("delete")) {
        e.change.kind = MessageChange::Kind::Delete;
    } else if (kind == QLatin1String("edit") && change.value(QLatin1String("text")).isString()) {
        e.change.kind = MessageChange::Kind::Edit;
        e.change.text = change.value(QLatin1String("text")).toString();
    } else {
        return false;
    }
    e.change.id = change.value(QLatin1String("id")).toString();
    e.change.editedAt = timeFrom(change.value(QLatin1String("editedAt")));
    e.change.senderId = change.value(QLatin1String("senderId")).toString();
    e.change.serverId = change.value(QLatin1String("serverId")).toString().toLongLong();
    const QJsonObject originalJson = record.value(QLatin1String("original")).toObject();
    const std::optional<ChatMessage> original = fromJson(originalJson);
    // Peers order edits by their time: one without a time could never be applied.
    if (e.change.id.isEmpty() || !e.change.editedAt.isValid() || !original
        || original->id != e.change.id)
        return false;
    e.original = *original;
    e.original.state = ChatMessage::State::Sent; // it was sent: only the change is pending
    e.original.error.clear();
    e.original.serverId = originalJson.value(QLatin1String("serverId")).toString().toLongLong();
    e.original.editedAt = timeFrom(originalJson.value(QLatin1String("editedAt")));
    e.original.deleted = originalJson.value(QLatin1String("deleted")).toBool();
    e.state = stateFromName(record.value(QLatin1String("state")).toString());
    e.error = record.value(QLatin1String("error")).toString();
    const int i = indexOfEdit(edits, e.id());
    if (i >= 0)
        edits[i] = e;
    else
        edits.append(e);
    return true;
}

bool OutboxJournal::apply(const QJsonObject &record, Contents &out)
{
    QList<ChatMessage> &messages = out.messages;
    const QString op = record.value(QLatin1String("op")).toString();
    if (op == QLatin1String("edit"))
        return applyEdit(record, out.edits);
    if (op == QLatin1String("add")) {
        const std::optional<ChatMessage> m = fromJson(record.value(QLatin1String("message")));
        if (!m)
            return false;
        const int i = indexOf(messages, m->id);
        if (i >= 0)
            messages[i] = *m;
        else
            messages.append(*m);
        return true;
    }
    const QString id = record.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        return false;
    const int i = indexOf(messages, id);
    if (op == QLatin1String("remove")) {
        if (i >= 0)
            messages.removeAt(i);
        return true;
    }
    if (op == QLatin1String("edit-done")) {
        if (const int e = indexOfEdit(out.edits, id); e >= 0)
            out.edits.removeAt(e);
        return true;
    }
    if (op == QLatin1String("state")) {
        if (i >= 0) {
            messages[i].state = stateFromName(record.value(QLatin1String("state")).toString());
            messages[i].error = record.value(QLatin1String("error")).toString();
        }
        return true;
    }
    return false;
}

OutboxJournal::Contents OutboxJournal::parse(const QByteArray &bytes)
{
    Contents out;
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty())
        return out;
    // Version 1 is a single JSON document; a journal of more than its header is not.
    const QJsonDocument whole = QJsonDocument::fromJson(trimmed);
    if (whole.isArray()
        || (whole.isObject() && whole.object().value(QLatin1String("messages")).isArray())) {
        out.legacy = true;
        const QJsonArray list = whole.isArray()
            ? whole.array()
            : whole.object().value(QLatin1String("messages")).toArray();
        for (const QJsonValue &v : list) {
            std::optional<ChatMessage> m = fromJson(v);
            if (!m || indexOf(out.messages, m->id) >= 0) {
                ++out.skippedEntries;
                continue;
            }
            out.messages.append(*m);
        }
        return out;
    }
    for (const QByteArray &raw : bytes.split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        const QJsonObject record = doc.object();
        if (!out.hasHeader && out.records == 0 && doc.isObject()
            && record.value(QLatin1String("version")).isDouble()
            && !record.contains(QLatin1String("op"))) {
            out.hasHeader = true;
            continue;
        }
        // A truncated last line (crash mid-write) or garbage: kept aside, never dropped.
        if (!doc.isObject() || !apply(record, out)) {
            out.unreadable.append(raw);
            continue;
        }
        ++out.records;
    }
    return out;
}

} // namespace natter::chat
