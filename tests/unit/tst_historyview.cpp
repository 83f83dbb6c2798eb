// History in the message view (natter-server mode): reaching the top asks for older messages
// when the room has more, shows "Loading older messages…" at the top while they load, asks
// nothing when there are no more, and an older page inserted above keeps the message the user
// was reading where it was.
#include "MessageView.h"

#include <chat/ChatMessage.h>
#include <chat/MessageListModel.h>

#include <QFrame>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using natter::chat::ChatMessage;
using natter::chat::MessageListModel;
using natter::ui::MessageView;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Server messages `first`..`last` (server ids), of varying height, a minute apart.
QList<ChatMessage> serverMessages(int first, int last)
{
    const QDateTime t0 = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);
    QList<ChatMessage> out;
    for (int i = first; i <= last; ++i) {
        ChatMessage m;
        m.id = S("c-%1").arg(i);
        m.serverId = i;
        m.room = S("lobby");
        m.senderId = i % 3 ? S("u_bob") : S("u_carol");
        m.senderName = i % 3 ? S("bob") : S("carol");
        m.text = i % 4 ? S("line %1").arg(i)
                       : S("a longer line %1 that wraps over more than one line in a narrow "
                           "window, so rows differ in height")
                             .arg(i);
        m.sentAt = t0.addSecs(60 * i);
        m.state = ChatMessage::State::Received;
        out << m;
    }
    return out;
}

struct Rig
{
    Rig()
    {
        model.merge(serverMessages(101, 150)); // the newest page
        view.resize(420, 360);
        view.setMessages(&model);
        view.setOlderAvailable(true);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCoreApplication::processEvents();
    }
    QScrollBar *bar() const { return view.verticalScrollBar(); }
    QModelIndex topIndex() const { return view.indexAt(QPoint(view.viewport()->width() / 2, 0)); }
    QLabel *indicatorText() const { return view.olderIndicator()->findChild<QLabel *>(); }

    MessageListModel model;
    MessageView view;
};

} // namespace

class TestHistoryView : public QObject
{
    Q_OBJECT

private slots:
    void reachingTheTopAsksForOlderMessages()
    {
        Rig rig;
        QSignalSpy asked(&rig.view, &MessageView::olderMessagesRequested);
        QVERIFY(rig.bar()->maximum() > 0);
        QCOMPARE(rig.bar()->value(), rig.bar()->maximum()); // opened at the newest
        QCOMPARE(asked.size(), 0);
        QVERIFY(!rig.view.olderIndicator()->isVisible());

        rig.bar()->setValue(rig.bar()->maximum() / 2);
        QCOMPARE(asked.size(), 0); // not at the top yet
        rig.bar()->setValue(0);
        QCOMPARE(asked.size(), 1);

        // The room starts the fetch: the busy row at the top, plain text.
        rig.view.setLoadingOlder(true);
        QVERIFY(rig.view.olderIndicator()->isVisible());
        QCOMPARE(rig.indicatorText()->text(), S("Loading older messages…"));
        QCOMPARE(rig.indicatorText()->textFormat(), Qt::PlainText);
        QCOMPARE(rig.view.olderIndicator()->accessibleName(), S("Loading older messages"));
        QVERIFY(rig.view.olderIndicator()->geometry().top()
                < rig.view.viewport()->geometry().top() + 20);

        // No second request while one runs.
        rig.bar()->setValue(20);
        rig.bar()->setValue(0);
        QCOMPARE(asked.size(), 1);
    }

    void olderPageKeepsTheReadMessageInPlace()
    {
        Rig rig;
        QSignalSpy asked(&rig.view, &MessageView::olderMessagesRequested);
        rig.bar()->setValue(0);
        QCOMPARE(asked.size(), 1);
        rig.view.setLoadingOlder(true);
        // The user scrolls down a little while the page loads: that is what they read.
        rig.bar()->setValue(37);
        const QModelIndex top = rig.topIndex();
        QVERIFY(top.isValid());
        const QString readId = top.data(MessageListModel::IdRole).toString();
        const int readY = rig.view.visualRect(top).bottom(); // where its text ends
        const int rowsBefore = rig.view.model()->rowCount();

        QCOMPARE(rig.model.merge(serverMessages(51, 100)).size(), 50);
        rig.view.setLoadingOlder(false);
        QCoreApplication::processEvents(); // the view's delayed layout

        QCOMPARE(rig.view.model()->rowCount(), rowsBefore + 50);
        QCOMPARE(rig.view.model()->index(0, 0).data(MessageListModel::IdRole).toString(), S("c-51"));
        // The message read stays where it was (its text: it may lose its header, now that an
        // older message by the same sender precedes it).
        const int row = rig.model.rowOf(readId) - rig.view.window()->firstSourceRow();
        const QModelIndex read = rig.view.model()->index(row, 0);
        QCOMPARE(read.data(MessageListModel::IdRole).toString(), readId);
        QVERIFY2(qAbs(rig.view.visualRect(read).bottom() - readY) <= 1,
                 qPrintable(
                     QStringLiteral("%1 -> %2").arg(readY).arg(rig.view.visualRect(read).bottom())));
        QVERIFY(rig.view.visualRect(read).intersects(rig.view.viewport()->rect()));
        QVERIFY(!rig.view.olderIndicator()->isVisible());
        QVERIFY(!rig.view.isFollowing());
        QCOMPARE(asked.size(), 1); // being moved away from the top asks nothing

        // At the top again: the next page.
        rig.bar()->setValue(0);
        QCOMPARE(asked.size(), 2);
    }

    void nothingWhenThereIsNoMore()
    {
        Rig rig;
        rig.view.setOlderAvailable(false);
        QSignalSpy asked(&rig.view, &MessageView::olderMessagesRequested);
        rig.bar()->setValue(0);
        QCoreApplication::processEvents();
        QCOMPARE(asked.size(), 0);
        QVERIFY(!rig.view.olderIndicator()->isVisible());
    }

    // A first page shorter than the window cannot be scrolled: the wheel still asks.
    void wheelAsksWhenNothingScrolls()
    {
        MessageListModel model;
        model.merge(serverMessages(99, 100));
        MessageView view;
        view.resize(420, 360);
        view.setMessages(&model);
        view.setOlderAvailable(true);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.verticalScrollBar()->maximum(), 0);
        QSignalSpy asked(&view, &MessageView::olderMessagesRequested);
        const QPointF at(view.viewport()->rect().center());
        QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QCOMPARE(asked.size(), 1);
    }

    // Switching rooms resets the history state: another room's busy row is not shown.
    void newRoomStartsWithoutBusyRow()
    {
        Rig rig;
        rig.view.setLoadingOlder(true);
        MessageListModel other;
        other.merge(serverMessages(1, 40));
        rig.view.setMessages(&other);
        QVERIFY(!rig.view.isLoadingOlder());
        QVERIFY(!rig.view.olderAvailable());
        QVERIFY(!rig.view.olderIndicator()->isVisible());
    }
};

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
