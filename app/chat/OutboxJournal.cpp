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

int indexOf(const QList<ChatMessage> &messages, const QString &id)
{
    for (int i = 0; i < messages.size(); ++i) {
        if (messages.at(i).id == id)
            return i;
    }
    return -1;
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

QByteArray OutboxJournal::snapshot(const QList<ChatMessage> &messages)
{
    QByteArray out = header();
    for (const ChatMessage &m : messages)
        out += addRecord(m);
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

bool OutboxJournal::apply(const QJsonObject &record, QList<ChatMessage> &messages)
{
    const QString op = record.value(QLatin1String("op")).toString();
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
        if (!doc.isObject() || !apply(record, out.messages)) {
            out.unreadable.append(raw);
            continue;
        }
        ++out.records;
    }
    return out;
}

} // namespace natter::chat
