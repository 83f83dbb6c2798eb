#pragma once

#include "ChatMessage.h"
#include "OutboxEdit.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

class QLockFile;

namespace natter::chat {

// Messages the user typed that the server has not taken yet (Pending) or refused (Failed), and
// the user's edits and deletes of sent messages in the same two states (OutboxEdit).
// Persisted as an append-only journal (OutboxJournal): the changes of one event-loop turn are
// appended and synced in one write, and the file is compacted (rewritten atomically) at load and
// when dead records outnumber the live ones. Pending writes are flushed on destruction and when
// the application quits, so a restart never loses what the user wrote.
// One process owns a file at a time (<file>.lock): a second Outbox on a file in use keeps its
// messages in memory only and says so (isPersistent(), lastError()).
// The caller chooses the file: AppDataLocation + "/" + fileNameFor(profile, user id).
class Outbox : public QObject
{
    Q_OBJECT
public:
    // `owner` names the outbox in messages for the user, e.g. "alice on Work".
    explicit Outbox(const QString &filePath, QObject *parent = nullptr, const QString &owner = {});
    ~Outbox() override;

    // "outbox-<hex>.jsonl": a hash of profile and user id, so distinct users never share a file
    // whatever the script of their names.
    static QString fileNameFor(const QString &profile, const QString &userId);
    // The name older versions used (unsafe characters as '_', so "Иван" and "Петр" collided).
    static QString legacyFileNameFor(const QString &profile, const QString &userId);

    QString filePath() const { return m_filePath; }
    // False when another process holds the file: changes are kept in memory only.
    bool isPersistent() const { return m_lock != nullptr; }
    QString lockError() const { return m_lockError; }

    // Moves the messages of `userId` from an old-format file into this outbox; the others stay
    // there (the file is removed once empty). Returns how many were moved.
    int adoptLegacyFile(const QString &legacyPath, const QString &userId);

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

    // Edits and deletes of sent messages, one per message id (a later one replaces it in place).
    void putEdit(const OutboxEdit &edit);
    bool removeEdit(const QString &id);
    bool setEditState(const QString &id, ChatMessage::State state, const QString &error = {});
    std::optional<OutboxEdit> edit(const QString &id) const;
    QList<OutboxEdit> edits() const { return m_edits; } // in the order they were first made
    QList<OutboxEdit> edits(const QString &room) const;
    int editCount() const { return int(m_edits.size()); }

    // Empty when the file was read and written fine; otherwise what went wrong (for the UI).
    QString lastError() const { return m_lastError; }

    // Writes what is pending now instead of at the end of this event-loop turn.
    bool flush();
    // Flushes and gives the file up (for the next session of the same user, which may start
    // before this object is deleted); later changes are kept in memory only.
    void close();

signals:
    void changed();
    // Could not read (unreadable lines: kept as <file>.corrupt-<time>) or write the file.
    void storageError(const QString &message);

private:
    bool acquireLock();
    void load();
    void record(const QByteArray &line);
    bool append();
    bool compact();
    void setAside(const QList<QByteArray> &lines);
    void fail(const QString &message, bool signal);
    int indexOf(const QString &id) const;
    int indexOfEdit(const QString &id) const;
    int liveRecords() const { return count() + editCount(); }

    QString m_filePath;
    QString m_owner;
    QList<ChatMessage> m_messages;
    QList<OutboxEdit> m_edits;
    QString m_lastError;
    QString m_lockError;
    std::unique_ptr<QLockFile> m_lock;
    QByteArray m_pending; // records not written yet
    int m_pendingRecords = 0;
    int m_records = 0; // records in the file after its header
    bool m_rewrite = false; // the file's tail is suspect (failed write): compact next time
    bool m_keepFile = false; // holds what we could not read or set aside: never rewritten
    QTimer m_flushTimer;
};

} // namespace natter::chat
