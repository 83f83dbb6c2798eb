#include "Outbox.h"

#include "LogChat.h"
#include "OutboxJournal.h"
#include "PrivateFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace natter::chat {

namespace {

// Dead records (replaced, removed or state changes) the file may carry beyond the live ones
// before it is rewritten: compaction then costs O(live) once per O(live) changes.
constexpr int kCompactionSlack = 256;

} // namespace

Outbox::Outbox(const QString &filePath, QObject *parent, const QString &owner)
    : QObject(parent)
    , m_filePath(filePath)
    , m_owner(owner)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &Outbox::flush);
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &Outbox::flush);
    if (acquireLock())
        load();
    else
        fail(m_lockError, false);
}

Outbox::~Outbox()
{
    flush();
}

QString Outbox::fileNameFor(const QString &profile, const QString &userId)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(profile.toUtf8());
    hash.addData(QByteArrayView("\0", 1)); // no name pair can spell another one
    hash.addData(userId.toUtf8());
    return QStringLiteral("outbox-%1.jsonl").arg(QString::fromLatin1(hash.result().toHex().left(32)));
}

QString Outbox::legacyFileNameFor(const QString &profile, const QString &userId)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    QString p = profile;
    QString u = userId;
    p.replace(unsafe, QStringLiteral("_"));
    u.replace(unsafe, QStringLiteral("_"));
    return QStringLiteral("outbox-%1-%2.json").arg(p, u);
}

bool Outbox::acquireLock()
{
    QString error;
    if (!PrivateFiles::makeDirectory(QFileInfo(m_filePath).absolutePath(), &error)) {
        m_lockError = tr("Cannot use the outbox %1 (%2); unsent messages of this window are not "
                         "kept.")
                          .arg(m_filePath, error);
        return false;
    }
    const QString lockPath = m_filePath + QStringLiteral(".lock");
    auto lock = std::make_unique<QLockFile>(lockPath);
    // Held for as long as the window is open: stale only when the holder's process is gone.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        QFile::setPermissions(lockPath, PrivateFiles::kFileMode);
        m_lock = std::move(lock);
        return true;
    }
    if (lock->error() == QLockFile::LockFailedError)
        m_lockError = m_owner.isEmpty()
            ? tr("Another Natter is using the outbox %1; unsent messages of this window are "
                 "not kept.")
                  .arg(m_filePath)
            : tr("Another Natter is using the outbox of %1; unsent messages of this window are "
                 "not kept.")
                  .arg(m_owner);
    else
        m_lockError = tr("Cannot lock the outbox %1; unsent messages of this window are not kept.")
                          .arg(m_filePath);
    return false;
}

void Outbox::fail(const QString &message, bool signal)
{
    m_lastError = message;
    qCWarning(lcChat).noquote() << message;
    if (signal)
        emit storageError(message);
}

void Outbox::load()
{
    QFile file(m_filePath);
    if (!file.exists()) {
        compact(); // the file, with its header, and mode 0600 from the start
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_keepFile = true;
        fail(tr("Cannot read the outbox %1: %2").arg(m_filePath, file.errorString()), false);
        return;
    }
    const QByteArray bytes = file.readAll();
    file.close();
    PrivateFiles::tightenFile(m_filePath);
    const OutboxJournal::Contents contents = OutboxJournal::parse(bytes);
    m_messages = contents.messages;
    m_edits = contents.edits;
    m_records = contents.records;
    if (!contents.unreadable.isEmpty())
        setAside(contents.unreadable);
    if (contents.skippedEntries > 0)
        fail(tr("%n unreadable entries in the outbox %1 were skipped.", nullptr,
                contents.skippedEntries)
                 .arg(m_filePath),
             false);
    qCDebug(lcChat) << "outbox" << m_filePath << "has" << m_messages.size() << "messages and"
                    << m_edits.size() << "edits";
    if (contents.legacy || !contents.hasHeader || !contents.unreadable.isEmpty()
        || m_records != liveRecords())
        compact();
}

