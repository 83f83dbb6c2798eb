// NotificationPromptBar: the three buttons with their exact accessible names, each answer, Esc
// as "Not now", plain-text origin, hidden after answering.
#include "NotificationPromptBar.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using natter::notify::Permission;
using natter::ui::NotificationPromptBar;

class TestNotificationPromptBar : public QObject
{
    Q_OBJECT

private slots:
    void namesAndText()
    {
        QWidget window;
        auto *bar = new NotificationPromptBar(&window);
        window.show();
        QVERIFY(bar->isHidden()); // never at start-up
        bar->ask(QStringLiteral("<b>127.0.0.1:6001/app-key</b>"));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->allowButton()->accessibleName(), QStringLiteral("Allow notifications"));
        QCOMPARE(bar->blockButton()->accessibleName(), QStringLiteral("Block notifications"));
        QCOMPARE(bar->notNowButton()->accessibleName(), QStringLiteral("Not now"));
        QCOMPARE(bar->label()->textFormat(), Qt::PlainText);
        QCOMPARE(bar->label()->text(),
                 QStringLiteral("Allow desktop notifications from <b>127.0.0.1:6001/app-key</b>?"));
        for (QPushButton *b : {bar->allowButton(), bar->blockButton(), bar->notNowButton()})
            QCOMPARE(b->focusPolicy(), Qt::StrongFocus);
    }

    void answers_data()
    {
        QTest::addColumn<int>("button");
        QTest::addColumn<Permission>("expected");
        QTest::newRow("allow") << 0 << Permission::Allowed;
        QTest::newRow("block") << 1 << Permission::Denied;
        QTest::newRow("not now") << 2 << Permission::NotAsked;
    }

    void answers()
    {
        QFETCH(int, button);
        QFETCH(Permission, expected);
        QWidget window;
        auto *bar = new NotificationPromptBar(&window);
        window.show();
        bar->ask(QStringLiteral("h:1/k"));
        QSignalSpy answered(bar, &NotificationPromptBar::answered);
        QPushButton *buttons[] = {bar->allowButton(), bar->blockButton(), bar->notNowButton()};
        buttons[button]->click();
        QCOMPARE(answered.count(), 1);
        QCOMPARE(answered.at(0).at(0).toString(), QStringLiteral("h:1/k"));
        QCOMPARE(answered.at(0).at(1).value<Permission>(), expected);
        QVERIFY(bar->isHidden());
        buttons[button]->click(); // hidden: no second answer
        QCOMPARE(answered.count(), 1);
    }

    void escapeIsNotNow()
    {
        QWidget window;
        auto *bar = new NotificationPromptBar(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bar->ask(QStringLiteral("h:1/k"));
        bar->blockButton()->setFocus();
        QSignalSpy answered(bar, &NotificationPromptBar::answered);
        QTest::keyClick(bar->blockButton(), Qt::Key_Escape);
        QCOMPARE(answered.count(), 1);
        QCOMPARE(answered.at(0).at(1).value<Permission>(), Permission::NotAsked);
        QVERIFY(bar->isHidden());
    }
};

QTEST_MAIN(TestNotificationPromptBar)
#include "tst_notificationpromptbar.moc"
