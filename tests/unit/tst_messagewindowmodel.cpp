// The view's window over a room's messages: follows appends, trims the top in chunks while
// following, never while the user reads older messages, and extends on demand.
#include <chat/MessageListModel.h>
#include <chat/MessageWindowModel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace natter::chat;

namespace {
ChatMessage message(int i)
{
    ChatMessage m;
    m.id = QStringLiteral("m%1").arg(i);
    m.room = QStringLiteral("lobby");
    m.senderId = QStringLiteral("bob");
    m.senderName = QStringLiteral("Bob");
    m.text = QStringLiteral("message %1").arg(i);
    m.sentAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + i * 1000, Qt::UTC);
    return m;
}
QString textAt(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data(MessageListModel::TextRole).toString();
}
} // namespace

class TestMessageWindowModel : public QObject
{
    Q_OBJECT
private slots:
    void followsAndTrims()
    {
        MessageListModel source;
        MessageWindowModel window(10);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.setSourceModel(&source);
        for (int i = 0; i < 12; ++i)
            QVERIFY(source.append(message(i)));
        // 12 rows: over the window of 10, but trimming waits for an excess of window/2.
        QCOMPARE(window.rowCount(), 12);
        for (int i = 12; i < 15; ++i)
            source.append(message(i));
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(textAt(window, 9), QStringLiteral("message 14"));
        QCOMPARE(textAt(window, 0), QStringLiteral("message 5"));
        QVERIFY(window.hasOlder());
    }

    void batchesArriveAsOneInsert()
    {
        MessageListModel source;
        MessageWindowModel window(100);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.setSourceModel(&source);
        QSignalSpy inserted(&window, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 5000; ++i)
            source.appendLater(message(i));
        source.flushPending();
        QCOMPARE(source.rowCount(), 5000);
        QCOMPARE(window.rowCount(), 100);
        QCOMPARE(textAt(window, 99), QStringLiteral("message 4999"));
        QCOMPARE(inserted.size(), 1);
    }

    void readingOlderStopsTrimmingAndShowOlderExtends()
    {
        MessageListModel source;
        MessageWindowModel window(10);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 30; ++i)
            source.append(message(i));
        window.setSourceModel(&source);
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(window.showOlder(15), 15);
        QCOMPARE(window.rowCount(), 25);
        QCOMPARE(textAt(window, 0), QStringLiteral("message 5"));
        window.setTrimming(false);
        for (int i = 30; i < 60; ++i)
            source.append(message(i));
        QCOMPARE(window.rowCount(), 55);
        QCOMPARE(window.showOlder(100), 5);
        QVERIFY(!window.hasOlder());
        window.setTrimming(true);
        QCOMPARE(window.rowCount(), 10);
    }

    void removalsAndChangesAreMapped()
    {
        MessageListModel source;
        MessageWindowModel window(10);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 30; ++i)
            source.append(message(i));
        window.setSourceModel(&source);
        QCOMPARE(window.firstSourceRow(), 20);
        QVERIFY(source.remove(QStringLiteral("m3"))); // hidden above
        QCOMPARE(window.firstSourceRow(), 19);
        QCOMPARE(textAt(window, 0), QStringLiteral("message 20"));
        QVERIFY(source.remove(QStringLiteral("m25"))); // visible
        QCOMPARE(window.rowCount(), 9);
        QSignalSpy changed(&window, &QAbstractItemModel::dataChanged);
        QVERIFY(source.setState(QStringLiteral("m29"), ChatMessage::State::Failed,
                                QStringLiteral("no")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 8);
        QVERIFY(source.setState(QStringLiteral("m1"), ChatMessage::State::Failed,
                                QStringLiteral("no")));
        QCOMPARE(changed.size(), 1); // hidden: nothing to repaint
    }
};

QTEST_GUILESS_MAIN(TestMessageWindowModel)
#include "tst_messagewindowmodel.moc"
