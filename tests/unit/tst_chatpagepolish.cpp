// The chat page for daily use (issue 12): the keyboard (a Tab cycle through the page, visible
// focus on the lists, scrolling the conversation from the composer, Alt+Up/Down between rooms),
// long member names elided with the full name in the tool tip, small windows giving the width to
// the conversation, and the empty states (a short conversation next to the composer, a new room,
// no room at all).
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "ChatPage.h"
#include "Composer.h"
#include "MemberPanel.h"
#include "MemberProxyModel.h"
#include "MessageEdit.h"
#include "MessageView.h"
#include "RoomSidebar.h"

#include <chat/ChatController.h>
#include <chat/MessageListModel.h>
#include <chat/Outbox.h>
#include <chat/Room.h>
#include <chat/RoomListModel.h>

#include <QApplication>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace natter::chat;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject member(const QString &name)
{
    return QJsonObject{{S("name"), name}};
}

struct Rig
{
    Rig()
    {
        auth.userId = S("alice");
        auth.userName = S("Alice");
        auth.setAutoAnswerDefault();
        outbox = std::make_unique<Outbox>(dir.filePath(S("outbox.json")));
        chat = std::make_unique<ChatController>(outbox.get());
        options.key = S("app-key");
        options.host = S("chat.example");
        options.port = 6001;
        options.tls = false;
        page = std::make_unique<ChatPage>();
        page->resize(1000, 640);
    }
    ~Rig() { page.reset(); }

    FakeTransport *t() const { return net.last(); }
    // Joined and showing lobby (and `more` rooms), everyone subscribed, the window active
    // (shortcuts and focus need it).
    Room *loggedIn(const QJsonObject &others = {}, const QStringList &more = {})
    {
        Room *room = chat->joinRoom(S("lobby"));
        for (const QString &name : more)
            chat->joinRoom(name);
        page->setController(chat.get());
        page->show();
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page.get()))
            qWarning("the page did not become active");
        chat->start(options, &auth, S("alice"), S("Alice"), &clock, net.factory());
        t()->accept(S("1.1"));
        FakeClock::pumpEvents();
        QJsonArray ids{S("alice")};
        QJsonObject hash{{S("alice"), member(S("Alice"))}};
        for (auto it = others.begin(); it != others.end(); ++it) {
            ids.append(it.key());
            hash.insert(it.key(), it.value());
        }
        for (const QString &name : QStringList{S("lobby")} + more)
            t()->serverSend(frames::presenceSucceeded(S("presence-") + name, ids, hash));
        FakeClock::pumpEvents();
        return room;
    }
    void receive(int count, const QString &from = S("bob"))
    {
        for (int i = 0; i < count; ++i) {
            t()->serverSend(frames::frame(
                S("client-message"),
                QJsonObject{{S("id"), S("m%1").arg(++received)},
                            {S("text"), S("message number %1 from %2").arg(received).arg(from)}},
                S("presence-lobby"), from));
        }
        FakeClock::pumpEvents();
    }
    MessageEdit *editor() const { return page->composer()->editor(); }
    QScrollBar *bar() const { return page->messageView()->verticalScrollBar(); }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<ChatPage> page; // first to go
    int received = 0;
};

// Where Tab goes from the focused widget.
QWidget *tabFrom(QWidget *from, bool back = false)
{
    from->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(from, back ? Qt::Key_Backtab : Qt::Key_Tab);
    return QApplication::focusWidget();
}

QImage shot(QWidget *w)
{
    return w->grab().toImage();
}

} // namespace

