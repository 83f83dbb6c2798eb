// Find in room over the loaded messages (MessageFinder): case-insensitive matches, the "N of M"
// count from the newest, next/previous wrapping around, and the model followed as it changes.
#include <chat/MessageFinder.h>
#include <chat/MessageListModel.h>

#include <QSignalSpy>
#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::MessageFinder;
using natter::chat::MessageListModel;

namespace {

ChatMessage message(const QString &id, const QString &text, qint64 serverId = 0)
{
    ChatMessage m;
    m.id = id;
    m.room = QStringLiteral("lobby");
    m.senderId = QStringLiteral("bob");
    m.senderName = QStringLiteral("Bob");
    m.text = text;
    m.sentAt = QDateTime::currentDateTimeUtc();
    m.serverId = serverId;
    return m;
}

} // namespace

class TestMessageFinder : public QObject
{
    Q_OBJECT

private slots:
    void findsCaseInsensitivelyFromTheNewest();
    void nextAndPreviousWrapAround();
    void emptyQueryAndNoModel();
    void followsNewMessagesAndKeepsTheCurrentOne();
    void followsHistoryRemovalsAndEdits();
    void matchRanges();
};

void TestMessageFinder::findsCaseInsensitivelyFromTheNewest()
{
    MessageListModel model;
    model.append(message(QStringLiteral("a"), QStringLiteral("Deploy tonight")));
    model.append(message(QStringLiteral("b"), QStringLiteral("lunch?")));
    model.append(message(QStringLiteral("c"), QStringLiteral("the DEPLOY failed")));
    model.append(message(QStringLiteral("d"), QStringLiteral("redeploying now")));
    MessageFinder finder;
    QSignalSpy moved(&finder, &MessageFinder::currentMoved);
    finder.setModel(&model);
    finder.setQuery(QStringLiteral("deploy"));
    QCOMPARE(finder.count(), 3);
    QCOMPARE(finder.position(), 1);
    QCOMPARE(finder.currentId(), QStringLiteral("d")); // the newest first
    QCOMPARE(finder.currentRow(), 3);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.last().at(0).toString(), QStringLiteral("d"));
    QVERIFY(finder.isMatch(QStringLiteral("a")));
    QVERIFY(!finder.isMatch(QStringLiteral("b")));

    finder.setQuery(QStringLiteral("LUNCH"));
    QCOMPARE(finder.count(), 1);
    QCOMPARE(finder.currentId(), QStringLiteral("b"));
    finder.setQuery(QStringLiteral("pizza"));
    QCOMPARE(finder.count(), 0);
    QCOMPARE(finder.position(), 0);
    QCOMPARE(finder.currentId(), QString());
    QCOMPARE(finder.currentRow(), -1);
    // Text is text: nothing in a query is a pattern.
    model.append(message(QStringLiteral("e"), QStringLiteral("50% off (.*) [a-z]")));
    finder.setQuery(QStringLiteral("(.*)"));
    QCOMPARE(finder.count(), 1);
    finder.setQuery(QStringLiteral("."));
    QCOMPARE(finder.count(), 1);
}

void TestMessageFinder::nextAndPreviousWrapAround()
{
    MessageListModel model;
    for (int i = 0; i < 5; ++i)
        model.append(message(QStringLiteral("m%1").arg(i),
                             i % 2 == 0 ? QStringLiteral("match %1").arg(i)
                                        : QStringLiteral("other %1").arg(i)));
    MessageFinder finder;
    finder.setModel(&model);
    finder.setQuery(QStringLiteral("MATCH"));
    QCOMPARE(finder.count(), 3); // m0, m2, m4
    QCOMPARE(finder.currentId(), QStringLiteral("m4"));
    QStringList seen;
    QList<int> positions;
    for (int i = 0; i < 4; ++i) {
        finder.next(); // older
        seen << finder.currentId();
        positions << finder.position();
    }
    QCOMPARE(seen,
             (QStringList{QStringLiteral("m2"), QStringLiteral("m0"), QStringLiteral("m4"),
                          QStringLiteral("m2")}));
    QCOMPARE(positions, (QList<int>{2, 3, 1, 2}));
    seen.clear();
    for (int i = 0; i < 3; ++i) {
        finder.previous(); // newer
        seen << finder.currentId();
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("m4"), QStringLiteral("m0"), QStringLiteral("m2")}));
    QCOMPARE(finder.position(), 2);
}

