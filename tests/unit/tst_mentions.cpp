// Mentions and the "New messages" line in the window, over a real ChatController driven by
// FakeClock + FakeNetwork + FakeAuthorizer: the room list's separate mention count (model tester),
// the mentions role of the messages, completion of "@" in the message field, the highlight of a
// message that mentions the user, and where the "New messages" line goes and how to get back to it.
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "ChatPage.h"
#include "Composer.h"
#include "MentionCompleter.h"
#include "MentionHighlight.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "MessageView.h"
#include "NewMessagesLine.h"
#include "NewMessagesMarker.h"
#include "ThemeColors.h"

#include <chat/ChatController.h>
#include <chat/MessageListModel.h>
#include <chat/MessageWindowModel.h>
#include <chat/Outbox.h>
#include <chat/Room.h>
#include <chat/RoomListModel.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
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

// The signed-in user is "zed"; the others are named in lower case, as natter-server names are.
struct Rig
{
    Rig()
    {
        auth.userId = S("zed");
        auth.userName = S("zed");
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

    FakeTransport *t() const { return net.last(); }
    void confirm(const QString &room)
    {
        FakeClock::pumpEvents();
        QJsonArray ids;
        QJsonObject hash;
        for (const char *id : {"zed", "alice", "albert", "bob"}) {
            ids.append(S(id));
            hash.insert(S(id), QJsonObject{{S("name"), S(id)}});
        }
        t()->serverSend(frames::presenceSucceeded(S("presence-") + room, ids, hash));
        FakeClock::pumpEvents();
    }
    // lobby and dev joined and subscribed; lobby shown (when withPage).
    void loggedIn(bool withPage = true)
    {
        chat->joinRoom(S("lobby"));
        chat->joinRoom(S("dev"));
        if (withPage) {
            page->setController(chat.get());
            page->show();
        }
        chat->start(options, &auth, S("zed"), S("zed"), &clock, net.factory());
        t()->accept(S("1.1"));
        FakeClock::pumpEvents();
        confirm(S("lobby"));
        confirm(S("dev"));
    }
    void receive(const QString &room, const QString &id, const QString &text,
                 const QString &from = S("bob"))
    {
        t()->serverSend(frames::frame(S("client-message"),
                                      QJsonObject{{S("id"), id}, {S("text"), text}},
                                      S("presence-") + room, from));
        FakeClock::pumpEvents();
    }
    Room *room(const char *name) const { return chat->room(S(name)); }
    MessageEdit *edit() const { return page->composer()->editor(); }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<ChatPage> page; // first to go
};

// Antialiased glyphs reach their colour only near the middle of a stroke.
bool near(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) < 24 && qAbs(a.green() - b.green()) < 24
        && qAbs(a.blue() - b.blue()) < 24;
}

void focusEdit(Rig &rig)
{
    rig.page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(rig.page.get()));
    rig.edit()->setFocus();
    QTRY_VERIFY(rig.edit()->hasFocus());
}

} // namespace

