// Outbox: persistence across a new Outbox object on the same file, order, state changes,
// removal, and unreadable files (set aside with a warning, never dropped silently).
#include "chat/Outbox.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::Outbox;

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
        Outbox again(file);
        QCOMPARE(ids(again.messages()), (QStringList{S("1"), S("3")}));
        QCOMPARE(again.messages().first().text, S("a edited"));
        QVERIFY(again.remove(S("1")));
        QVERIFY(again.remove(S("3")));
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
        QCOMPARE(errors.size(), 1);
        QCOMPARE(box.count(), 1); // still held in memory for this session
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
