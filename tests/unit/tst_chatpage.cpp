// The chat page over a real ChatController driven by FakeClock + FakeNetwork + FakeAuthorizer:
// sending (Enter, Shift+Enter, pending -> sent), failed messages (retry/discard by click and by
// context menu), plain text only, Who's Online, typing, stale members, the "new messages" jump
// button and the accessibility names.
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "ChatPage.h"
#include "Composer.h"
#include "MemberPanel.h"
#include "MemberProxyModel.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "MessageView.h"
#include "RoomSidebar.h"

#include <chat/ChatController.h>
#include <chat/MessageListModel.h>
#include <chat/Outbox.h>
#include <chat/ProfileStore.h>
#include <chat/Room.h>
#include <chat/RoomListModel.h>
#include <pusher/MemberListModel.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject member(const char *name)
{
    return QJsonObject{{S("name"), S(name)}};
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
        page->resize(900, 600);
    }
    ~Rig() { page.reset(); }

    void start() { chat->start(options, &auth, S("alice"), S("Alice"), &clock, net.factory()); }
    FakeTransport *t() const { return net.last(); }
    void accept()
    {
        t()->accept(S("1.1"));
        FakeClock::pumpEvents();
    }
    void confirm(const QJsonObject &others = {})
    {
        FakeClock::pumpEvents();
        QJsonArray ids{S("alice")};
        QJsonObject hash{{S("alice"), member("Alice")}};
        for (auto it = others.begin(); it != others.end(); ++it) {
            ids.append(it.key());
            hash.insert(it.key(), it.value());
        }
        t()->serverSend(frames::presenceSucceeded(S("presence-lobby"), ids, hash));
        FakeClock::pumpEvents();
    }
    // Joined lobby and shown, connected but not yet subscribed.
    Room *connected()
    {
        Room *room = chat->joinRoom(S("lobby"));
        page->setController(chat.get());
        page->show();
        start();
        accept();
        return room;
    }
    Room *loggedIn(const QJsonObject &others = {})
    {
        Room *room = connected();
        confirm(others);
        return room;
    }
    // The server answers the confirmation pings: written messages become Sent.
    void settle()
    {
        FakeClock::pumpEvents();
        t()->serverPong();
        FakeClock::pumpEvents();
    }
    void receive(const QString &event, const QJsonValue &data, const QString &userId)
    {
        t()->serverSend(frames::frame(event, data, S("presence-lobby"), userId));
        FakeClock::pumpEvents();
    }
    void refuseClientEvent()
    {
        t()->serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), S("presence-lobby")));
    }
    void typeAndEnter(const QString &text)
    {
        MessageEdit *edit = page->composer()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    MessageListModel *messages() const { return page->messageView()->messages(); }
    ChatMessage::State state(int row) const { return messages()->at(row).state; }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<ChatPage> page; // first to go
};

bool anyMessageBox()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (qobject_cast<QMessageBox *>(w))
            return true;
    }
    return false;
}

// A viewport point over the delegate's clickable `kind` in `row`, or (-1,-1).
QPoint pointOver(MessageView *view, int row, MessageDelegate::HitKind kind)
{
    const QModelIndex index = view->model()->index(row, 0);
    const QRect rect = view->visualRect(index);
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = view->font();
    option.widget = view;
    option.rect = rect;
    for (int y = rect.top(); y <= rect.bottom(); y += 2) {
        for (int x = rect.left(); x <= rect.right(); x += 3) {
            if (view->messageDelegate()->hitTest(option, index, QPoint(x, y)).kind == kind)
                return {x, y};
        }
    }
    return {-1, -1};
}

// Counts the paint events a widget receives.
struct PaintCounter : QObject
{
    explicit PaintCounter(QWidget *w) { w->installEventFilter(this); }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
    int paints = 0;
};

} // namespace

class TestChatPage : public QObject
{
    Q_OBJECT

private slots:
    void accessibilityNames()
    {
        Rig rig;
        rig.loggedIn();
        QCOMPARE(rig.page->sidebar()->view()->accessibleName(), S("Rooms"));
        QCOMPARE(rig.page->messageView()->accessibleName(), S("Messages"));
        QCOMPARE(rig.page->composer()->editor()->accessibleName(), S("Message"));
        QCOMPARE(rig.page->composer()->sendButton()->accessibleName(), S("Send"));
        QCOMPARE(rig.page->memberPanel()->view()->accessibleName(), S("Who's Online"));
        QCOMPARE(rig.page->currentRoom(), S("lobby"));
    }