class TestMentions : public QObject
{
    Q_OBJECT

private slots:
    void roomListCountsMentionsApart()
    {
        Rig rig;
        rig.loggedIn(false);
        RoomListModel *list = rig.chat->roomList();
        QAbstractItemModelTester tester(list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        rig.chat->setActiveRoom(S("lobby"));
        QSignalSpy changed(list, &QAbstractItemModel::dataChanged);
        rig.receive(S("dev"), S("1"), S("hi @zed"));
        rig.receive(S("dev"), S("2"), S("hi all"));
        rig.receive(S("dev"), S("3"), S("@ZED: look"));
        rig.receive(S("dev"), S("4"), S("mail zed@example.com, @zedd")); // neither is a mention
        rig.receive(S("dev"), S("5"), S("me, @zed"), S("zed")); // our other device: not counted
        Room *dev = rig.room("dev");
        const QModelIndex row = list->indexOf(S("dev"));
        QCOMPARE(dev->unread(), 4);
        QCOMPARE(dev->mentions(), 2);
        QCOMPARE(list->data(row, RoomListModel::UnreadRole).toInt(), 4);
        QCOMPARE(list->data(row, RoomListModel::MentionsRole).toInt(), 2);
        bool mentionsSignalled = false;
        for (const auto &args : changed) {
            if (args.at(2).value<QList<int>>().contains(RoomListModel::MentionsRole))
                mentionsSignalled = true;
        }
        QVERIFY(mentionsSignalled);
        // The message rows say which mention the user.
        MessageListModel *messages = dev->messages();
        QVERIFY(messages->index(0).data(MessageListModel::MentionsMeRole).toBool());
        QVERIFY(!messages->index(1).data(MessageListModel::MentionsMeRole).toBool());
        QVERIFY(messages->index(2).data(MessageListModel::MentionsMeRole).toBool());
        QVERIFY(!messages->index(3).data(MessageListModel::MentionsMeRole).toBool());
        QVERIFY(!messages->index(4).data(MessageListModel::MentionsMeRole).toBool());
        QCOMPARE(dev->firstUnreadId(), S("1"));
        // Reading the room clears both; so does marking it read from elsewhere.
        rig.chat->setActiveRoom(S("dev"));
        QCOMPARE(list->data(row, RoomListModel::MentionsRole).toInt(), 0);
        QCOMPARE(list->data(row, RoomListModel::UnreadRole).toInt(), 0);
        QVERIFY(dev->firstUnreadId().isEmpty());
        // The active room counts nothing.
        rig.receive(S("dev"), S("6"), S("@zed again"));
        QCOMPARE(dev->mentions(), 0);
        rig.receive(S("lobby"), S("7"), S("@zed in lobby"));
        QCOMPARE(rig.room("lobby")->mentions(), 1);
        rig.room("lobby")->markRead();
        QCOMPARE(list->data(list->indexOf(S("lobby")), RoomListModel::MentionsRole).toInt(), 0);
    }

    void completionInsertsTheName()
    {
        Rig rig;
        rig.loggedIn();
        focusEdit(rig);
        MentionCompleter *completer = rig.page->mentionCompleter();
        QTest::keyClicks(rig.edit(), S("hi @"));
        QVERIFY(completer->isOpen());
        // Everyone but the user, sorted.
        QCOMPARE(completer->candidates(), QStringList({S("albert"), S("alice"), S("bob")}));
        QTest::keyClicks(rig.edit(), S("A"));
        QCOMPARE(completer->candidates(), QStringList({S("albert"), S("alice")}));
        QTest::keyClick(rig.edit(), Qt::Key_Down);
        QCOMPARE(completer->popup()->currentRow(), 1);
        QTest::keyClick(rig.edit(), Qt::Key_Tab);
        QCOMPARE(rig.edit()->toPlainText(), S("hi @alice "));
        QVERIFY(!completer->isOpen());
        QVERIFY(rig.edit()->hasFocus()); // Tab did not move the focus on

        // Enter takes the first match and does not send.
        QTest::keyClicks(rig.edit(), S("and @b"));
        QCOMPARE(completer->candidates(), QStringList({S("bob")}));
        QTest::keyClick(rig.edit(), Qt::Key_Return);
        QCOMPARE(rig.edit()->toPlainText(), S("hi @alice and @bob "));
        QCOMPARE(rig.room("lobby")->messages()->rowCount(), 0);

        // Up wraps around; Esc closes without changing the text or leaving the field.
        QTest::keyClicks(rig.edit(), S("@al"));
        QVERIFY(completer->isOpen());
        QTest::keyClick(rig.edit(), Qt::Key_Up);
        QCOMPARE(completer->popup()->currentRow(), 1);
        QTest::keyClick(rig.edit(), Qt::Key_Escape);
        QVERIFY(!completer->isOpen());
        QCOMPARE(rig.edit()->toPlainText(), S("hi @alice and @bob @al"));
        // No match: nothing offered; an address is no mention.
        QTest::keyClicks(rig.edit(), S(" @q"));
        QVERIFY(!completer->isOpen());
        QTest::keyClicks(rig.edit(), S(" x@a"));
        QVERIFY(!completer->isOpen());
        // Enter sends again once the list is closed.
        rig.edit()->clear();
        QTest::keyClicks(rig.edit(), S("@bo"));
        QTest::keyClick(rig.edit(), Qt::Key_Tab);
        QTest::keyClick(rig.edit(), Qt::Key_Return);
        QCOMPARE(rig.room("lobby")->messages()->rowCount(), 1);
        QCOMPARE(rig.room("lobby")->messages()->at(0).text, S("@bob "));
    }

    void completionByClick()
    {
        Rig rig;
        rig.loggedIn();
        focusEdit(rig);
        MentionCompleter *completer = rig.page->mentionCompleter();
        QTest::keyClicks(rig.edit(), S("@"));
        QVERIFY(completer->isOpen());
        QListWidget *popup = completer->popup();
        const QRect item = popup->visualItemRect(popup->item(2));
        QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, item.center());
        QCOMPARE(rig.edit()->toPlainText(), S("@bob "));
        QVERIFY(!completer->isOpen());
    }

