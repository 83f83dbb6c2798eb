#pragma once

#include "ChatMessage.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace natter::chat {

// Messages the user typed that the server has not taken yet (Pending) or refused (Failed).
// Persisted as a JSON array, rewritten atomically (QSaveFile) on every change, so a crash or a
// restart never loses what the user wrote: a new Outbox on the same file sees them again.
// The caller chooses the file: AppDataLocation + "/outbox-<profile>-<user>.json".
class Outbox : public QObject
{
    Q_OBJECT
public:
    explicit Outbox(const QString &filePath, QObject *parent = nullptr);
    ~Outbox() override;

    QString filePath() const { return m_filePath; }

    // Appends (keeps the order of add()); replaces a message with the same id in place.
    void add(const ChatMessage &message);
    bool remove(const QString &id);
    bool setState(const QString &id, ChatMessage::State state, const QString &error = {});
    bool contains(const QString &id) const;
    std::optional<ChatMessage> message(const QString &id) const;

    QList<ChatMessage> messages() const { return m_messages; } // in the order they were added
    QList<ChatMessage> messages(const QString &room) const;
    int count() const { return int(m_messages.size()); }
    bool isEmpty() const { return m_messages.isEmpty(); }

    // Empty when the file was read and written fine; otherwise what went wrong (for the UI).
    QString lastError() const { return m_lastError; }

signals:
    void changed();
    // Could not read (corrupt file: kept as <file>.corrupt-<time>) or write the file.
    void storageError(const QString &message);

private:
    void load();
    bool save();
    int indexOf(const QString &id) const;

    QString m_filePath;
    QList<ChatMessage> m_messages;
    QString m_lastError;
};

} // namespace natter::chat