    void enterSendsPendingThenSent()
    {
        Rig rig;
        Room *room = rig.connected(); // not subscribed yet: the message waits
        QAbstractItemModelTester tester(room->messages());
        rig.typeAndEnter(S("hello there"));
        QCOMPARE(rig.messages()->rowCount(), 1);
        QCOMPARE(rig.messages()->at(0).text, S("hello there"));
        QCOMPARE(rig.state(0), ChatMessage::State::Pending);
        QVERIFY(rig.messages()->at(0).own);
        QVERIFY(rig.page->composer()->editor()->toPlainText().isEmpty());
        QVERIFY(!rig.page->composer()->sendButton()->isEnabled()); // nothing to send now
        rig.confirm();
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // written, not yet confirmed
        QCOMPARE(rig.net.allSentEvents(S("client-message")).size(), 1);
        rig.settle();
        QCOMPARE(rig.state(0), ChatMessage::State::Sent);

        // The Send button does the same.
        rig.clock.advance(200);
        QTest::keyClicks(rig.page->composer()->editor(), S("via button"));
        QVERIFY(rig.page->composer()->sendButton()->isEnabled());
        QTest::mouseClick(rig.page->composer()->sendButton(), Qt::LeftButton);
        QCOMPARE(rig.messages()->rowCount(), 2);
        QCOMPARE(rig.messages()->at(1).text, S("via button"));
    }

    // Review item 7: a room whose subscription failed offers Retry, which keeps its unsent
    // messages (leaving and joining again would discard them).
    void failedRoomOffersRetry()
    {
        Rig rig;
        rig.loggedIn();
        rig.settle();
        rig.auth.autoAnswer =
            [](const FakeAuthorizer::Request &) -> std::optional<FakeAuthorizer::Answer> {
            return FakeAuthorizer::error(natter::pusher::AuthError::Kind::Refused, 403,
                                         S("Forbidden"));
        };
        rig.page->joinRoom(S("dev"));
        FakeClock::pumpEvents();
        auto *retry = rig.page->findChild<QPushButton *>(S("retryRoomButton"));
        QVERIFY(retry);
        QVERIFY(retry->isVisible());
        QCOMPARE(retry->accessibleName(), S("Retry joining the room"));
        auto *error = rig.page->findChild<QLabel *>(S("roomError"));
        QVERIFY(error->isVisible());
        rig.typeAndEnter(S("kept"));
        QCOMPARE(rig.state(0), ChatMessage::State::Pending);
        rig.auth.setAutoAnswerDefault();
        QTest::mouseClick(retry, Qt::LeftButton);
        FakeClock::pumpEvents();
        rig.t()->serverSend(frames::presenceSucceeded(S("presence-dev"), QJsonArray{S("alice")},
                                                      QJsonObject{{S("alice"), member("Alice")}}));
        FakeClock::pumpEvents();
        QVERIFY(!retry->isVisible());
        QVERIFY(!error->isVisible());
        QCOMPARE(rig.net.allSentEvents(S("client-message")).size(), 1);
        rig.settle();
        QCOMPARE(rig.state(0), ChatMessage::State::Sent);
    }