void Outbox::setAside(const QList<QByteArray> &lines)
{
    const QString base = m_filePath + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString backup = base;
    for (int n = 2; QFile::exists(backup); ++n)
        backup = base + u'-' + QString::number(n);
    QFile file(backup);
    bool kept = file.open(QIODevice::WriteOnly | QIODevice::NewOnly, PrivateFiles::kFileMode);
    for (const QByteArray &line : lines)
        kept = kept && file.write(line + '\n') == line.size() + 1;
    kept = kept && file.flush();
    file.close();
    if (!kept) {
        // Rewriting would drop what could not be kept: leave the file as it is.
        m_keepFile = true;
        fail(tr("The outbox %1 has %n unreadable lines and they could not be set aside.", nullptr,
                int(lines.size()))
                 .arg(m_filePath),
             false);
        return;
    }
    fail(tr("The outbox %1 had %n unreadable lines; they were kept as %2 and unsent messages in "
            "them are not shown.",
            nullptr, int(lines.size()))
             .arg(m_filePath, backup),
         false);
}

void Outbox::record(const QByteArray &line)
{
    if (!m_lock)
        return; // memory only
    m_pending += line;
    ++m_pendingRecords;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

bool Outbox::flush()
{
    m_flushTimer.stop();
    if (!m_lock || (m_pending.isEmpty() && !m_rewrite))
        return true;
    const int dead = m_records + m_pendingRecords - liveRecords();
    if (m_rewrite || dead > liveRecords() + kCompactionSlack)
        return compact();
    return append();
}

void Outbox::close()
{
    flush();
    m_lock.reset();
}

bool Outbox::append()
{
    QFile file(m_filePath);
    bool ok = file.open(QIODevice::WriteOnly | QIODevice::Append, PrivateFiles::kFileMode);
    ok = ok && file.write(m_pending) == m_pending.size() && file.flush();
#ifdef Q_OS_UNIX
    // One sync per batch: what the user wrote survives a power cut once the turn is over.
    ok = ok && ::fdatasync(file.handle()) == 0;
#endif
    const QString why = file.errorString();
    file.close();
    m_pending.clear();
    if (!ok) {
        // The tail may hold half a record: the next write rewrites the whole file from memory.
        m_rewrite = true;
        m_pendingRecords = 0;
        fail(tr("Cannot write the outbox %1: %2").arg(m_filePath, why), true);
        return false;
    }
    m_records += m_pendingRecords;
    m_pendingRecords = 0;
    return true;
}

bool Outbox::compact()
{
    m_pending.clear();
    m_pendingRecords = 0;
    if (m_keepFile) {
        m_rewrite = true;
        fail(tr("Cannot write the outbox %1: it holds data that could not be read or set aside.")
                 .arg(m_filePath),
             true);
        return false;
    }
    // QSaveFile: the old file stays intact until the new one is complete (crash, full disk).
    QSaveFile file(m_filePath);
    bool ok = file.open(QIODevice::WriteOnly);
    // On the temporary file, before it takes the final name: never readable by others.
    ok = ok && file.setPermissions(PrivateFiles::kFileMode);
    ok = ok && file.write(OutboxJournal::snapshot(m_messages, m_edits)) >= 0;
    ok = ok && file.commit();
    if (!ok) {
        m_rewrite = true;
        fail(tr("Cannot write the outbox %1: %2").arg(m_filePath, file.errorString()), true);
        return false;
    }
    m_rewrite = false;
    m_records = liveRecords();
    return true;
}

int Outbox::adoptLegacyFile(const QString &legacyPath, const QString &userId)
{
    if (!m_lock || userId.isEmpty() || !QFile::exists(legacyPath)
        || QFileInfo(legacyPath).absoluteFilePath() == QFileInfo(m_filePath).absoluteFilePath())
        return 0;
    // Two users who collided on the old name may both be starting: one moves at a time.
    QLockFile legacyLock(legacyPath + QStringLiteral(".lock"));
    legacyLock.setStaleLockTime(0);
    if (!legacyLock.tryLock(0))
        return 0; // the next start tries again
    QFile file(legacyPath);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Cannot read the old outbox %1: %2").arg(legacyPath, file.errorString()), true);
        return 0;
    }
    const OutboxJournal::Contents old = OutboxJournal::parse(file.readAll());
    file.close();
    if (!old.unreadable.isEmpty() || old.skippedEntries > 0) {
        fail(tr("The old outbox %1 is partly unreadable; it was left as it is.").arg(legacyPath),
             true);
        return 0;
    }
    // The old file may hold another user's messages (names that collided): only ours move.
    QList<ChatMessage> rest;
    int moved = 0;
    for (const ChatMessage &m : old.messages) {
        if (m.senderId != userId) {
            rest.append(m);
        } else if (!contains(m.id)) {
            m_messages.append(m);
            record(OutboxJournal::addRecord(m));
            ++moved;
        }
    }
    // Ours are on disk in the new file before they leave the old one.
    if (!flush())
        return 0;
    if (rest.isEmpty()) {
        QFile::remove(legacyPath);
    } else if (rest.size() < old.messages.size()) {
        QSaveFile keep(legacyPath);
        bool ok = keep.open(QIODevice::WriteOnly) && keep.setPermissions(PrivateFiles::kFileMode);
        ok = ok && keep.write(OutboxJournal::legacyDocument(rest)) >= 0 && keep.commit();
        if (!ok)
            fail(tr("Cannot write the old outbox %1: %2").arg(legacyPath, keep.errorString()), true);
    }
    qCInfo(lcChat).noquote() << "moved" << moved << "messages from" << legacyPath << "to"
                             << m_filePath << "," << rest.size() << "stay there";
    if (moved > 0)
        emit changed();
    return moved;
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
    record(OutboxJournal::addRecord(message));
    emit changed();
}

