// MessageListModel: appends, batches, state changes and removal under QAbstractItemModelTester;
// grouping and day separators with fixed times; duplicate ids.
#include "chat/MessageListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::MessageListModel;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// A local wall-clock time, so day boundaries are the local ones whatever the machine's zone.
QDateTime local(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s)).toUTC();
}

ChatMessage msg(const QString &id, const QString &sender, const QDateTime &at,
                const QString &text = S("hi"))
{
    ChatMessage m;
    m.id = id;
    m.room = S("lobby");
    m.senderId = sender;
    m.senderName = sender.toUpper();
    m.text = text;
    m.sentAt = at;
    m.state = ChatMessage::State::Received;
    return m;
}

QVariant role(const MessageListModel &model, int row, int role)
{
    return model.data(model.index(row), role);
}

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT
private slots:
    // natter-server mode: rows ordered by the server's id, our pending ones at the bottom, an
    // older page inserted at the top without "appended" (the view must not jump), our own message
    // coming back from the server updated in place.
    void mergeOrdersByServerIdAndDeduplicates()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy appended(&model, &MessageListModel::messagesAppended);
        const QDateTime t = local(2024, 3, 1, 10, 0);
        const auto stored = [&](const QString &id, qint64 serverId) {
            ChatMessage m = msg(id, S("bob"), t.addSecs(serverId), id);
            m.serverId = serverId;
            return m;
        };
        ChatMessage pending = msg(S("mine"), S("me"), t.addSecs(100), S("mine"));
        pending.own = true;
        pending.state = ChatMessage::State::Pending;
        QVERIFY(model.append(pending));
        appended.clear();
        // Out of order within the batch and against the pending row.
        QList<ChatMessage> added = model.merge({stored(S("c"), 30), stored(S("a"), 10)});
        QCOMPARE(added.size(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.at(0).id, S("a"));
        QCOMPARE(model.at(1).id, S("c"));
        QCOMPARE(model.at(2).id, S("mine")); // pending stays last
        QCOMPARE(appended.size(), 0); // inserted above the bottom row
        added = model.merge({stored(S("b"), 20), stored(S("c"), 30), stored(S("b"), 20)});
        QCOMPARE(added.size(), 1);
        QCOMPARE(model.at(1).id, S("b"));
        QCOMPARE(model.rowOf(S("c")), 2);
        QCOMPARE(model.rowOf(S("mine")), 3);
        // Our message, stored by the server as 40: confirmed in place, not a second row.
        ChatMessage echo = stored(S("mine"), 40);
        echo.own = true;
        QVERIFY(model.merge({echo}).isEmpty());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.at(3).serverId, 40);
        QCOMPARE(model.at(3).state, ChatMessage::State::Sent);
        // Newer ones land at the bottom: "appended".
        model.merge({stored(S("e"), 50), stored(S("d"), 45)});
        QCOMPARE(model.at(4).id, S("d"));
        QCOMPARE(model.at(5).id, S("e"));
        QCOMPARE(appended.size(), 1);
        QCOMPARE(appended.last().at(0).toInt(), 4);
        QCOMPARE(appended.last().at(1).toInt(), 5);
        QCOMPARE(model.oldestServerId(), 10);
        QCOMPARE(model.newestServerId(), 50);
        // An older page at the top.
        model.merge({stored(S("z1"), 1), stored(S("z2"), 2)});
        QCOMPARE(model.at(0).id, S("z1"));
        QCOMPARE(model.at(1).id, S("z2"));
        QCOMPARE(model.rowOf(S("e")), 7);
        QCOMPARE(appended.size(), 1);
    }

    void appendsAndRoles()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy appended(&model, &MessageListModel::messagesAppended);
        QSignalSpy count(&model, &MessageListModel::countChanged);
        ChatMessage own = msg(S("a"), S("me"), local(2024, 3, 1, 10, 0));
        own.own = true;
        own.state = ChatMessage::State::Pending;
        QVERIFY(model.append(own));
        QVERIFY(model.append(msg(S("b"), S("bob"), local(2024, 3, 1, 10, 1), S("<b>not bold</b>"))));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.count(), 2);
        QCOMPARE(count.size(), 2);
        QCOMPARE(appended.size(), 2);
        QCOMPARE(appended.at(0), (QVariantList{0, 0, true}));
        QCOMPARE(appended.at(1), (QVariantList{1, 1, false}));
        QCOMPARE(role(model, 0, MessageListModel::IdRole).toString(), S("a"));
        QCOMPARE(role(model, 0, MessageListModel::OwnRole).toBool(), true);
        QCOMPARE(role(model, 0, MessageListModel::StateRole).toInt(),
                 int(ChatMessage::State::Pending));
        QCOMPARE(role(model, 1, MessageListModel::SenderIdRole).toString(), S("bob"));
        QCOMPARE(role(model, 1, MessageListModel::SenderNameRole).toString(), S("BOB"));
        QCOMPARE(role(model, 1, MessageListModel::TextRole).toString(), S("<b>not bold</b>"));
        QCOMPARE(role(model, 1, Qt::DisplayRole).toString(), S("<b>not bold</b>"));
        QCOMPARE(role(model, 1, MessageListModel::SentAtRole).toDateTime(),
                 local(2024, 3, 1, 10, 1));
        QCOMPARE(model.rowOf(S("b")), 1);
        QCOMPARE(model.rowOf(S("zzz")), -1);
        QVERIFY(model.roleNames().contains(MessageListModel::GroupedRole));
        QVERIFY(!role(model, 5, MessageListModel::TextRole).isValid());
    }

    void duplicatesAreRefused()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.append(msg(S("x"), S("bob"), local(2024, 3, 1, 10, 0))));
        QVERIFY(!model.append(msg(S("x"), S("eve"), local(2024, 3, 1, 10, 0), S("replay"))));
        QVERIFY(!model.appendLater(msg(S("x"), S("eve"), local(2024, 3, 1, 10, 0))));
        QVERIFY(model.appendLater(msg(S("y"), S("bob"), local(2024, 3, 1, 10, 0))));
        QVERIFY(!model.appendLater(msg(S("y"), S("bob"), local(2024, 3, 1, 10, 0))));
        QVERIFY(!model.append(msg(S("y"), S("bob"), local(2024, 3, 1, 10, 0))));
        QVERIFY(!model.append(msg(QString(), S("bob"), local(2024, 3, 1, 10, 0))));
        model.flushPending();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(role(model, 0, MessageListModel::TextRole).toString(), S("hi"));
    }

    void batchesOneInsertPerTurn()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy appended(&model, &MessageListModel::messagesAppended);
        const QDateTime t0 = local(2024, 3, 1, 10, 0);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(model.appendLater(msg(QString::number(i), S("bob"), t0.addSecs(i))));
        QCOMPARE(model.rowCount(), 0); // nothing before the event loop turns
        QCOMPARE(model.pendingCount(), 1000);
        QVERIFY(model.contains(S("999")));
        QTRY_COMPARE(model.rowCount(), 1000);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 999);
        QCOMPARE(appended.size(), 1);
        QCOMPARE(appended.at(0), (QVariantList{0, 999, false}));
        QCOMPARE(role(model, 999, MessageListModel::IdRole).toString(), S("999"));
        // A direct append after buffered ones keeps the arrival order.
        QVERIFY(model.appendLater(msg(S("later"), S("bob"), t0)));
        QVERIFY(model.append(msg(S("now"), S("bob"), t0)));
        QCOMPARE(model.rowOf(S("later")), 1000);
        QCOMPARE(model.rowOf(S("now")), 1001);
        QCOMPARE(inserted.size(), 3);
    }

    void bigBurstIsFast()
    {
        MessageListModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QDateTime t0 = local(2024, 3, 1, 10, 0);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100000; ++i)
            model.appendLater(msg(QString::number(i), S("bob"), t0));
        model.flushPending();
        QCOMPARE(model.rowCount(), 100000);
        QCOMPARE(inserted.size(), 1);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void rowsAndIdIndexAreBounded()
    {
        MessageListModel model(100);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.maxMessages(), 100);
        QVERIFY(model.rememberedIds() >= model.maxMessages());
        QSignalSpy appended(&model, &MessageListModel::messagesAppended);
        const QDateTime t0 = local(2024, 3, 1, 10, 0);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(model.append(msg(QString::number(i), S("bob"), t0.addSecs(i))));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.at(0).id, S("900"));
        QCOMPARE(model.at(99).id, S("999"));
        QCOMPARE(model.rowOf(S("999")), 99);
        QCOMPARE(appended.last(), (QVariantList{99, 99, false}));
        QVERIFY2(model.idIndexSize() <= model.rememberedIds(),
                 qPrintable(QString::number(model.idIndexSize())));
        // A recently dropped message is still a duplicate: a redelivery does not reappear.
        QCOMPARE(model.rowOf(S("850")), -1);
        QVERIFY(model.contains(S("850")));
        QVERIFY(!model.append(msg(S("850"), S("bob"), t0)));
        QVERIFY(!model.appendLater(msg(S("850"), S("bob"), t0)));
        QCOMPARE(model.rowCount(), 100);
        // Long gone ones are forgotten: the index does not grow with the traffic.
        QVERIFY(!model.contains(S("0")));

        // Bursts are trimmed the same way, in one removal per batch.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 1000; i < 11000; ++i)
            QVERIFY(model.appendLater(msg(QString::number(i), S("bob"), t0.addSecs(i))));
        model.flushPending();
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.at(0).id, S("10900"));
        QCOMPARE(model.rowOf(S("10999")), 99);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(appended.last(), (QVariantList{0, 99, false}));
        QVERIFY2(model.idIndexSize() <= model.rememberedIds(),
                 qPrintable(QString::number(model.idIndexSize())));
        // Removing and state changes still find rows after the top was dropped.
        QVERIFY(model.setState(S("10950"), ChatMessage::State::Failed, S("x")));
        QCOMPARE(role(model, 50, MessageListModel::StateRole).toInt(),
                 int(ChatMessage::State::Failed));
        QVERIFY(model.remove(S("10950")));
        QCOMPARE(model.rowOf(S("10951")), 50);
        QCOMPARE(model.rowCount(), 99);
    }

    void defaultCapHoldsABigBurst()
    {
        MessageListModel model;
        QCOMPARE(model.maxMessages(), MessageListModel::DefaultMaxMessages);
        QVERIFY(model.maxMessages() >= 100000);
    }

    void stateChanges()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ChatMessage m = msg(S("a"), S("me"), local(2024, 3, 1, 10, 0));
        m.state = ChatMessage::State::Pending;
        model.append(m);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setState(S("a"), ChatMessage::State::Failed, S("refused")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(role(model, 0, MessageListModel::StateRole).toInt(),
                 int(ChatMessage::State::Failed));
        QCOMPARE(role(model, 0, MessageListModel::ErrorRole).toString(), S("refused"));
        QVERIFY(model.setState(S("a"), ChatMessage::State::Failed, S("refused")));
        QCOMPARE(changed.size(), 1); // no change, no signal
        QVERIFY(model.setState(S("a"), ChatMessage::State::Sent));
        QCOMPARE(role(model, 0, MessageListModel::ErrorRole).toString(), QString());
        QVERIFY(!model.setState(S("nope"), ChatMessage::State::Sent));
        // A buffered message takes the state with it.
        model.appendLater(msg(S("b"), S("me"), local(2024, 3, 1, 10, 0)));
        QVERIFY(model.setState(S("b"), ChatMessage::State::Sent));
        model.flushPending();
        QCOMPARE(role(model, 1, MessageListModel::StateRole).toInt(), int(ChatMessage::State::Sent));
    }

    void removal()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t0 = local(2024, 3, 1, 10, 0);
        model.append(msg(S("a"), S("bob"), t0));
        model.append(msg(S("b"), S("eve"), t0.addSecs(10)));
        model.append(msg(S("c"), S("bob"), t0.addSecs(20)));
        QCOMPARE(role(model, 2, MessageListModel::GroupedRole).toBool(), false);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.remove(S("b")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(S("c")), 1);
        // c now follows a: same sender within 5 minutes, grouped; the view was told.
        QCOMPARE(role(model, 1, MessageListModel::GroupedRole).toBool(), true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QVERIFY(!model.remove(S("b")));
        QVERIFY(model.remove(S("c")));
        QVERIFY(model.remove(S("a")));
        QCOMPARE(model.rowCount(), 0);
        // Removing a buffered one.
        model.appendLater(msg(S("d"), S("bob"), t0));
        QVERIFY(model.remove(S("d")));
        model.flushPending();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.append(msg(S("a"), S("bob"), t0))); // the id is free again
    }

    void grouping()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(msg(S("1"), S("bob"), local(2024, 3, 1, 10, 0)));
        model.append(msg(S("2"), S("bob"), local(2024, 3, 1, 10, 4, 59))); // 4:59 later
        model.append(msg(S("3"), S("bob"), local(2024, 3, 1, 10, 10, 0))); // 5:01 after #2
        model.append(msg(S("4"), S("eve"), local(2024, 3, 1, 10, 10, 30))); // other sender
        model.append(msg(S("5"), S("bob"), local(2024, 3, 1, 10, 11, 0))); // bob after eve
        model.append(msg(S("6"), S("bob"), local(2024, 3, 1, 23, 59, 0)));
        model.append(msg(S("7"), S("bob"), local(2024, 3, 2, 0, 1, 0))); // 2 min, next day
        const QList<bool> expected{false, true, false, false, false, false, false};
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(role(model, i, MessageListModel::GroupedRole).toBool(), expected.at(i));
    }

    void daySeparators()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(msg(S("1"), S("bob"), local(2024, 2, 28, 22, 0)));
        model.append(msg(S("2"), S("bob"), local(2024, 2, 28, 23, 59)));
        model.append(msg(S("3"), S("bob"), local(2024, 2, 29, 0, 0)));
        model.append(msg(S("4"), S("eve"), local(2024, 3, 5, 12, 0)));
        model.append(msg(S("5"), S("eve"), local(2024, 3, 5, 12, 1)));
        QCOMPARE(role(model, 0, MessageListModel::DaySeparatorRole).toDate(), QDate(2024, 2, 28));
        QVERIFY(!role(model, 1, MessageListModel::DaySeparatorRole).toDate().isValid());
        QCOMPARE(role(model, 2, MessageListModel::DaySeparatorRole).toDate(), QDate(2024, 2, 29));
        QCOMPARE(role(model, 3, MessageListModel::DaySeparatorRole).toDate(), QDate(2024, 3, 5));
        QVERIFY(!role(model, 4, MessageListModel::DaySeparatorRole).toDate().isValid());
        // Removing the first message of a day moves the separator to the next one.
        model.remove(S("4"));
        QCOMPARE(role(model, 3, MessageListModel::DaySeparatorRole).toDate(), QDate(2024, 3, 5));
    }

    void accessibleTextSaysWhoWhatAndState()
    {
        MessageListModel model;
        ChatMessage m;
        m.id = QStringLiteral("a1");
        m.senderId = QStringLiteral("alice");
        m.senderName = QStringLiteral("Alice");
        m.text = QStringLiteral("<b>hi</b>");
        m.sentAt = QDateTime::currentDateTimeUtc();
        m.state = ChatMessage::State::Pending;
        QVERIFY(model.append(m));
        const QString spoken = model.index(0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.startsWith(QStringLiteral("Alice at ")), qPrintable(spoken));
        QVERIFY2(spoken.contains(QStringLiteral(": <b>hi</b> (sending)")), qPrintable(spoken));
        QVERIFY(model.setState(QStringLiteral("a1"), ChatMessage::State::Failed,
                               QStringLiteral("offline")));
        QVERIFY(model.index(0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .endsWith(QStringLiteral("(not sent: offline)")));
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
