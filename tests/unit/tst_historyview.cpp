// History in the message view (natter-server mode): reaching the top asks for older messages
// when the room has more, shows "Loading older messages…" at the top while they load, asks
// nothing when there are no more, and an older page inserted above keeps the message the user
// was reading where it was. Then the same through ChatPage, a ChatController with the
// ServerMessageRoute and an in-process FakeNatterServer (real HTTP on loopback).
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeNatterServer.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "ChatPage.h"
#include "MessageView.h"

#include <chat/ChatController.h>
#include <chat/ChatMessage.h>
#include <chat/MessageListModel.h>
#include <chat/NatterServerApi.h>
#include <chat/Outbox.h>
#include <chat/Room.h>
#include <chat/ServerMessageRoute.h>
#include <pusher/ConnectionOptions.h>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

#include <QFrame>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using natter::chat::ChatController;
using natter::chat::ChatMessage;
using natter::chat::MessageListModel;
using natter::chat::NatterServerApi;
using natter::chat::Outbox;
using natter::chat::Room;
using natter::chat::ServerMessageRoute;
using natter::ui::ChatPage;
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

// A window logged in through a (fake) natter-server whose lobby has `stored` messages.
struct ServerRig
{
    explicit ServerRig(int stored)
    {
        for (int i = 1; i <= stored; ++i)
            server.storeMessage(S("lobby"), i % 2 ? S("bob") : S("carol"), S("old %1").arg(i));
        api.setToken(server.addSession(S("alice")));
        api.setTimeoutMs(3000);
        auth.userId = S("u_0000000000000001");
        auth.userName = S("alice");
        auth.setAutoAnswerDefault();
        outbox = std::make_unique<Outbox>(dir.filePath(S("outbox.jsonl")));
        chat = std::make_unique<ChatController>(outbox.get());
        chat->setRoute(&route);
        options.key = S("app-key");
        options.host = S("127.0.0.1");
        options.port = 6001;
        options.tls = false;
        page = std::make_unique<ChatPage>();
        page->resize(900, 500);
    }
    ~ServerRig() { page.reset(); }

    Room *loggedIn()
    {
        Room *room = chat->joinRoom(S("lobby"));
        page->setController(chat.get());
        page->show();
        chat->start(options, &auth, auth.userId, S("alice"), &clock, net.factory());
        net.last()->accept(S("1.1"));
        FakeClock::pumpEvents();
        QJsonObject hash{{auth.userId, QJsonObject{{S("name"), S("alice")}}}};
        net.last()->serverSend(
            frames::presenceSucceeded(S("presence-lobby"), QJsonArray{auth.userId}, hash));
        FakeClock::pumpEvents();
        if (!QTest::qWaitFor([room] { return !room->isFetchingHistory(); }, 5000))
            qWarning("the first history page did not arrive in 5 s");
        QCoreApplication::processEvents();
        return room;
    }

    QTemporaryDir dir;
    FakeNatterServer server;
    QNetworkAccessManager network;
    NatterServerApi api{&network, server.url()};
    ServerMessageRoute route{&api};
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<ChatPage> page;
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

    // The page asks the room's server for older pages as the user scrolls up, shows the busy row
    // while one loads, and stops asking when the server says there is no more.
    void chatPageLoadsOlderPagesFromTheServer()
    {
        ServerRig rig(120);
        Room *room = rig.loggedIn();
        QCOMPARE(room->messages()->rowCount(), ServerMessageRoute::PageSize); // the newest page
        QVERIFY(room->hasOlder());
        MessageView *view = rig.page->messageView();
        QVERIFY(view->olderAvailable());
        const QString get = S("GET /rooms/lobby/messages");
        const int fetchesBefore = rig.server.count(get);

        view->verticalScrollBar()->setValue(0);
        QVERIFY(room->isLoadingOlder());
        QVERIFY(view->olderIndicator()->isVisible());
        QVERIFY(QTest::qWaitFor([room] { return !room->isLoadingOlder(); }, 5000));
        QCoreApplication::processEvents();
        QVERIFY(!view->olderIndicator()->isVisible());
        QCOMPARE(room->messages()->rowCount(), 100);
        QCOMPARE(room->messages()->at(0).text, S("old 21"));
        QCOMPARE(rig.server.count(get), fetchesBefore + 1);
        QVERIFY(view->verticalScrollBar()->value() > 0); // kept on what was read, not at the top

        view->verticalScrollBar()->setValue(0);
        QVERIFY(QTest::qWaitFor([room] { return !room->isLoadingOlder(); }, 5000));
        QCoreApplication::processEvents();
        QCOMPARE(room->messages()->rowCount(), 120);
        QCOMPARE(room->messages()->at(0).text, S("old 1"));
        QVERIFY(!room->hasOlder());
        QVERIFY(!view->olderAvailable());

        // Nothing more: at the top again, no request and no busy row.
        view->verticalScrollBar()->setValue(0);
        QCoreApplication::processEvents();
        QCOMPARE(rig.server.count(get), fetchesBefore + 2);
        QVERIFY(!view->olderIndicator()->isVisible());
    }
};

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