bool Outbox::remove(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    m_messages.removeAt(i);
    record(OutboxJournal::removeRecord(id));
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
    record(OutboxJournal::stateRecord(id, state, error));
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

int Outbox::indexOfEdit(const QString &id) const
{
    for (int i = 0; i < m_edits.size(); ++i) {
        if (m_edits.at(i).id() == id)
            return i;
    }
    return -1;
}

void Outbox::putEdit(const OutboxEdit &edit)
{
    const int i = indexOfEdit(edit.id());
    if (i >= 0)
        m_edits[i] = edit;
    else
        m_edits.append(edit);
    record(OutboxJournal::editRecord(edit));
    emit changed();
}

bool Outbox::removeEdit(const QString &id)
{
    const int i = indexOfEdit(id);
    if (i < 0)
        return false;
    m_edits.removeAt(i);
    record(OutboxJournal::editDoneRecord(id));
    emit changed();
    return true;
}

bool Outbox::setEditState(const QString &id, ChatMessage::State state, const QString &error)
{
    const int i = indexOfEdit(id);
    if (i < 0)
        return false;
    OutboxEdit &e = m_edits[i];
    if (e.state == state && e.error == error)
        return true;
    e.state = state;
    e.error = error;
    record(OutboxJournal::editRecord(e)); // edits are few: the whole record again
    emit changed();
    return true;
}

std::optional<OutboxEdit> Outbox::edit(const QString &id) const
{
    const int i = indexOfEdit(id);
    if (i < 0)
        return std::nullopt;
    return m_edits.at(i);
}

QList<OutboxEdit> Outbox::edits(const QString &room) const
{
    QList<OutboxEdit> out;
    for (const OutboxEdit &e : m_edits) {
        if (e.room() == room)
            out.append(e);
    }
    return out;
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
