// Reply and copying in the chat page (issue 12 "Reply / quote", defect 9): the reply bar above
// the composer (Ctrl+R, the context menu, × and Esc), the sent reply_to, the quote painted from
// the original and a click on it jumping to the original; Copy Link and Quote; selecting part of
// a message's text with the mouse; the row highlight going when the list loses the focus.
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "ChatPage.h"
#include "Composer.h"
#include "MessageActions.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "MessageTextSelector.h"
#include "MessageView.h"
#include "QuotePainter.h"
#include "ReplyBar.h"

#include <chat/ChatController.h>
#include <chat/MessageListModel.h>
#include <chat/MessageWindowModel.h>
#include <chat/Outbox.h>
#include <chat/Room.h>

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
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
    Room *loggedIn()
    {
        Room *room = chat->joinRoom(S("lobby"));
        page->setController(chat.get());
        page->show();
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page.get()))
            qWarning("the page did not become active");
        chat->start(options, &auth, S("alice"), S("Alice"), &clock, net.factory());
        t()->accept(S("1.1"));
        FakeClock::pumpEvents();
        const QJsonArray ids{S("alice"), S("bob")};
        const QJsonObject hash{{S("alice"), QJsonObject{{S("name"), S("Alice")}}},
                               {S("bob"), QJsonObject{{S("name"), S("Bob")}}}};
        t()->serverSend(frames::presenceSucceeded(S("presence-lobby"), ids, hash));
        FakeClock::pumpEvents();
        return room;
    }
    void receive(const QJsonObject &payload, const QString &from = S("bob"))
    {
        t()->serverSend(frames::frame(S("client-message"), payload, S("presence-lobby"), from));
        FakeClock::pumpEvents();
        QCoreApplication::processEvents(); // the model's batched append
    }
    void receive(const QString &id, const QString &text, const QString &replyTo = {})
    {
        QJsonObject o{{S("id"), id}, {S("text"), text}};
        if (!replyTo.isEmpty())
            o.insert(S("reply_to"), replyTo);
        receive(o);
    }
    MessageView *view() const { return page->messageView(); }
    ReplyBar *bar() const { return page->composer()->replyBar(); }
    QModelIndex indexOf(const QString &id) const
    {
        const MessageWindowModel *w = view()->window();
        for (int row = 0; row < w->rowCount(); ++row) {
            const QModelIndex i = w->index(row, 0);
            if (i.data(MessageListModel::IdRole).toString() == id)
                return i;
        }
        return {};
    }
    QList<QJsonObject> sentMessages() const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &frame : net.allSentEvents(S("client-message"))) {
            const QJsonValue data = frame.value(S("data"));
            out << (data.isObject() ? data.toObject()
                                    : QJsonDocument::fromJson(data.toString().toUtf8()).object());
        }
        return out;
    }
    void type(const QString &text)
    {
        MessageEdit *e = page->composer()->editor();
        e->setFocus();
        QTest::keyClicks(e, text);
        QTest::keyClick(e, Qt::Key_Return);
        FakeClock::pumpEvents();
    }
    // Opens the view's context menu for `index` at `pos` (viewport coordinates) and triggers the
    // action called `text`. False when the menu has no such action.
    bool triggerMenu(const QModelIndex &index, const QString &text, QPoint pos = {})
    {
        if (pos.isNull())
            pos = view()->visualRect(index).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view()->viewport()->mapToGlobal(pos));
        QCoreApplication::sendEvent(view()->viewport(), &event);
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return false;
        QAction *found = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text() == text)
                found = a;
        }
        menu->close();
        if (found)
            found->trigger();
        return found != nullptr;
    }
    // The text rect of a message, as the selector lays itself over it.
    QRect textRect(const QModelIndex &index)
    {
        view()->selectText(index);
        const QRect r = view()->textSelector()->geometry();
        view()->textSelector()->dismiss();
        return r;
    }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<ChatPage> page; // first to go
};

} // namespace

class TestReplyView : public QObject
{
    Q_OBJECT
private slots:
    void replyBarSendsReplyTo()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.receive(S("m1"), S("  first line of bob\nsecond line"));
        const QModelIndex original = rig.indexOf(S("m1"));
        QVERIFY(original.isValid());
        QVERIFY(rig.bar()->isHidden());

        // Ctrl+R on the selected message.
        rig.view()->setFocus();
        rig.view()->setCurrentIndex(original);
        QTest::keyClick(rig.view(), Qt::Key_R, Qt::ControlModifier);
        QVERIFY(rig.bar()->isVisible());
        QCOMPARE(rig.bar()->replyTo(), S("m1"));
        QCOMPARE(rig.bar()->fullText(), S("Replying to Bob: first line of bob"));
        QCOMPARE(QApplication::focusWidget(), rig.page->composer()->editor());

