// TrayIcon without a tray (offscreen has none): no icon, closing the window is not intercepted;
// the tooltip and the painted count. "Start minimized": offered in the Notifications dialog and
// honoured at start (--minimized: no window, only the tray icon) only when a tray exists.
// The with-a-tray half runs for real as desktop_tray_widgets (trayer under Xvfb,
// NATTER_TEST_REAL_TRAY=1, where a missing tray is a failure); the unit run checks the other half.
#include "AppContext.h"
#include "MainWindow.h"
#include "NotificationCenter.h"
#include "NotificationSettingsDialog.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using natter::ui::TrayIcon;

namespace {

// With NATTER_TEST_REAL_TRAY=1 a tray must exist; in the unit run (offscreen) none can.
bool expectTray()
{
    return qEnvironmentVariableIntValue("NATTER_TEST_REAL_TRAY") == 1;
}

} // namespace

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

    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // AppContext uses the default QSettings: keep it out of the real configuration.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("Natter"));
        QCoreApplication::setApplicationName(QStringLiteral("natter-test"));
        QCOMPARE(QSystemTrayIcon::isSystemTrayAvailable(), expectTray());
    }

    void startMinimizedOfferedOnlyWithATray()
    {
        natter::ui::CommandLine::Options options;
        options.newInstance = true;
        natter::ui::AppContext context(options);
        context.start();
        TrayIcon &tray = *context.tray();
        QCOMPARE(tray.isAvailable(), expectTray());
        natter::ui::NotificationSettingsDialog dialog(context.notifications(), &tray, nullptr, {},
                                                      QStringLiteral("/usr/bin/natter"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCheckBox *box = dialog.startMinimizedBox();
        QCOMPARE(box->isVisible(), expectTray());
        QCOMPARE(dialog.closeToTrayBox()->isVisible(), expectTray());
        if (!expectTray())
            return;
        QVERIFY(!box->isChecked());
        QVERIFY(!tray.startMinimized());
        box->click();
        QVERIFY(tray.startMinimized());
        // Persisted in the configuration file, for the next run.
        QSettings().sync();
        QFile file(m_home.filePath(QStringLiteral("config/Natter/natter-test.conf")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QVERIFY(file.readAll().contains("startMinimized=true"));
        box->click();
        QVERIFY(!tray.startMinimized());
    }

    void minimizedStartShowsOnlyTheTray_data()
    {
        QTest::addColumn<bool>("minimized");
        QTest::newRow("--minimized") << true;
        QTest::newRow("normal start") << false;
    }

    void minimizedStartShowsOnlyTheTray()
    {
        QFETCH(bool, minimized);
        natter::ui::CommandLine::Options options;
        options.minimized = minimized;
        options.newInstance = true;
        natter::ui::AppContext context(options);
        context.start();
        QCOMPARE(context.tray()->isAvailable(), expectTray());
        if (expectTray())
            QVERIFY(context.tray()->icon()->isVisible());
        // Without a tray --minimized is ignored: the window would be unreachable.
        const bool windowShown = !(minimized && expectTray());
        QTRY_COMPARE(context.window()->isVisible(), windowShown);
        QTest::qWait(200);
        QCOMPARE(context.window()->isVisible(), windowShown);
        context.shutdown();
    }

    void withoutATrayClosingIsNotIntercepted()
    {
        if (expectTray())
            QSKIP("a tray exists here: the with-a-tray tests above apply");
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

    QTemporaryDir m_home;
};

#include <QSystemTrayIcon>
bool TestTrayIcon::QSystemTrayIconAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