    void shiftEnterAddsALine()
    {
        Rig rig;
        rig.loggedIn();
        MessageEdit *edit = rig.page->composer()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, S("first"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(edit, S("second"));
        QCOMPARE(edit->toPlainText(), S("first\nsecond"));
        QCOMPARE(rig.messages()->rowCount(), 0);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.messages()->rowCount(), 1);
        QCOMPARE(rig.messages()->at(0).text, S("first\nsecond"));
        // Blank text is not sent.
        QTest::keyClicks(edit, S("   "));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.messages()->rowCount(), 1);
    }

    void failedMessageRetryAndDiscardByClick()
    {
        Rig rig;
        rig.loggedIn();
        MessageView *view = rig.page->messageView();
        rig.typeAndEnter(S("one"));
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // written, not yet confirmed
        rig.refuseClientEvent();
        QCOMPARE(rig.state(0), ChatMessage::State::Failed);
        QVERIFY(!anyMessageBox());
        // The composer says what the server needs.
        QLabel *notice = rig.page->composer()->noticeLabel();
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(S("client events enabled")));

        // Failed rows are taller (the "Not sent" line with Retry and Discard).
        QCoreApplication::processEvents(); // delayed relayout
        const QPoint retry = pointOver(view, 0, MessageDelegate::HitKind::Retry);
        QVERIFY(retry.x() >= 0);
        QSignalSpy retried(view, &MessageView::retryRequested);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry);
        QCOMPARE(retried.size(), 1);
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // connected: out again at once
        rig.refuseClientEvent(); // and refused again
        QCOMPARE(rig.state(0), ChatMessage::State::Failed);

        rig.clock.advance(200);
        rig.typeAndEnter(S("two"));
        rig.refuseClientEvent();
        QCOMPARE(rig.messages()->rowCount(), 2);
        QCOMPARE(rig.state(1), ChatMessage::State::Failed);
        QCoreApplication::processEvents();
        const QPoint discard = pointOver(view, 1, MessageDelegate::HitKind::Discard);
        QVERIFY(discard.x() >= 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, discard);
        QCOMPARE(rig.messages()->rowCount(), 1);
        QVERIFY(rig.outbox->isEmpty() || !rig.outbox->contains(S("two")));
    }

    void failedMessageContextMenu()
    {
        Rig rig;
        rig.loggedIn();
        MessageView *view = rig.page->messageView();
        rig.typeAndEnter(S("menu me"));
        rig.refuseClientEvent();
        QCOMPARE(rig.state(0), ChatMessage::State::Failed);
        QCoreApplication::processEvents();
        const QRect rect = view->visualRect(view->model()->index(0, 0));
        QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                                view->viewport()->mapToGlobal(rect.center()));
        QCoreApplication::sendEvent(view->viewport(), &event);
        QMenu *menu = view->findChild<QMenu *>();
        QVERIFY(menu);
        QStringList texts;
        QAction *discard = nullptr;
        QAction *retry = nullptr;
        for (QAction *a : menu->actions()) {
            texts << a->text();
            if (a->text() == MessageView::tr("Discard Message"))
                discard = a;
            if (a->text() == MessageView::tr("Retry Sending"))
                retry = a;
        }
        QVERIFY2(retry && discard, qPrintable(texts.join(u',')));
        retry->trigger();
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // written, not yet confirmed
        rig.refuseClientEvent();
        menu->close();

        rig.clock.advance(200);
        rig.typeAndEnter(S("menu again"));
        rig.refuseClientEvent();
        QCoreApplication::processEvents();
        const QRect rect2 = view->visualRect(view->model()->index(1, 0));
        QContextMenuEvent event2(QContextMenuEvent::Mouse, rect2.center(),
                                 view->viewport()->mapToGlobal(rect2.center()));
        QCoreApplication::sendEvent(view->viewport(), &event2);
        QMenu *menu2 = nullptr;
        for (QMenu *m : view->findChildren<QMenu *>()) {
            if (m->isVisible())
                menu2 = m;
        }
        QVERIFY(menu2);
        for (QAction *a : menu2->actions()) {
            if (a->text() == MessageView::tr("Discard Message"))
                a->trigger();
        }
        QCOMPARE(rig.messages()->rowCount(), 1);
    }

    void richTextIsShownLiterally()
    {
        Rig rig;
        rig.loggedIn({{S("eve"), member("<i>Eve</i>")}});
        rig.receive(S("client-message"),
                    QJsonObject{{S("id"), S("m1")}, {S("text"), S("<b>x</b>")}}, S("eve"));
        rig.receive(S("client-message"),
                    QJsonObject{{S("id"), S("m2")}, {S("text"), S("<br><br><br><br>y")}}, S("eve"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("m3")}, {S("text"), S("z")}},
                    S("eve"));
        QCOMPARE(rig.messages()->rowCount(), 3);
        QCOMPARE(rig.messages()->at(0).text, S("<b>x</b>"));
        // As markup "<br>"s would be four more lines: as plain text it is one line, like "z".
        MessageView *view = rig.page->messageView();
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        option.widget = view;
        option.font = view->font();
        const QSize br = view->messageDelegate()->sizeHint(option, rig.messages()->index(1));
        const QSize z = view->messageDelegate()->sizeHint(option, rig.messages()->index(2));
        QCOMPARE(br.height(), z.height());
        // Names too: the member list shows the literal name.
        MemberProxyModel *members = rig.page->memberPanel()->proxy();
        QStringList names;
        for (int i = 0; i < members->rowCount(); ++i)
            names << members->index(i, 0).data().toString();
        QVERIFY2(names.contains(S("<i>Eve</i>")), qPrintable(names.join(u',')));
        // Every label of the page is plain text.
        for (QLabel *label : rig.page->findChildren<QLabel *>())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }

    void whosOnline()
    {
        Rig rig;
        Room *room = rig.loggedIn(
            {{S("bob"), member("bob")}, {S("carol"), member("Carol")}, {S("dan"), member("Dan")}});
        QAbstractItemModelTester tester(rig.page->memberPanel()->proxy());
        MemberPanel *panel = rig.page->memberPanel();
        QCOMPARE(panel->header()->text(), S("Who's Online (4)"));
        QStringList names;
        for (int i = 0; i < panel->proxy()->rowCount(); ++i)
            names << panel->proxy()->index(i, 0).data().toString();
        QCOMPARE(names, (QStringList{S("Alice (you)"), S("bob"), S("Carol"), S("Dan")}));
        rig.t()->serverSend(frames::memberAdded(S("presence-lobby"), S("aaron"), member("aaron")));
        QCOMPARE(panel->header()->text(), S("Who's Online (5)"));
        // You stay pinned first (issue 12); the others by name.
        QCOMPARE(panel->proxy()->index(0, 0).data().toString(), S("Alice (you)"));
        QCOMPARE(panel->proxy()->index(1, 0).data().toString(), S("aaron"));
        rig.t()->serverSend(frames::memberRemoved(S("presence-lobby"), S("carol")));
        QCOMPARE(panel->header()->text(), S("Who's Online (4)"));

        // Connection drops: the list stays, greyed, "reconnecting…".
        QVERIFY(panel->view()->isEnabled());
        rig.t()->fail();
        QVERIFY(room->membersStale());
        QVERIFY(!panel->view()->isEnabled());
        QLabel *state = panel->findChild<QLabel *>(S("membersState"));
        QVERIFY(state && state->isVisible());
        QCOMPARE(state->text(), S("reconnecting…"));
        QCOMPARE(panel->proxy()->rowCount(), 4);
    }

    void typingIndicator()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        QLabel *typing = rig.page->composer()->typingLabel();
        QVERIFY(typing->text().isEmpty());
        rig.receive(S("client-typing"), QJsonObject{{S("user"), QJsonObject{{S("id"), S("bob")}}}},
                    S("bob"));
        QCOMPARE(typing->text(), S("Bob is typing…"));
        rig.clock.advance(3500);
        QVERIFY(typing->text().isEmpty());
        // Typing in the composer tells the others (throttled by the controller).
        QTest::keyClicks(rig.page->composer()->editor(), S("abc"));
        QCOMPARE(rig.net.allSentEvents(S("client-typing")).size(), 1);
        QCOMPARE(Composer::typingText({S("A"), S("B")}), S("A and B are typing…"));
        QCOMPARE(Composer::typingText({S("A"), S("B"), S("C"), S("D")}),
                 S("Several people are typing…"));
    }

    void newMessagesButtonWhenScrolledUp()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        MessageView *view = rig.page->messageView();
        for (int i = 0; i < 60; ++i)
            rig.receive(S("client-message"),
                        QJsonObject{{S("id"), QString::number(i)}, {S("text"), S("line %1").arg(i)}},
                        S("bob"));
        QCoreApplication::processEvents();
        QScrollBar *bar = view->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum()); // following the newest
        bar->setValue(0); // the user scrolls up
        QVERIFY(!view->isFollowing());
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("n1")}, {S("text"), S("new 1")}},
                    S("bob"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("n2")}, {S("text"), S("new 2")}},
                    S("bob"));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 0); // not yanked down
        QVERIFY(view->jumpButton()->isVisible());
        QCOMPARE(view->unseenCount(), 2);
        QVERIFY(view->jumpButton()->text().contains(S("2 new messages")));
        QTest::mouseClick(view->jumpButton(), Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(!view->jumpButton()->isVisible());
        // Own messages always scroll down.
        bar->setValue(0);
        rig.typeAndEnter(S("mine"));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), bar->maximum());
    }

    // QPlainTextEdit repaints only when the placeholder appears or disappears, not when its text
    // changes: after a switch the field showed the previous room's name until something else
    // repainted it.
    void placeholderFollowsTheRoom()
    {
        Composer composer;
        composer.resize(400, 100);
        composer.setRoom(S("dev"));
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::qWait(300); // let the pending repaints happen
        MessageEdit *edit = composer.editor();
        PaintCounter counter(edit->viewport());
        composer.setRoom(S("lobby"));
        QCOMPARE(edit->placeholderText(), S("Message #lobby"));
        QTRY_VERIFY(counter.paints > 0);

        // Through the page: switching and leaving.
        Rig rig;
        rig.loggedIn();
        rig.page->joinRoom(S("dev"));
        MessageEdit *pageEdit = rig.page->composer()->editor();
        QCOMPARE(pageEdit->placeholderText(), S("Message #dev"));
        rig.page->showRoom(S("lobby"));
        QCOMPARE(pageEdit->placeholderText(), S("Message #lobby"));
        rig.page->showRoom(S("dev"));
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.page->currentRoom(), S("lobby"));
        QCOMPARE(pageEdit->placeholderText(), S("Message #lobby"));
    }

    // Text typed in one room stayed in the field after switching, and Enter posted it there.
    void draftsStayWithTheirRoom()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(S("natter.ini")), QSettings::IniFormat);
        ProfileStore store(&settings);
        Rig rig;
        rig.page->setDraftStore(&store, S("Local"), S("alice"));
        rig.loggedIn();
        rig.page->joinRoom(S("dev"));
        MessageEdit *edit = rig.page->composer()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, S("for dev only"));

        rig.page->showRoom(S("lobby"));
        QCOMPARE(edit->toPlainText(), QString());
        QVERIFY(!rig.page->composer()->sendButton()->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.chat->pendingCount(S("dev")), 0);
        QCOMPARE(rig.chat->room(S("dev"))->messages()->rowCount(), 0);
        QCOMPARE(rig.chat->room(S("lobby"))->messages()->rowCount(), 0);
        QTest::keyClicks(edit, S("lobby text"));

        rig.page->showRoom(S("dev"));
        QCOMPARE(edit->toPlainText(), S("for dev only"));
        QCOMPARE(edit->textCursor().position(), int(S("for dev only").size()));

        // A new page on the same store (the next start) gets both back.
        ChatPage next;
        next.setDraftStore(&store, S("Local"), S("alice"));
        next.setController(rig.chat.get());
        next.showRoom(S("dev"));
        QCOMPARE(next.composer()->editor()->toPlainText(), S("for dev only"));
        next.showRoom(S("lobby"));
        QCOMPARE(next.composer()->editor()->toPlainText(), S("lobby text"));
        // Another user's drafts are their own.
        ChatPage other;
        other.setDraftStore(&store, S("Local"), S("bob"));
        other.setController(rig.chat.get());
        other.showRoom(S("dev"));
        QCOMPARE(other.composer()->editor()->toPlainText(), QString());
        next.setController(nullptr);
        other.setController(nullptr);

        // Sent: the draft is gone, here and in the store.
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.chat->room(S("dev"))->messages()->rowCount(), 1);
        QCOMPARE(edit->toPlainText(), QString());
        QCOMPARE(store.draft(S("Local"), S("alice"), S("dev")), QString());
        QCOMPARE(store.draft(S("Local"), S("alice"), S("lobby")), S("lobby text"));
    }

    void joinAndLeaveRooms()
    {
        Rig rig;
        rig.loggedIn();
        QAbstractItemModelTester tester(rig.chat->roomList());
        RoomSidebar *sidebar = rig.page->sidebar();
        sidebar->showJoinField();
        QTest::keyClicks(sidebar->joinField(), S("bad name!"));
        QVERIFY(sidebar->joinError()->isVisible());
        QCOMPARE(rig.chat->rooms().size(), 1);
        sidebar->joinField()->clear();
        QTest::keyClicks(sidebar->joinField(), S("dev"));
        QVERIFY(!sidebar->joinError()->isVisible());
        QTest::keyClick(sidebar->joinField(), Qt::Key_Return);
        QCOMPARE(rig.chat->rooms().size(), 2);
        QCOMPARE(rig.page->currentRoom(), S("dev"));
        QVERIFY(rig.chat->room(S("dev"))->isActive());
        QVERIFY(!rig.chat->room(S("lobby"))->isActive());
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.chat->rooms().size(), 1);
        QCOMPARE(rig.page->currentRoom(), S("lobby"));

        // A room with unsent messages: the first Leave only warns.
        rig.page->joinRoom(S("ops"));
        rig.typeAndEnter(S("not subscribed yet, stays pending"));
        QCOMPARE(rig.chat->pendingCount(S("ops")), 1);
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.chat->rooms().size(), 2);
        QLabel *warning = rig.page->findChild<QLabel *>(S("roomError"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(S("1 unsent message")));
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.chat->rooms().size(), 1);
    }
};

QTEST_MAIN(TestChatPage)
#include "tst_chatpage.moc"
