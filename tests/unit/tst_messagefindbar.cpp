// Find in room in the window (issue 12): Ctrl+F opens the bar above the conversation, typing
// counts and highlights the matches in the message pane, Enter / Shift+Enter / F3 move between
// them (scrolled into view, also above the rows laid out), Esc closes it and its highlights.
#include "ChatPage.h"
#include "Composer.h"
#include "MessageEdit.h"
#include "MessageFindBar.h"
#include "MessageView.h"
#include "SearchHighlight.h"

#include <chat/ChatController.h>
#include <chat/MessageFinder.h>
#include <chat/MessageListModel.h>
#include <chat/Outbox.h>
#include <chat/Room.h>

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace natter::chat;
using namespace natter::ui;

namespace {

struct Rig
{
    Rig()
    {
        outbox = std::make_unique<Outbox>(dir.filePath(QStringLiteral("outbox.json")));
        chat = std::make_unique<ChatController>(outbox.get());
        room = chat->joinRoom(QStringLiteral("lobby"));
        page = std::make_unique<ChatPage>();
        page->resize(900, 600);
        page->setController(chat.get());
        page->show();
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page.get()))
            qWarning("the page did not become active");
    }
    ~Rig() { page.reset(); }

    void add(const QString &text)
    {
        ChatMessage m;
        m.id = QStringLiteral("m%1").arg(++count);
        m.room = QStringLiteral("lobby");
        m.senderId = QStringLiteral("bob");
        m.senderName = QStringLiteral("Bob");
        m.text = text;
        m.sentAt = QDateTime::currentDateTimeUtc();
        room->messages()->append(m);
    }
    MessageFindBar *bar() const { return page->findBar(); }
    MessageView *view() const { return page->messageView(); }
    QString countText() const { return bar()->countLabel()->text(); }
    // Pixels of the viewport painted in the highlight colour of the current match / the others.
    int highlighted(bool current) const
    {
        QApplication::processEvents();
        const QImage image = view()->viewport()->grab().toImage();
        const QRgb colour = SearchHighlight::matchColor(view()->palette(), current).rgb();
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                n += (line[x] & 0xffffff) == (colour & 0xffffff);
        }
        return n;
    }
    bool rowVisible(const QString &id) const
    {
        const int row = room->messages()->rowOf(id) - view()->window()->firstSourceRow();
        const QRect rect = view()->visualRect(view()->model()->index(row, 0));
        return row >= 0 && rect.isValid() && view()->viewport()->rect().intersects(rect);
    }

    QTemporaryDir dir;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    Room *room = nullptr;
    std::unique_ptr<ChatPage> page;
    int count = 0;
};

} // namespace

class TestMessageFindBar : public QObject
{
    Q_OBJECT

private slots:
    void ctrlFOpensAndCounts();
    void highlightsTheMatches();
    void enterAndShiftEnterMoveAndWrap();
    void currentMatchIsScrolledIntoView();
    void escClosesAndClearsTheHighlight();
    void followsTheRoomShown();
};