    void mentionIsHighlighted()
    {
        Rig rig;
        rig.loggedIn();
        rig.receive(S("lobby"), S("plain"), S("nothing for you"));
        rig.receive(S("lobby"), S("ping"), S("look @zed"));
        MessageView *view = rig.page->messageView();
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QPalette pal = view->viewport()->palette();
        const QRect plain = view->visualRect(view->model()->index(0, 0));
        const QRect mention = view->visualRect(view->model()->index(1, 0));
        // The accent bar at the left edge and the tint, only behind the mention.
        const QPoint bar(1, mention.center().y());
        QCOMPARE(shot.pixel(bar), MentionHighlight::accent(pal).rgb());
        const QPoint tint(mention.right() - 4, mention.bottom() - 2);
        QCOMPARE(shot.pixel(tint), MentionHighlight::background(pal).rgb());
        QVERIFY(shot.pixel(QPoint(plain.right() - 4, plain.bottom() - 2))
                != MentionHighlight::background(pal).rgb());
        QVERIFY(shot.pixel(QPoint(1, plain.center().y())) != MentionHighlight::accent(pal).rgb());
        // "@zed" in bold, in the accent colour; the rest of the text as usual.
        MentionHighlight highlight;
        highlight.setName(S("zed"));
        const auto formats = highlight.formats(S("look @zed"), pal);
        QCOMPARE(formats.size(), 1);
        QCOMPARE(formats.at(0).start, 5);
        QCOMPARE(formats.at(0).length, 4);
        QCOMPARE(formats.at(0).format.fontWeight(), int(QFont::Bold));
        bool accentText = false;
        for (int y = mention.top(); y <= mention.bottom() && !accentText; ++y) {
            for (int x = 14; x < mention.width() / 2 && !accentText; ++x)
                accentText = near(shot.pixelColor(x, y), MentionHighlight::accent(pal));
        }
        QVERIFY(accentText);
    }

