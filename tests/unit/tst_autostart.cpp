// Autostart: the XDG autostart entry is written (0600, Exec quoted, --minimized when asked) and
// removed.
#include "desktop/Autostart.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using natter::desktop::Autostart;

class TestAutostart : public QObject
{
    Q_OBJECT

private slots:
    void writeAndRemove()
    {
        QTemporaryDir dir;
        Autostart autostart(QStringLiteral("/opt/my apps/na\"tter"), dir.path());
        QCOMPARE(autostart.filePath(), dir.path() + QStringLiteral("/autostart/natter.desktop"));
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.setEnabled(true, true));
        QVERIFY(autostart.isEnabled());
        QFile file(autostart.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("Exec=\"/opt/my apps/na\\\"tter\" --minimized\n")),
                 qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QCOMPARE(file.permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(autostart.setEnabled(true, false));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!QString::fromUtf8(file.readAll()).contains(QStringLiteral("--minimized")));
        QVERIFY(autostart.setEnabled(false, false));
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.setEnabled(false, false)); // already gone: fine
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
