// Outbox: persistence across a new Outbox object on the same file, order, state changes,
// removal, and unreadable files (set aside with a warning, never dropped silently); the journal
// format, one file per profile and user (and the migration of the old shared names), the lock
// between processes, and private permissions.
#include "ChatSession.h"
#include "chat/Outbox.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using natter::chat::ChatMessage;
using natter::chat::Outbox;
using natter::chat::ServerProfile;
using natter::ui::ChatSession;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ChatMessage pending(const QString &id, const QString &room, const QString &text)
{
    ChatMessage m;
    m.id = id;
    m.room = room;
    m.senderId = S("alice");
    m.senderName = S("Alice");
    m.text = text;
    m.sentAt = QDateTime(QDate(2024, 3, 1), QTime(10, 0, 0, 123), Qt::UTC);
    m.state = ChatMessage::State::Pending;
    m.own = true;
    return m;
}

ChatMessage from(const QString &sender, const QString &id)
{
    ChatMessage m = pending(id, S("lobby"), S("text of ") + id);
    m.senderId = sender;
    m.senderName = sender;
    return m;
}

int mode(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ServerProfile localProfile(const QString &name)
{
    ServerProfile p;
    p.name = name;
    p.kind = ServerProfile::Kind::SelfHosted;
    p.key = S("app-key");
    p.host = S("127.0.0.1");
    p.port = 1;
    p.tls = false;
    p.authMode = ServerProfile::AuthMode::LocalSigning;
    return p;
}

QStringList ids(const QList<ChatMessage> &list)
{
    QStringList out;
    for (const ChatMessage &m : list)
        out.append(m.id);
    return out;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void emptyWhenNoFile()
    {
        Outbox box(path(S("none/outbox.json")));
        QVERIFY(box.isEmpty());
        QVERIFY(box.lastError().isEmpty());
        box.add(pending(S("1"), S("lobby"), S("hi")));
        QVERIFY(QFile::exists(path(S("none/outbox.json")))); // the directory is created
    }

    void persistsAcrossObjects()
    {
        const QString file = path(S("persist.json"));
        {
            Outbox box(file);
            QSignalSpy changed(&box, &Outbox::changed);
            box.add(pending(S("1"), S("lobby"), S("first")));
            box.add(pending(S("2"), S("dev"), S("second \"quoted\" \u00e9\U0001F600")));
            box.add(pending(S("3"), S("lobby"), S("third")));
            QCOMPARE(changed.size(), 3);
            QVERIFY(box.setState(S("2"), ChatMessage::State::Failed, S("refused")));
        }
        Outbox again(file);
        QCOMPARE(ids(again.messages()), (QStringList{S("1"), S("2"), S("3")}));
        QCOMPARE(ids(again.messages(S("lobby"))), (QStringList{S("1"), S("3")}));
        QCOMPARE(ids(again.messages(S("dev"))), QStringList{S("2")});
        const ChatMessage m = *again.message(S("2"));
        QCOMPARE(m.text, S("second \"quoted\" \u00e9\U0001F600"));
        QCOMPARE(m.state, ChatMessage::State::Failed);
        QCOMPARE(m.error, S("refused"));
        QCOMPARE(m.room, S("dev"));
        QCOMPARE(m.senderId, S("alice"));
        QCOMPARE(m.senderName, S("Alice"));
        QCOMPARE(m.sentAt, pending(S("x"), S("x"), S("x")).sentAt); // ms kept
        QVERIFY(m.own);
        QCOMPARE(again.message(S("1"))->state, ChatMessage::State::Pending);
        QVERIFY(again.lastError().isEmpty());
    }

    void removeAndReplace()
    {
        const QString file = path(S("remove.json"));
        {
            Outbox box(file);
            box.add(pending(S("1"), S("lobby"), S("a")));
            box.add(pending(S("2"), S("lobby"), S("b")));
            box.add(pending(S("3"), S("lobby"), S("c")));
            QVERIFY(box.remove(S("2")));
            QVERIFY(!box.remove(S("2")));
            QVERIFY(!box.setState(S("2"), ChatMessage::State::Failed));
            // Same id again: updated in place, order kept.
            box.add(pending(S("1"), S("lobby"), S("a edited")));
            QVERIFY(box.contains(S("1")));
            QVERIFY(!box.contains(S("2")));
        }
        {
            Outbox again(file);
            QCOMPARE(ids(again.messages()), (QStringList{S("1"), S("3")}));
            QCOMPARE(again.messages().first().text, S("a edited"));
            QVERIFY(again.remove(S("1")));
            QVERIFY(again.remove(S("3")));
        }
        Outbox empty(file);
        QVERIFY(empty.isEmpty());
    }

    void corruptFileIsSetAside()
    {
        const QString file = path(S("corrupt.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"version\":1,\"messages\":[{\"id\":\"1\",\"room\":\"lob");
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("unreadable")));
        {
            Outbox box(file);
            QVERIFY(box.isEmpty());
            QVERIFY(!box.lastError().isEmpty());
            // The unreadable file is kept for the user, not overwritten by the next save.
            const QStringList aside = QDir(m_dir.path()).entryList({S("corrupt.json.corrupt-*")});
            QCOMPARE(aside.size(), 1);
            QFile kept(m_dir.filePath(aside.first()));
            QVERIFY(kept.open(QIODevice::ReadOnly));
            QVERIFY(kept.readAll().contains("\"lob"));
            box.add(pending(S("n"), S("lobby"), S("new")));
        }
        Outbox again(file);
        QCOMPARE(ids(again.messages()), QStringList{S("n")});
    }

    void badEntriesAreSkippedWithAWarning()
    {
        const QString file = path(S("partial.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"version\":1,\"messages\":[42,{\"id\":\"ok\",\"room\":\"lobby\",\"text\":"
                    "\"fine\",\"state\":\"pending\"},"
                    "{\"id\":\"notext\",\"room\":\"lobby\"}]}");
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("2 unreadable entries")));
        Outbox box(file);
        QCOMPARE(ids(box.messages()), QStringList{S("ok")});
        QVERIFY(box.lastError().contains(S("2")));
        QVERIFY(box.messages().first().sentAt.isValid());
    }

    void distinctFilesForNonLatinUsers()
    {
        // "Иван" and "Петр" used to become "____" and share one file (and their messages).
        const QString ivan = ChatSession::outboxFileName(S("Work"), S("Иван"));
        const QString petr = ChatSession::outboxFileName(S("Work"), S("Петр"));
        QVERIFY2(ivan != petr, qPrintable(ivan));
        // No profile/user pair spells another one.
        QVERIFY(ChatSession::outboxFileName(S("a-b"), S("c"))
                != ChatSession::outboxFileName(S("a"), S("b-c")));
        QVERIFY(ChatSession::outboxFileName(S("a"), S("bc"))
                != ChatSession::outboxFileName(S("ab"), S("c")));
        QCOMPARE(ChatSession::outboxFileName(S("Work"), S("Иван")), ivan); // stable across runs
        QVERIFY(!ivan.contains(u'/'));
        const QDir dir(path(S("names")));
        {
            Outbox a(dir.filePath(ivan));
            Outbox b(dir.filePath(petr));
            a.add(from(S("Иван"), S("i1")));
            b.add(from(S("Петр"), S("p1")));
        }
        QCOMPARE(ids(Outbox(dir.filePath(ivan)).messages()), QStringList{S("i1")});
        QCOMPARE(ids(Outbox(dir.filePath(petr)).messages()), QStringList{S("p1")});
    }

    void migrationSplitsACollidedOldFile()
    {
        const QDir dir(path(S("migrate")));
        QVERIFY(dir.mkpath(S(".")));
        // What an older Natter wrote for both users of profile "Work" into the one shared file.
        const QString old = dir.filePath(S("outbox-Work-____.json"));
        {
            QFile f(old);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"version\":1,\"messages\":[\n"
                    "{\"id\":\"i1\",\"room\":\"lobby\",\"senderId\":\"Иван\",\"text\":\"от Ивана "
                    "1\",\"state\":\"pending\"},\n"
                    "{\"id\":\"p1\",\"room\":\"lobby\",\"senderId\":\"Петр\",\"text\":\"от "
                    "Петра\",\"state\":\"pending\"},\n"
                    "{\"id\":\"i2\",\"room\":\"dev\",\"senderId\":\"Иван\",\"text\":\"от Ивана "
                    "2\",\"state\":\"failed\"}]}");
        }
        QNetworkAccessManager network;
        const auto session = [&](const QString &user) {
            return std::make_unique<ChatSession>(
                localProfile(S("Work")), user, S("secret"),
                dir.filePath(ChatSession::outboxFileName(S("Work"), user)), nullptr, &network);
        };
        {
            const auto ivan = session(S("Иван"));
            QCOMPARE(ids(ivan->outbox()->messages()), (QStringList{S("i1"), S("i2")}));
            QCOMPARE(ivan->outbox()->message(S("i2"))->state, ChatMessage::State::Failed);
        }
        // Петр's message stays in the old file, and only his.
        const QByteArray rest = readAll(old);
        QVERIFY2(rest.contains("\"p1\"") && !rest.contains("\"i1\"") && !rest.contains("\"i2\""),
                 rest.constData());
        {
            const auto petr = session(S("Петр"));
            QCOMPARE(ids(petr->outbox()->messages()), QStringList{S("p1")});
        }
        QVERIFY(!QFile::exists(old)); // nothing left in it: removed
        // Иван's messages live in his own file now, across restarts.
        const auto ivan = session(S("Иван"));
        QCOMPARE(ids(ivan->outbox()->messages()), (QStringList{S("i1"), S("i2")}));
    }

    void secondOutboxOnAFileInUseKeepsMemoryOnly()
    {
        const QString file = path(S("locked.jsonl"));
        auto first = std::make_unique<Outbox>(file);
        first->add(pending(S("1"), S("lobby"), S("from the first window")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(S("Another Natter is using the outbox")));
        Outbox second(file);
        QVERIFY2(second.lastError().contains(S("Another Natter is using the outbox")),
                 qPrintable(second.lastError()));
        // It neither shows (and re-sends) nor overwrites the first window's messages.
        QVERIFY(second.isEmpty());
        second.add(pending(S("2"), S("lobby"), S("from the second window")));
        QCOMPARE(second.count(), 1);
        first.reset();
        QCOMPARE(ids(Outbox(file).messages()), QStringList{S("1")});
    }

    void lockMessageNamesTheUserAndAStaleLockIsTakenOver()
    {
        const QString file = path(S("owner.jsonl"));
        {
            Outbox first(file);
            QVERIFY(first.isPersistent());
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(S("Another Natter is using the outbox of Иван "
                                                      "on Work; unsent messages of this window "
                                                      "are not kept")));
            Outbox second(file, nullptr, S("Иван on Work"));
            QVERIFY(!second.isPersistent());
            QVERIFY(second.lastError().contains(S("Иван on Work")));
            // Closing hands the file over (a new login of the same user before deleteLater).
            first.add(pending(S("1"), S("lobby"), S("kept")));
            first.close();
            Outbox third(file);
            QVERIFY(third.isPersistent());
            QCOMPARE(ids(third.messages()), QStringList{S("1")});
        }
        // A lock left by a process that is gone (crash) does not block the next start.
        QProcess gone;
        gone.start(S("true"), {});
        QVERIFY(gone.waitForStarted());
        const qint64 pid = gone.processId();
        QVERIFY(gone.waitForFinished());
        {
            QFile lock(file + S(".lock"));
            QVERIFY(lock.open(QIODevice::WriteOnly));
            lock.write(QByteArray::number(pid) + "\nnatter\n" + QSysInfo::machineHostName().toUtf8()
                       + '\n');
        }
        Outbox after(file);
        QVERIFY2(after.isPersistent(), qPrintable(after.lockError()));
        QCOMPARE(ids(after.messages()), QStringList{S("1")});
    }

    void changesAreAppendedNotRewritten()
    {
        const QString file = path(S("append.jsonl"));
        {
            Outbox box(file);
            for (int i = 0; i < 3; ++i)
                box.add(pending(QString::number(i), S("lobby"), S("text")));
        }
        const QByteArray before = readAll(file);
        QVERIFY(before.startsWith("{\"version\":2}\n"));
        QCOMPARE(before.count('\n'), 4); // header + one line per message
        {
            Outbox box(file);
            QVERIFY(box.remove(S("1")));
            QVERIFY(box.setState(S("2"), ChatMessage::State::Failed, S("no")));
        }
        const QByteArray after = readAll(file);
        QVERIFY2(after.startsWith(before), after.constData());
        QCOMPARE(after.count('\n'), 6);
        Outbox again(file);
        QCOMPARE(ids(again.messages()), (QStringList{S("0"), S("2")}));
        QCOMPARE(again.message(S("2"))->error, S("no"));
    }

    void deadRecordsAreCompactedAway()
    {
        const QString file = path(S("compact.jsonl"));
        Outbox box(file);
        for (int i = 0; i < 300; ++i)
            box.add(pending(QString::number(i), S("lobby"), S("text")));
        QVERIFY(box.flush());
        QCOMPARE(readAll(file).count('\n'), 301);
        // Removed one by one, each in its own write, as when the server takes them.
        for (int i = 0; i < 299; ++i) {
            QVERIFY(box.remove(QString::number(i)));
            QVERIFY(box.flush());
        }
        // Without compaction: 300 adds + 299 removes. With it, dead records stay within the
        // slack (256) beyond the live ones.
        const int lines = int(readAll(file).count('\n'));
        QVERIFY2(lines < 1 + 1 + 2 * 256, qPrintable(QString::number(lines)));
        QCOMPARE(ids(box.messages()), QStringList{S("299")});
        box.close();
        QCOMPARE(ids(Outbox(file).messages()), QStringList{S("299")});
    }
    void journalKeepsTheReadablePartOfADamagedFile()
    {
        const QString file = path(S("journal.jsonl"));
        {
            Outbox box(file);
            box.add(pending(S("1"), S("lobby"), S("one")));
            box.add(pending(S("2"), S("lobby"), S("two")));
            box.add(pending(S("3"), S("lobby"), S("three")));
            QVERIFY(box.setState(S("2"), ChatMessage::State::Failed, S("refused")));
            QVERIFY(box.remove(S("3")));
        }
        {
            // A disk error garbled one line; a crash cut the last one short.
            QFile f(file);
            QVERIFY(f.open(QIODevice::Append));
            f.write("garbage \x01 not json\n");
            f.write("{\"op\":\"add\",\"message\":{\"id\":\"4\",\"room\":\"lob");
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("2 unreadable lines")));
        {
            Outbox box(file);
            QCOMPARE(ids(box.messages()), (QStringList{S("1"), S("2")}));
            QCOMPARE(box.message(S("2"))->state, ChatMessage::State::Failed);
            QCOMPARE(box.message(S("2"))->error, S("refused"));
            QVERIFY(box.lastError().contains(S("unreadable")));
            const QStringList aside = QDir(m_dir.path()).entryList({S("journal.jsonl.corrupt-*")});
            QCOMPARE(aside.size(), 1);
            const QString kept = m_dir.filePath(aside.first());
            QVERIFY(readAll(kept).contains("garbage"));
            QVERIFY(readAll(kept).contains("\"id\":\"4\""));
            QCOMPARE(mode(kept), 0600);
            box.add(pending(S("5"), S("lobby"), S("five")));
        }
        // Rewritten clean at load: no warning now, nothing readable lost.
        Outbox again(file);
        QVERIFY(again.lastError().isEmpty());
        QCOMPARE(ids(again.messages()), (QStringList{S("1"), S("2"), S("5")}));
    }

    void oldFormatIsMigratedOnLoad()
    {
        const QString file = path(S("v1.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                "[{\"id\":\"a\",\"room\":\"lobby\",\"text\":\"bare array\",\"state\":\"failed\"}]");
        }
        {
            Outbox box(file);
            QCOMPARE(ids(box.messages()), QStringList{S("a")});
        }
        QVERIFY(readAll(file).startsWith("{\"version\":2}\n"));
        Outbox again(file);
        QCOMPARE(again.message(S("a"))->state, ChatMessage::State::Failed);
    }

    void filesAndFoldersArePrivate()
    {
        const QString top = path(S("private"));
        const QString dir = top + S("/deeper");
        const QString file = dir + S("/outbox.jsonl");
        {
            Outbox box(file);
            box.add(pending(S("1"), S("lobby"), S("secret plans")));
        }
        QCOMPARE(mode(file), 0600);
        QCOMPARE(mode(dir), 0700);
        QCOMPARE(mode(top), 0700);
        // Left readable by an older version: tightened.
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
        {
            Outbox box(file);
            box.add(pending(S("2"), S("lobby"), S("more")));
        }
        QCOMPARE(mode(file), 0600);
        QCOMPARE(mode(dir), 0700);
    }

    void unwritableFileIsReported()
    {
        // A directory where the file should be: every save fails, loudly.
        const QString file = path(S("isadir"));
        QVERIFY(QDir().mkpath(file));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("Cannot read the outbox")));
        Outbox box(file);
        QSignalSpy errors(&box, &Outbox::storageError);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("Cannot write the outbox")));
        box.add(pending(S("1"), S("lobby"), S("a")));
        QTRY_COMPARE(errors.size(), 1); // written at the end of the event-loop turn
        QCOMPARE(box.count(), 1); // still held in memory for this session
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
