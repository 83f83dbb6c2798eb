// TrayIcon without a tray (offscreen has none): no icon, closing the window is not intercepted;
// the tooltip and the painted count.
#include "MainWindow.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QImage>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using natter::ui::TrayIcon;

class TestTrayIcon : public QObject
{
    Q_OBJECT

private slots:
    void toolTip()
    {
        QCOMPARE(TrayIcon::toolTipFor(0), QStringLiteral("Natter"));
        QCOMPARE(TrayIcon::toolTipFor(1), QStringLiteral("Natter — 1 unread"));
        QCOMPARE(TrayIcon::toolTipFor(2), QStringLiteral("Natter — 2 unread"));
    }

    void countIsPaintedOnTheIcon()
    {
        QPixmap base(32, 32);
        base.fill(Qt::white);
        const QIcon plain(base);
        QCOMPARE(TrayIcon::iconFor(plain, 0).pixmap(32, 32).toImage(), base.toImage());
        const QImage badge = TrayIcon::iconFor(plain, 3).pixmap(32, 32).toImage();
        QVERIFY(badge != base.toImage());
        QVERIFY(TrayIcon::iconFor(plain, 3).pixmap(32, 32).toImage()
                != TrayIcon::iconFor(plain, 4).pixmap(32, 32).toImage());
    }

    void withoutATrayClosingIsNotIntercepted()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QWidget window;
        // TrayIcon watches a MainWindow, but a plain widget shows the same: no filter applies.
        TrayIcon tray(nullptr, &settings);
        QVERIFY(!QSystemTrayIconAvailable());
        QVERIFY(!tray.isAvailable());
        QVERIFY(!tray.icon());
        QVERIFY(tray.closeToTray()); // the default, only applied when a tray exists
        QVERIFY(QApplication::quitOnLastWindowClosed());
        tray.setUnread(5);
        QCOMPARE(tray.unread(), 5);
    }

private:
    static bool QSystemTrayIconAvailable();
};

#include <QSystemTrayIcon>
bool TestTrayIcon::QSystemTrayIconAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