    void newMessagesLineAboveTheFirstUnread()
    {
        Rig rig;
        rig.loggedIn();
        rig.page->showRoom(S("dev"));
        rig.receive(S("dev"), S("r1"), S("read 1"));
        rig.receive(S("dev"), S("r2"), S("read 2"));
        rig.page->showRoom(S("lobby")); // dev was read to the bottom
        rig.receive(S("dev"), S("u1"), S("new 1"));
        rig.receive(S("dev"), S("u2"), S("new 2"));
        MessageListModel *dev = rig.room("dev")->messages();
        QVERIFY(dev->unreadMarker().isEmpty());
        rig.page->showRoom(S("dev"));
        QCOMPARE(dev->unreadMarker(), S("u1"));
        MessageView *view = rig.page->messageView();
        QAbstractItemModel *model = view->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, 0).data(MessageListModel::UnreadDividerRole).toBool(),
                     row == 2);
        QCoreApplication::processEvents();
        // The line takes its room above the message (u1 and u2 are grouped alike).
        const QRect first = view->visualRect(model->index(2, 0));
        const QRect second = view->visualRect(model->index(3, 0));
        QCOMPARE(first.height() - second.height(), NewMessagesLine::height(view->font()));
        // And it is drawn there: a line in the error colour between r2 and u1.
        const QImage shot = view->viewport()->grab().toImage();
        bool line = false;
        for (int y = first.top(); y < first.top() + NewMessagesLine::height(view->font()); ++y)
            line = line
                || shot.pixel(first.left() + 30, y) == ThemeColors::error(view->palette()).rgb();
        QVERIFY(line);
        // Nothing new after reading it: no line next time.
        rig.page->showRoom(S("lobby"));
        QVERIFY(dev->unreadMarker().isEmpty());
        rig.page->showRoom(S("dev"));
        QVERIFY(dev->unreadMarker().isEmpty());
    }

    void jumpToTheFirstUnread()
    {
        Rig rig;
        rig.loggedIn();
        for (int i = 0; i < 5; ++i)
            rig.receive(S("dev"), S("old%1").arg(i), S("old %1").arg(i));
        rig.page->showRoom(S("dev"));
        rig.page->showRoom(S("lobby"));
        for (int i = 0; i < 80; ++i)
            rig.receive(S("dev"), S("n%1").arg(i), S("unread %1").arg(i));
        rig.page->showRoom(S("dev"));
        QCoreApplication::processEvents();
        MessageView *view = rig.page->messageView();
        NewMessagesMarker *marker = rig.page->newMessagesMarker();
        QScrollBar *bar = view->verticalScrollBar();
        const int row = marker->viewRow();
        QCOMPARE(view->model()->index(row, 0).data(MessageListModel::IdRole).toString(), S("n0"));
        // Opened at the line, not at the newest.
        QVERIFY(bar->value() < bar->maximum());
        QCOMPARE(view->indexAt(QPoint(20, 2)).row(), row);
        QVERIFY(!marker->jumpButton()->isVisible());
        // Read down to the newest: the line is out of sight above, the button offers it.
        view->scrollToNewest();
        QCoreApplication::processEvents();
        QTRY_VERIFY(marker->jumpButton()->isVisible());
        QTest::mouseClick(marker->jumpButton(), Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(view->indexAt(QPoint(20, 2)).row(), row);
        QTRY_VERIFY(!marker->jumpButton()->isVisible());
        // Shift+Esc from the message field does the same.
        view->scrollToNewest();
        QCoreApplication::processEvents();
        QTest::keyClick(rig.edit(), Qt::Key_Escape, Qt::ShiftModifier);
        QCoreApplication::processEvents();
        QCOMPARE(view->indexAt(QPoint(20, 2)).row(), row);
        // Switching away without reading to the bottom keeps the line for the way back.
        rig.page->showRoom(S("lobby"));
        QCOMPARE(rig.room("dev")->messages()->unreadMarker(), S("n0"));
        rig.page->showRoom(S("dev"));
        view->scrollToNewest();
        QCoreApplication::processEvents();
        rig.page->showRoom(S("lobby"));
        QVERIFY(rig.room("dev")->messages()->unreadMarker().isEmpty());
    }

    // The first unread message beyond the view's window of rows: it is loaded, then shown.
    void jumpLoadsOlderRows()
    {
        Rig rig;
        rig.loggedIn();
        rig.page->showRoom(S("dev"));
        rig.page->showRoom(S("lobby"));
        for (int i = 0; i < 700; ++i)
            rig.receive(S("dev"), S("n%1").arg(i), S("unread %1").arg(i));
        rig.page->showRoom(S("dev"));
        QCoreApplication::processEvents();
        MessageView *view = rig.page->messageView();
        const int row = rig.page->newMessagesMarker()->viewRow();
        QVERIFY(row >= 0);
        QCOMPARE(view->model()->index(row, 0).data(MessageListModel::IdRole).toString(), S("n0"));
        QCOMPARE(view->indexAt(QPoint(20, 2)).row(), row);
    }
};

QTEST_MAIN(TestMentions)
#include "tst_mentions.moc"
