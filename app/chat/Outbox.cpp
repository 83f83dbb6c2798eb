#include "Outbox.h"

#include "LogChat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace natter::chat {

namespace {

constexpr int kFormatVersion = 1;

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

QJsonObject toJson(const ChatMessage &m)
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
    return o;
}

std::optional<ChatMessage> fromJson(const QJsonValue &value)
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
    return m;
}

} // namespace

Outbox::Outbox(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
{
    load();
}

Outbox::~Outbox() = default;

void Outbox::load()
{
    QFile file(m_filePath);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = tr("Cannot read the outbox %1: %2").arg(m_filePath, file.errorString());
        qCWarning(lcChat).noquote() << m_lastError;
        return;
    }
    const QByteArray bytes = file.readAll();
    file.close();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    QJsonArray list;
    if (doc.isObject())
        list = doc.object().value(QLatin1String("messages")).toArray();
    else if (doc.isArray())
        list = doc.array(); // a bare array is accepted too
    if (doc.isNull()
        || (doc.isObject() && !doc.object().value(QLatin1String("messages")).isArray())) {
        // Never lose unsent messages silently: keep the unreadable file next to the new one
        // and say so, then carry on with an empty outbox.
        const QString backup = m_filePath + QStringLiteral(".corrupt-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const bool kept = QFile::rename(m_filePath, backup);
        m_lastError = kept ? tr("The outbox %1 was unreadable (%2); it was kept as %3 and unsent "
                                "messages in it are "
                                "not shown.")
                                 .arg(m_filePath, parseError.errorString(), backup)
                           : tr("The outbox %1 is unreadable (%2) and could not be set aside.")
                                 .arg(m_filePath, parseError.errorString());
        qCWarning(lcChat).noquote() << m_lastError;
        return;
    }
    int skipped = 0;
    for (const QJsonValue &v : std::as_const(list)) {
        std::optional<ChatMessage> m = fromJson(v);
        if (!m || indexOf(m->id) >= 0) {
            ++skipped;
            continue;
        }
        m_messages.append(*m);
    }
    if (skipped > 0) {
        m_lastError = tr("%n unreadable entries in the outbox %1 were skipped.", nullptr, skipped)
                          .arg(m_filePath);
        qCWarning(lcChat).noquote() << m_lastError;
    }
    qCDebug(lcChat) << "outbox" << m_filePath << "has" << m_messages.size() << "messages";
}

bool Outbox::save()
{
    const QFileInfo info(m_filePath);
    QDir().mkpath(info.absolutePath());
    QJsonArray list;
    for (const ChatMessage &m : std::as_const(m_messages))
        list.append(toJson(m));
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("messages"), list}};
    // QSaveFile: the old file stays intact until the new one is complete (crash, full disk).
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_lastError = tr("Cannot write the outbox %1: %2").arg(m_filePath, file.errorString());
        qCWarning(lcChat).noquote() << m_lastError;
        emit storageError(m_lastError);
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        m_lastError = tr("Cannot write the outbox %1: %2").arg(m_filePath, file.errorString());
        qCWarning(lcChat).noquote() << m_lastError;
        emit storageError(m_lastError);
        return false;
    }
    return true;
}

int Outbox::indexOf(const QString &id) const
{
    for (int i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == id)
            return i;
    }
    return -1;
}

void Outbox::add(const ChatMessage &message)
{
    const int i = indexOf(message.id);
    if (i >= 0)
        m_messages[i] = message;
    else
        m_messages.append(message);
    save();
    emit changed();
}

bool Outbox::remove(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    m_messages.removeAt(i);
    save();
    emit changed();
    return true;
}

bool Outbox::setState(const QString &id, ChatMessage::State state, const QString &error)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    ChatMessage &m = m_messages[i];
    if (m.state == state && m.error == error)
        return true;
    m.state = state;
    m.error = error;
    save();
    emit changed();
    return true;
}

bool Outbox::contains(const QString &id) const
{
    return indexOf(id) >= 0;
}

std::optional<ChatMessage> Outbox::message(const QString &id) const
{
    const int i = indexOf(id);
    if (i < 0)
        return std::nullopt;
    return m_messages.at(i);
}

QList<ChatMessage> Outbox::messages(const QString &room) const
{
    QList<ChatMessage> out;
    for (const ChatMessage &m : m_messages) {
        if (m.room == room)
            out.append(m);
    }
    return out;
}

} // namespace natter::chat
