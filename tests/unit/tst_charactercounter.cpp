// Issue 12, the character counter: "1,850 / 2,000" by the message field from 1,800 characters,
// red and Send disabled past 2,000 with the reason in its tool tip and accessible description;
// a longer paste is kept whole but cannot be sent (neither Send nor Enter) until shortened.
#include "CharacterCounter.h"
#include "Composer.h"
#include "MessageEdit.h"
#include "ThemeColors.h"

#include <chat/ChatController.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

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
        composer.resize(500, 120);
        composer.setRoom(S("lobby"));
        composer.show();
    }
    CharacterCounter *counter() const { return composer.counter(); }
    Composer composer;
};

QString counterText(int count)
{
    const QLocale locale;
    return QStringLiteral("%1 / %2").arg(locale.toString(count), locale.toString(2000));
}

} // namespace

class TestCharacterCounter : public QObject
{
    Q_OBJECT

private slots:
    void limitIsTheControllers()
    {
        Rig rig;
        QCOMPARE(rig.counter()->limit(), natter::chat::ChatController::MaxMessageLength);
        QCOMPARE(rig.counter()->threshold(), 1800);
    }

    void appearsNearTheLimit()
    {
        Rig rig;
        rig.composer.setText(QString(1799, u'a'));
        QVERIFY(!rig.counter()->isVisible());
        QVERIFY(rig.composer.sendButton()->isEnabled());
        // Typing the 1,800th character shows it.
        rig.composer.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(rig.composer.editor(), S("b"));
        QVERIFY(rig.counter()->isVisible());
        QCOMPARE(rig.counter()->text(), counterText(1800));
        rig.composer.setText(QString(1850, u'a'));
        QCOMPARE(rig.counter()->text(), counterText(1850));
        QCOMPARE(rig.counter()->palette().color(QPalette::WindowText),
                 ThemeColors::dimText(rig.composer.palette()));
        QVERIFY(rig.composer.sendButton()->isEnabled());
        QVERIFY(rig.counter()->accessibleName().contains(QLocale().toString(1850)));
        // Exactly at the limit is still sendable.
        rig.composer.setText(QString(2000, u'a'));
        QVERIFY(rig.composer.sendButton()->isEnabled());
        QVERIFY(rig.composer.sendButton()->accessibleDescription().isEmpty());
        // Emptied: gone.
        rig.composer.clearText();
        QVERIFY(!rig.counter()->isVisible());
    }

    void blocksPastTheLimit()
    {
        Rig rig;
        QSignalSpy sent(&rig.composer, &Composer::sendRequested);
        rig.composer.setText(QString(2000, u'a'));
        rig.composer.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(rig.composer.editor(), S("b"));
        QCOMPARE(rig.composer.text().size(), 2001);
        QVERIFY(rig.counter()->isOverLimit());
        QCOMPARE(rig.counter()->text(), counterText(2001));
        QCOMPARE(rig.counter()->palette().color(QPalette::WindowText),
                 ThemeColors::error(rig.composer.palette()));
        QPushButton *send = rig.composer.sendButton();
        QVERIFY(!send->isEnabled());
        QVERIFY2(send->toolTip().contains(QLocale().toString(2000)), qPrintable(send->toolTip()));
        QCOMPARE(send->accessibleDescription(), send->toolTip());
        QCOMPARE(rig.counter()->accessibleDescription(), send->toolTip());
        // Enter does not send it either; it says why.
        QTest::keyClick(rig.composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 0);
        auto *error = rig.composer.findChild<QLabel *>(S("sendError"));
        QVERIFY(error && error->isVisible());
        QCOMPARE(error->text(), send->toolTip());
        // Shortened: sendable again.
        QTest::keyClick(rig.composer.editor(), Qt::Key_Backspace);
        QVERIFY(!rig.counter()->isOverLimit());
        QVERIFY(send->isEnabled());
        QVERIFY(send->accessibleDescription().isEmpty());
        QTest::keyClick(rig.composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).toString().size(), 2000);
    }

    void longPasteIsKept()
    {
        Rig rig;
        const QString text = QString(S("0123456789")).repeated(250); // 2,500
        QGuiApplication::clipboard()->setText(text);
        rig.composer.editor()->setFocus();
        rig.composer.editor()->paste();
        QCOMPARE(rig.composer.text(), text);
        QVERIFY(rig.counter()->isOverLimit());
        QCOMPARE(rig.counter()->text(), counterText(2500));
        QVERIFY(!rig.composer.sendButton()->isEnabled());
    }
};

QTEST_MAIN(TestCharacterCounter)
#include "tst_charactercounter.moc"