        rig.type(S("sure"));
        QVERIFY(rig.bar()->isHidden());
        QList<QJsonObject> sent = rig.sentMessages();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).value(S("text")).toString(), S("sure"));
        QCOMPARE(sent.at(0).value(S("reply_to")).toString(), S("m1"));
        // Shown here with the quote too.
        const QString ownId = sent.at(0).value(S("id")).toString();
        QCOMPARE(room->messages()->at(room->messages()->rowOf(ownId)).replyTo, S("m1"));
        QCOMPARE(QuotePainter::text(rig.indexOf(ownId)), S("Bob: first line of bob"));

        // The context menu's Reply, then Esc in the field cancels: the next message is no reply.
        QVERIFY(rig.triggerMenu(original, MessageActions::replyText()));
        QCOMPARE(rig.bar()->replyTo(), S("m1"));
        QTest::keyClick(rig.page->composer()->editor(), Qt::Key_Escape);
        QVERIFY(rig.bar()->isHidden());
        rig.type(S("plain"));
        sent = rig.sentMessages();
        QCOMPARE(sent.size(), 2);
        QVERIFY(!sent.at(1).contains(S("reply_to")));

        // × cancels too.
        QVERIFY(rig.triggerMenu(original, MessageActions::replyText()));
        QVERIFY(rig.bar()->isVisible());
        rig.bar()->cancelButton()->click();
        QVERIFY(rig.bar()->isHidden());
        QVERIFY(rig.bar()->replyTo().isEmpty());
    }

    void barIsPlainTextAndElided()
    {
        Rig rig;
        rig.loggedIn();
        rig.receive(S("m1"), S("<b>not bold</b> ") + QString(400, u'x'));
        rig.page->replyTo(S("m1"));
        QCOMPARE(rig.bar()->label()->textFormat(), Qt::PlainText);
        QVERIFY(rig.bar()->label()->text().startsWith(S("Replying to Bob: <b>not bold</b>")));
        QVERIFY(rig.bar()->label()->text().endsWith(QChar(0x2026))); // elided to one line
        QVERIFY(rig.bar()->label()->fontMetrics().horizontalAdvance(rig.bar()->label()->text())
                <= rig.bar()->label()->width());
    }

    void quoteClickJumpsToTheOriginal()
    {
        Rig rig;
        rig.loggedIn();
        rig.receive(S("m0"), S("the original question"));
        for (int i = 1; i <= 40; ++i)
            rig.receive(S("f%1").arg(i), S("filler %1").arg(i));
        rig.receive(S("r1"), S("the answer"), S("m0"));
        rig.receive(S("r2"), S("to nothing"), S("not-here"));
        const QModelIndex reply = rig.indexOf(S("r1"));
        QCOMPARE(QuotePainter::text(reply), S("Bob: the original question"));
        QCOMPARE(QuotePainter::text(rig.indexOf(S("r2"))), QuotePainter::notLoadedText());
        const QModelIndex original = rig.indexOf(S("m0"));
        QVERIFY(!rig.view()->viewport()->rect().intersects(rig.view()->visualRect(original)));

        // Where the quote is: the delegate says so.
        const QRect row = rig.view()->visualRect(reply);
        QPoint quotePoint;
        QStyleOptionViewItem option;
        option.initFrom(rig.view());
        option.rect = row;
        option.font = rig.view()->font();
        option.widget = rig.view();
        // The quote starts where the text does (after the avatar column, when there is one).
        const int x = rig.view()->messageDelegate()->textRect(option, reply).left() + 10;
        for (int y = row.top(); y <= row.bottom() && quotePoint.isNull(); ++y) {
            const QPoint p(x, y);
            if (rig.view()->messageDelegate()->hitTest(option, reply, p).kind
                == MessageDelegate::HitKind::Quote)
                quotePoint = p;
        }
        QVERIFY(!quotePoint.isNull());
        QTest::mouseClick(rig.view()->viewport(), Qt::LeftButton, {}, quotePoint);
        QCOMPARE(rig.view()->currentIndex(), original);
        QVERIFY(rig.view()->selectionModel()->isSelected(original));
        QVERIFY(rig.view()->viewport()->rect().intersects(rig.view()->visualRect(original)));
        // The highlight is brief.
        QTRY_VERIFY_WITH_TIMEOUT(!rig.view()->selectionModel()->isSelected(original),
                                 MessageView::FlashMs + 2000);

        // The original not loaded: nothing to jump to.
        QVERIFY(!rig.view()->showMessage(S("not-here")));
    }

    void copyLinkAndQuote()
    {
        Rig rig;
        rig.loggedIn();
        rig.receive(S("m1"), S("read https://example.org/a and https://example.org/b\nline two"));
        rig.receive(S("m2"), S("no links here"));
        QApplication::clipboard()->clear();
        const QModelIndex withLinks = rig.indexOf(S("m1"));
        QVERIFY(rig.triggerMenu(withLinks, MessageActions::copyLinkText(),
                                rig.view()->visualRect(withLinks).bottomRight() - QPoint(60, 4)));
        QCOMPARE(QApplication::clipboard()->text(), S("https://example.org/a"));
        // Without a link, no Copy Link.
        QVERIFY(!rig.triggerMenu(rig.indexOf(S("m2")), MessageActions::copyLinkText()));
        // Copy Text still copies everything.
        QVERIFY(rig.triggerMenu(withLinks, S("Copy Text")));
        QCOMPARE(QApplication::clipboard()->text(),
                 S("read https://example.org/a and https://example.org/b\nline two"));

        rig.page->composer()->setText(S("I said"));
        QVERIFY(rig.triggerMenu(withLinks, MessageActions::quoteText()));
        QCOMPARE(rig.page->composer()->text(),
                 S("I said\n> read https://example.org/a and https://example.org/b\n"));
    }

    void copyLinkUnderThePointer()
    {
        Rig rig;
        rig.loggedIn();
        rig.receive(S("m1"), S("https://example.org/first then https://example.org/second"));
        const QModelIndex index = rig.indexOf(S("m1"));
        const QRect text = rig.textRect(index);
        const QFontMetrics fm(rig.view()->font());
        const QPoint onSecond(text.left()
                                  + fm.horizontalAdvance(S("https://example.org/first then ht")),
                              text.top() + fm.height() / 2);
        QVERIFY(rig.triggerMenu(index, MessageActions::copyLinkText(), onSecond));
        QCOMPARE(QApplication::clipboard()->text(), S("https://example.org/second"));
    }

    // Defect 9: a drag over a message's text selects part of it (not the row), as plain text.
    void dragSelectsPartOfTheText()
    {
        Rig rig;
        rig.loggedIn();
        const QString full = S("hello <b>brave</b> new world");
        rig.receive(S("m1"), full);
        const QModelIndex index = rig.indexOf(S("m1"));
        const QRect text = rig.textRect(index);
        QVERIFY(text.isValid());
        const QFontMetrics fm(rig.view()->font());
        const int y = text.top() + fm.height() / 2;
        const QPoint from(text.left() + fm.horizontalAdvance(S("hello <")) + 1, y);
        const QPoint to(text.left() + fm.horizontalAdvance(S("hello <b>brave</b> ne")) + 1, y);
        QWidget *vp = rig.view()->viewport();
        QTest::mousePress(vp, Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, vp->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(vp, &move);
        QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
        MessageTextSelector *selector = rig.view()->textSelector();
        QVERIFY(selector->isVisible());
        QCOMPARE(selector->toPlainText(), full); // literal: markup is not interpreted
        const QString part = selector->selectedText();
        QVERIFY2(!part.isEmpty() && part.size() < full.size() && full.contains(part),
                 qPrintable(part));
        QVERIFY(part.contains(S("brave")));
        QApplication::clipboard()->clear();
        QTest::keyClick(selector, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), part);
        // The menu over a selection offers to copy just that.
        QVERIFY(rig.triggerMenu(index, S("Copy"), from));
        QCOMPARE(QApplication::clipboard()->text(), part);
        // Esc closes it; the list has the focus back.
        selector->setFocus();
        QTest::keyClick(selector, Qt::Key_Escape);
        QVERIFY(selector->isHidden());
        QCOMPARE(QApplication::focusWidget(), rig.view());
    }

    void highlightClearedOnFocusOut()
    {
        Rig rig;
        rig.loggedIn();
        rig.receive(S("m1"), S("one"));
        rig.receive(S("m2"), S("two"));
        const QModelIndex index = rig.indexOf(S("m1"));
        rig.view()->setFocus(Qt::TabFocusReason);
        rig.view()->setCurrentIndex(index);
        QVERIFY(rig.view()->selectionModel()->isSelected(index));
        rig.page->composer()->editor()->setFocus(Qt::TabFocusReason);
        QVERIFY(!rig.view()->selectionModel()->isSelected(index));
        // Back with the keyboard: the current row shows again.
        rig.view()->setFocus(Qt::BacktabFocusReason);
        QVERIFY(rig.view()->selectionModel()->isSelected(rig.view()->currentIndex()));
    }
};

QTEST_MAIN(TestReplyView)
#include "tst_replyview.moc"