class TestChatPagePolish : public QObject
{
    Q_OBJECT

private slots:
    // Defect 3: Tab goes rooms -> messages -> composer -> members and round again; Shift+Tab
    // the other way.
    void tabCyclesThroughThePage()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member(S("Bob"))}});
        rig.receive(3);
        QListView *rooms = rig.page->sidebar()->view();
        MessageView *messages = rig.page->messageView();
        QListView *members = rig.page->memberPanel()->view();
        QCOMPARE(tabFrom(rooms), messages);
        QCOMPARE(tabFrom(messages), rig.editor());
        // The Send button is disabled while the field is empty: skipped.
        QCOMPARE(tabFrom(rig.editor()), members);
        // Round again: to the "+" at the top of the room list, then the rooms.
        QWidget *afterMembers = tabFrom(members);
        QCOMPARE(afterMembers, rig.page->sidebar()->addButton());
        QCOMPARE(tabFrom(afterMembers), rooms);
        QCOMPARE(tabFrom(rooms, true), afterMembers);
        QCOMPARE(tabFrom(rig.editor(), true), messages);
        QCOMPARE(tabFrom(messages, true), rooms);
        QCOMPARE(tabFrom(members, true), rig.editor());
    }

    // Defect 3: a list with the keyboard focus shows where it is.
    void focusedListsShowAFocusFrame_data()
    {
        QTest::addColumn<QString>("list");
        QTest::newRow("rooms") << S("rooms");
        QTest::newRow("messages") << S("messages");
        QTest::newRow("members") << S("members");
    }
    void focusedListsShowAFocusFrame()
    {
        QFETCH(QString, list);
        Rig rig;
        rig.loggedIn({{S("bob"), member(S("Bob"))}});
        rig.receive(2);
        QAbstractItemView *view = list == S("rooms") ? rig.page->sidebar()->view()
            : list == S("messages") ? static_cast<QAbstractItemView *>(rig.page->messageView())
                                    : rig.page->memberPanel()->view();
        rig.editor()->setFocus();
        QTRY_VERIFY(rig.editor()->hasFocus());
        const QImage unfocused = shot(view->viewport());
        // Tab into it, as a keyboard user does.
        QWidget *w = rig.editor();
        for (int i = 0; i < 8 && QApplication::focusWidget() != view; ++i) {
            QTest::keyClick(w, Qt::Key_Tab);
            w = QApplication::focusWidget();
        }
        QCOMPARE(QApplication::focusWidget(), view);
        QVERIFY(view->currentIndex().isValid());
        const QImage focused = shot(view->viewport());
        QVERIFY2(focused != unfocused, "the focused list looks the same as the unfocused one");
    }

    // Defect 3: the conversation scrolls from the composer; Esc and Ctrl+End go to the newest.
    void composerKeysScrollTheConversation()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member(S("Bob"))}});
        rig.receive(150);
        QScrollBar *bar = rig.bar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        rig.editor()->setFocus();
        QTest::keyClicks(rig.editor(), S("draft"));
        const int bottom = bar->value();

        QTest::keyClick(rig.editor(), Qt::Key_PageUp);
        QVERIFY2(bar->value() < bottom, "PageUp did not scroll up");
        const int oneUp = bar->value();
        QTest::keyClick(rig.editor(), Qt::Key_PageDown);
        QCOMPARE(bar->value(), std::min(oneUp + bar->pageStep(), bar->maximum()));
        QTest::keyClick(rig.editor(), Qt::Key_PageUp);
        QTest::keyClick(rig.editor(), Qt::Key_PageUp);
        QVERIFY(bar->value() < oneUp || bar->value() == bar->minimum());
        QTest::keyClick(rig.editor(), Qt::Key_Escape);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(rig.page->messageView()->isFollowing());

        QTest::keyClick(rig.editor(), Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(bar->value(), bar->minimum());
        QTest::keyClick(rig.editor(), Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(bar->value(), bar->maximum());
        // The text typed so far is untouched, and the field keeps the focus.
        QCOMPARE(rig.editor()->toPlainText(), S("draft"));
        QVERIFY(rig.editor()->hasFocus());
    }

    // Defect 3: Alt+Up / Alt+Down walk the room list, from anywhere in the page.
    void altUpDownSwitchRooms()
    {
        Rig rig;
        rig.loggedIn({}, {S("dev"), S("random")});
        const QStringList order{
            rig.chat->roomList()->index(0, 0).data(RoomListModel::NameRole).toString(),
            rig.chat->roomList()->index(1, 0).data(RoomListModel::NameRole).toString(),
            rig.chat->roomList()->index(2, 0).data(RoomListModel::NameRole).toString()};
        rig.page->showRoom(order.at(0));
        rig.editor()->setFocus();
        QTest::keyClick(rig.editor(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(rig.page->currentRoom(), order.at(1));
        QTest::keyClick(rig.page->memberPanel()->view(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(rig.page->currentRoom(), order.at(2));
        QTest::keyClick(rig.editor(), Qt::Key_Down, Qt::AltModifier); // the last: stays
        QCOMPARE(rig.page->currentRoom(), order.at(2));
        QTest::keyClick(rig.editor(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(rig.page->currentRoom(), order.at(1));
        QCOMPARE(rig.page->sidebar()->currentRoom(), order.at(1));
    }

    // Defect 7: a long name is elided at the list's width (no horizontal scroll bar), the tool
    // tip has all of it as plain text, and you are first.
    void longMemberNamesAreElided()
    {
        Rig rig;
        const QString longName = S("Bartholomew <b>Fitzgerald</b> von Hohenzollern-Sigmaringen "
                                   "the Third of Many Names");
        rig.loggedIn({{S("aaron"), member(S("aaron"))}, {S("bart"), member(longName)}});
        rig.page->resize(1200, 600);
        QListView *view = rig.page->memberPanel()->view();
        QTRY_COMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->index(0, 0).data().toString(), S("Alice (you)"));
        QCOMPARE(view->model()->index(1, 0).data().toString(), S("aaron"));
        QApplication::processEvents();
        const QModelIndex bart = view->model()->index(2, 0);
        QCOMPARE(bart.data().toString(), longName);
        QVERIFY(view->fontMetrics().horizontalAdvance(longName) > view->viewport()->width());
        QVERIFY2(!view->horizontalScrollBar()->isVisible(), "horizontal scroll bar shown");
        QVERIFY(view->visualRect(bart).width() <= view->viewport()->width());
        QCOMPARE(view->textElideMode(), Qt::ElideRight);
        const QString tip = bart.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(longName.toHtmlEscaped()));
        QVERIFY(!tip.contains(S("<b>")));
    }

    // Defect 6: at 600x400 the conversation gets the width: Who's Online steps aside, the room
    // list shrinks before the conversation does.
    void smallWindowGivesTheConversationTheWidth()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member(S("Bob"))}});
        rig.page->resize(1100, 700);
        QApplication::processEvents();
        QVERIFY(rig.page->memberPanel()->isVisible());
        const int wideSidebar = rig.page->sidebar()->width();
        QVERIFY(wideSidebar >= 150);

        rig.page->resize(600, 400);
        QApplication::processEvents();
        QWidget *center = rig.page->messageView()->parentWidget();
        while (center && center->parentWidget() != rig.page->splitter())
            center = center->parentWidget();
        QVERIFY(center);
        QVERIFY2(!rig.page->memberPanel()->isVisible(), "Who's Online keeps its width at 600 px");
        QVERIFY2(center->width() >= 400,
                 qPrintable(S("conversation only %1 px wide").arg(center->width())));
        QVERIFY(rig.page->sidebar()->width() < wideSidebar);
        QVERIFY(rig.page->sidebar()->width() >= rig.page->sidebar()->minimumWidth());

        // Wide again: both come back.
        rig.page->resize(1100, 700);
        QApplication::processEvents();
        QVERIFY(rig.page->memberPanel()->isVisible());
        QCOMPARE(rig.page->sidebar()->width(), wideSidebar);
    }

    // Defect 11: a short conversation sits at the bottom, next to the composer.
    void shortConversationSitsAtTheBottom()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member(S("Bob"))}});
        rig.receive(2);
        MessageView *view = rig.page->messageView();
        QApplication::processEvents();
        const QModelIndex last = view->model()->index(view->model()->rowCount() - 1, 0);
        const QRect rect = view->visualRect(last).translated(view->viewport()->pos());
        QVERIFY2(view->height() - rect.bottom() < 12,
                 qPrintable(S("last message ends %1 px above the composer")
                                .arg(view->height() - rect.bottom())));
        const QModelIndex first = view->model()->index(0, 0);
        QVERIFY(view->visualRect(first).translated(view->viewport()->pos()).top()
                > view->height() / 2);
        // Still readable from the top once it fills the view.
        rig.receive(60);
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
        QTRY_COMPARE(view->viewport()->pos().y(), 0);
    }

    // Defect 11: a room without messages says so.
    void newRoomSaysItIsTheStart()
    {
        Rig rig;
        rig.loggedIn();
        auto *empty = rig.page->findChild<QLabel *>(S("emptyRoomLabel"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), S("This is the start of #lobby."));
        QCOMPARE(empty->textFormat(), Qt::PlainText);
        rig.receive(1);
        QVERIFY(!empty->isVisible());
    }

    // Defect 11: after leaving the last room the page offers to join one.
    void leavingTheLastRoomOffersToJoin()
    {
        Rig rig;
        rig.loggedIn();
        rig.page->leaveCurrentRoom();
        FakeClock::pumpEvents();
        QCOMPARE(rig.page->currentRoom(), QString());
        auto *panel = rig.page->findChild<QWidget *>(S("noRoomPanel"));
        QVERIFY(panel);
        QVERIFY(panel->isVisible());
        QVERIFY(!rig.page->messageView()->isVisible());
        QVERIFY(!rig.page->memberPanel()->isVisible()); // no empty "Who's Online (0)"
        auto *join = panel->findChild<QPushButton *>(S("noRoomJoinButton"));
        QVERIFY(join);
        QTest::mouseClick(join, Qt::LeftButton);
        QVERIFY(rig.page->sidebar()->joinField()->isVisible());
        QVERIFY(rig.page->sidebar()->joinField()->hasFocus());
        QTest::keyClicks(rig.page->sidebar()->joinField(), S("dev"));
        QTest::keyClick(rig.page->sidebar()->joinField(), Qt::Key_Return);
        QCOMPARE(rig.page->currentRoom(), S("dev"));
        QVERIFY(!panel->isVisible());
        QVERIFY(rig.page->messageView()->isVisible());
    }
};

QTEST_MAIN(TestChatPagePolish)
#include "tst_chatpagepolish.moc"