void TestMessageFinder::emptyQueryAndNoModel()
{
    MessageFinder finder;
    finder.setQuery(QStringLiteral("x"));
    QCOMPARE(finder.count(), 0);
    finder.next();
    finder.previous();
    QCOMPARE(finder.currentId(), QString());

    MessageListModel model;
    model.append(message(QStringLiteral("a"), QStringLiteral("   spaced   ")));
    finder.setModel(&model);
    finder.setQuery(QStringLiteral("   "));
    QCOMPARE(finder.count(), 0); // only spaces: no search
    finder.setQuery(QString());
    QCOMPARE(finder.count(), 0);
    finder.setQuery(QStringLiteral("spaced"));
    QCOMPARE(finder.count(), 1);
    finder.setModel(nullptr);
    QCOMPARE(finder.count(), 0);
    QCOMPARE(finder.currentRow(), -1);
}

void TestMessageFinder::followsNewMessagesAndKeepsTheCurrentOne()
{
    MessageListModel model;
    model.append(message(QStringLiteral("a"), QStringLiteral("ping one")));
    model.append(message(QStringLiteral("b"), QStringLiteral("ping two")));
    MessageFinder finder;
    finder.setModel(&model);
    finder.setQuery(QStringLiteral("ping"));
    finder.next();
    QCOMPARE(finder.currentId(), QStringLiteral("a"));
    QCOMPARE(finder.position(), 2);
    QSignalSpy moved(&finder, &MessageFinder::currentMoved);
    QSignalSpy changed(&finder, &MessageFinder::changed);

    model.append(message(QStringLiteral("c"), QStringLiteral("PING three")));
    model.append(message(QStringLiteral("d"), QStringLiteral("nothing")));
    // A burst through appendLater: searched when it lands.
    model.appendLater(message(QStringLiteral("e"), QStringLiteral("ping four")));
    model.appendLater(message(QStringLiteral("f"), QStringLiteral("ping five")));
    model.flushPending();
    QCOMPARE(finder.count(), 5);
    QCOMPARE(finder.currentId(), QStringLiteral("a")); // the reader stays where they are
    QCOMPARE(finder.position(), 5);
    QCOMPARE(moved.size(), 0);
    QVERIFY(changed.size() >= 2);
    finder.previous();
    QCOMPARE(finder.currentId(), QStringLiteral("b"));
}

void TestMessageFinder::followsHistoryRemovalsAndEdits()
{
    MessageListModel model;
    model.merge({message(QStringLiteral("s10"), QStringLiteral("hello ten"), 10),
                 message(QStringLiteral("s11"), QStringLiteral("hello eleven"), 11)});
    MessageFinder finder;
    finder.setModel(&model);
    finder.setQuery(QStringLiteral("hello"));
    QCOMPARE(finder.count(), 2);
    finder.next();
    QCOMPARE(finder.currentId(), QStringLiteral("s10"));

    // An older page lands above: counted, in order, the current one kept.
    model.merge({message(QStringLiteral("s5"), QStringLiteral("hello five"), 5),
                 message(QStringLiteral("s6"), QStringLiteral("bye six"), 6)});
    QCOMPARE(finder.count(), 3);
    QCOMPARE(finder.currentId(), QStringLiteral("s10"));
    QCOMPARE(finder.position(), 2);
    finder.next();
    QCOMPARE(finder.currentId(), QStringLiteral("s5"));
    QCOMPARE(finder.currentRow(), 0);

    // The current match goes away: the newest match takes its place.
    QSignalSpy moved(&finder, &MessageFinder::currentMoved);
    QVERIFY(model.remove(QStringLiteral("s5")));
    QCOMPARE(finder.count(), 2);
    QCOMPARE(finder.currentId(), QStringLiteral("s11"));
    QCOMPARE(moved.size(), 1);
    // Another one is removed: the current one stays.
    QVERIFY(model.remove(QStringLiteral("s10")));
    QCOMPARE(finder.count(), 1);
    QCOMPARE(finder.currentId(), QStringLiteral("s11"));
    QCOMPARE(moved.size(), 1);
}

void TestMessageFinder::matchRanges()
{
    using Ranges = QList<std::pair<int, int>>;
    QCOMPARE(MessageFinder::matchRanges(QStringLiteral("Abc abc ABC"), QStringLiteral("abc")),
             (Ranges{{0, 3}, {4, 3}, {8, 3}}));
    QCOMPARE(MessageFinder::matchRanges(QStringLiteral("aaaa"), QStringLiteral("aa")),
             (Ranges{{0, 2}, {2, 2}}));
    QCOMPARE(MessageFinder::matchRanges(QStringLiteral("text"), QString()), Ranges());
    QCOMPARE(MessageFinder::matchRanges(QStringLiteral("text"), QStringLiteral("x y")), Ranges());
}

QTEST_GUILESS_MAIN(TestMessageFinder)
#include "tst_messagefinder.moc"