void TestMessageFindBar::ctrlFOpensAndCounts()
{
    Rig rig;
    rig.add(QStringLiteral("Deploy tonight"));
    rig.add(QStringLiteral("lunch?"));
    rig.add(QStringLiteral("the DEPLOY failed"));
    QVERIFY(rig.bar()->isHidden());
    QCOMPARE(rig.bar()->accessibleName(), QStringLiteral("Find in room"));
    rig.page->focusComposer();
    QVERIFY(rig.page->composer()->editor()->hasFocus());

    QTest::keyClick(rig.page->composer()->editor(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(rig.bar()->isVisible());
    QVERIFY(rig.bar()->field()->hasFocus());
    QCOMPARE(rig.countText(), QString());
    // Serverless: the history search is not offered.
    QVERIFY(rig.bar()->historyButton()->isHidden());

    QTest::keyClicks(rig.bar()->field(), QStringLiteral("deploy"));
    QCOMPARE(rig.countText(), QStringLiteral("1 of 2"));
    QTest::keyClicks(rig.bar()->field(), QStringLiteral("x"));
    QCOMPARE(rig.countText(), QStringLiteral("No matches"));
    QVERIFY(!rig.bar()->nextButton()->isEnabled());
    QTest::keyClick(rig.bar()->field(), Qt::Key_Backspace);
    QCOMPARE(rig.countText(), QStringLiteral("1 of 2"));
    // A new message that matches is counted as it arrives.
    rig.add(QStringLiteral("deploy again"));
    QCOMPARE(rig.countText(), QStringLiteral("2 of 3"));
}

void TestMessageFindBar::highlightsTheMatches()
{
    Rig rig;
    rig.add(QStringLiteral("alpha beta"));
    rig.add(QStringLiteral("gamma"));
    rig.add(QStringLiteral("beta delta beta"));
    QCOMPARE(rig.highlighted(true), 0);
    QCOMPARE(rig.highlighted(false), 0);
    rig.bar()->open();
    QTest::keyClicks(rig.bar()->field(), QStringLiteral("BETA"));
    QCOMPARE(rig.countText(), QStringLiteral("1 of 2"));
    const int current = rig.highlighted(true);
    const int others = rig.highlighted(false);
    QVERIFY2(current > 50, qPrintable(QString::number(current)));
    QVERIFY2(others > 20, qPrintable(QString::number(others)));
    // The current match is the newest message, with two occurrences: more of its colour.
    QVERIFY(current > others);
    QTest::keyClick(rig.bar()->field(), Qt::Key_Return);
    QVERIFY(rig.highlighted(true) < current);
    QVERIFY(rig.highlighted(false) > others);
}

void TestMessageFindBar::enterAndShiftEnterMoveAndWrap()
{
    Rig rig;
    for (int i = 0; i < 6; ++i)
        rig.add(i % 2 ? QStringLiteral("filler") : QStringLiteral("needle %1").arg(i));
    QTest::keyClick(rig.page->composer()->editor(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(rig.bar()->field(), QStringLiteral("needle"));
    QLineEdit *field = rig.bar()->field();
    MessageFinder *finder = rig.bar()->finder();
    QCOMPARE(rig.countText(), QStringLiteral("1 of 3"));
    QCOMPARE(finder->currentId(), QStringLiteral("m5"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(rig.countText(), QStringLiteral("2 of 3"));
    QCOMPARE(finder->currentId(), QStringLiteral("m3"));
    QTest::keyClick(field, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(rig.countText(), QStringLiteral("3 of 3"));
    QTest::keyClick(field, Qt::Key_Return); // wraps to the newest
    QCOMPARE(rig.countText(), QStringLiteral("1 of 3"));
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier); // and back
    QCOMPARE(rig.countText(), QStringLiteral("3 of 3"));
    QCOMPARE(finder->currentId(), QStringLiteral("m1"));
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(rig.countText(), QStringLiteral("2 of 3"));
    QTest::keyClick(field, Qt::Key_F3);
    QCOMPARE(rig.countText(), QStringLiteral("3 of 3"));
    QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(rig.countText(), QStringLiteral("2 of 3"));
    // F3 also works from elsewhere in the page while the bar is open.
    rig.view()->setFocus();
    QTest::keyClick(rig.view(), Qt::Key_F3);
    QCOMPARE(rig.countText(), QStringLiteral("3 of 3"));
    QVERIFY(rig.bar()->isVisible());
}

void TestMessageFindBar::currentMatchIsScrolledIntoView()
{
    Rig rig;
    // More than the rows the view lays out at once (500): the oldest is not even in the view's
    // model until the search brings it in.
    rig.add(QStringLiteral("the very first needle"));
    for (int i = 0; i < 900; ++i)
        rig.add(QStringLiteral("filler line %1").arg(i));
    rig.add(QStringLiteral("a recent needle"));
    QApplication::processEvents();
    QVERIFY(rig.view()->isFollowing());
    QVERIFY(rig.view()->window()->firstSourceRow() > 0);
    rig.bar()->open();
    QTest::keyClicks(rig.bar()->field(), QStringLiteral("needle"));
    QVERIFY(rig.rowVisible(QStringLiteral("m902")));
    QTest::keyClick(rig.bar()->field(), Qt::Key_Return);
    QCOMPARE(rig.bar()->finder()->currentId(), QStringLiteral("m1"));
    QApplication::processEvents();
    QCOMPARE(rig.view()->window()->firstSourceRow(), 0);
    QVERIFY(rig.rowVisible(QStringLiteral("m1")));
    QVERIFY(!rig.view()->isFollowing());
    QVERIFY(!rig.rowVisible(QStringLiteral("m902")));
    QTest::keyClick(rig.bar()->field(), Qt::Key_Return); // wraps to the newest, at the bottom
    QApplication::processEvents();
    QVERIFY(rig.rowVisible(QStringLiteral("m902")));
    QVERIFY(rig.view()->isFollowing());
}

void TestMessageFindBar::escClosesAndClearsTheHighlight()
{
    Rig rig;
    rig.add(QStringLiteral("something to find"));
    QTest::keyClick(rig.page->composer()->editor(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(rig.bar()->field(), QStringLiteral("find"));
    QVERIFY(rig.highlighted(true) > 0);
    QTest::keyClick(rig.bar()->field(), Qt::Key_Escape);
    QVERIFY(rig.bar()->isHidden());
    QCOMPARE(rig.highlighted(true), 0);
    QCOMPARE(rig.highlighted(false), 0);
    QVERIFY(rig.page->composer()->editor()->hasFocus());
    // Ctrl+F again: the last query, selected, found again.
    QTest::keyClick(rig.page->composer()->editor(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(rig.bar()->isVisible());
    QCOMPARE(rig.bar()->field()->selectedText(), QStringLiteral("find"));
    QCOMPARE(rig.countText(), QStringLiteral("1 of 1"));
    QVERIFY(rig.highlighted(true) > 0);
}

void TestMessageFindBar::followsTheRoomShown()
{
    Rig rig;
    rig.add(QStringLiteral("lobby word"));
    Room *dev = rig.chat->joinRoom(QStringLiteral("dev"));
    ChatMessage m;
    m.id = QStringLiteral("d1");
    m.text = QStringLiteral("dev word and word");
    m.sentAt = QDateTime::currentDateTimeUtc();
    dev->messages()->append(m);
    m.id = QStringLiteral("d2");
    m.text = QStringLiteral("another word");
    dev->messages()->append(m);
    rig.bar()->open();
    QTest::keyClicks(rig.bar()->field(), QStringLiteral("word"));
    QCOMPARE(rig.countText(), QStringLiteral("1 of 1"));
    rig.page->showRoom(QStringLiteral("dev"));
    QCOMPARE(rig.countText(), QStringLiteral("1 of 2"));
    QCOMPARE(rig.bar()->finder()->currentId(), QStringLiteral("d2"));
}

QTEST_MAIN(TestMessageFindBar)
#include "tst_messagefindbar.moc"
