// NetworkMonitor: reachability changes and resume from sleep ask the connection to check itself.
// The logind subscription is tested for real on a private bus standing in for the system bus
// (DBUS_SYSTEM_BUS_ADDRESS), which emits PrepareForSleep like logind does.
#include "desktop/NetworkMonitor.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using natter::desktop::NetworkMonitor;
using Reachability = QNetworkInformation::Reachability;

class TestNetworkMonitor : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    QString m_busAddress;

private slots:
    void initTestCase()
    {
        // A private bus as the "system bus", before anything touches QDBusConnection::systemBus().
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty() || !m_dir.isValid())
            return;
        QFile conf(m_dir.filePath(QStringLiteral("bus.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig><type>custom</type><listen>unix:dir="
            + QFile::encodeName(m_dir.path())
            + "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
              "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
              "<allow own=\"*\"/></policy></busconfig>\n");
        conf.close();
        m_bus.setProgram(daemon);
        m_bus.setArguments({QStringLiteral("--config-file=") + conf.fileName(),
                            QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        m_bus.setProcessChannelMode(QProcess::SeparateChannels);
        m_bus.start();
        QVERIFY(m_bus.waitForStarted(5000));
        QElapsedTimer t;
        t.start();
        while (!m_bus.canReadLine() && t.elapsed() < 5000)
            m_bus.waitForReadyRead(100);
        m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY2(!m_busAddress.isEmpty(), m_bus.readAllStandardError().constData());
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_busAddress.toUtf8());
    }

    void cleanupTestCase()
    {
        if (m_bus.state() != QProcess::NotRunning) {
            m_bus.terminate(); // by its own PID
            if (!m_bus.waitForFinished(3000))
                m_bus.kill();
        }
    }

    void resumeHookEmitsCheckNow()
    {
        NetworkMonitor monitor(NetworkMonitor::Options{false, false});
        QSignalSpy check(&monitor, &NetworkMonitor::checkNow);
        QSignalSpy sleeping(&monitor, &NetworkMonitor::aboutToSleep);
        QSignalSpy resumed(&monitor, &NetworkMonitor::resumed);
        monitor.handlePrepareForSleep(true);
        QCOMPARE(sleeping.size(), 1);
        QCOMPARE(check.size(), 0);
        monitor.handlePrepareForSleep(false);
        QCOMPARE(resumed.size(), 1);
        QCOMPARE(check.size(), 1);
    }

    void reachabilityChangesEmitCheckNow()
    {
        NetworkMonitor monitor(NetworkMonitor::Options{false, false});
        QSignalSpy check(&monitor, &NetworkMonitor::checkNow);
        QSignalSpy changed(&monitor, &NetworkMonitor::reachabilityChanged);
        QCOMPARE(monitor.reachability(), Reachability::Unknown);
        QVERIFY(monitor.isOnline()); // unknown must not hold the connection back
        monitor.handleReachability(Reachability::Disconnected);
        QVERIFY(!monitor.isOnline());
        QCOMPARE(check.size(), 1);
        monitor.handleReachability(Reachability::Disconnected); // no change, no check
        QCOMPARE(check.size(), 1);
        monitor.handleReachability(Reachability::Online);
        QVERIFY(monitor.isOnline());
        QCOMPARE(check.size(), 2);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(1).at(0).value<Reachability>(), Reachability::Online);
    }

    void startDoesNotBlockAndDegradesGracefully()
    {
        NetworkMonitor monitor;
        QElapsedTimer t;
        t.start();
        monitor.start();
        monitor.start(); // idempotent
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QTest::qWait(100);
        qInfo() << "backend:"
                << (monitor.hasReachabilityBackend() ? monitor.backendName()
                                                     : QStringLiteral("none"))
                << "watching sleep:" << monitor.isWatchingSleep();
    }

    void logindSignalOnTheSystemBusTriggersCheck()
    {
        if (m_busAddress.isEmpty())
            QSKIP("dbus-daemon is not installed");
        NetworkMonitor monitor(NetworkMonitor::Options{false, true});
        QSignalSpy check(&monitor, &NetworkMonitor::checkNow);
        monitor.start();
        QVERIFY(!monitor.isWatchingSleep()); // subscribed on the next turn, not inside start()
        QTRY_VERIFY(monitor.isWatchingSleep());
        // One round trip on the same connection: the bus has processed our AddMatch by then.
        QVERIFY(QDBusConnection::systemBus().interface()->isServiceRegistered(
            QStringLiteral("org.freedesktop.DBus")));

        QDBusConnection logind = QDBusConnection::connectToBus(m_busAddress,
                                                               QStringLiteral("fake-logind"));
        QVERIFY(logind.isConnected());
        auto prepare = [&logind](bool sleeping) {
            QDBusMessage m = QDBusMessage::createSignal(
                QStringLiteral("/org/freedesktop/login1"),
                QStringLiteral("org.freedesktop.login1.Manager"),
                QStringLiteral("PrepareForSleep"));
            m << sleeping;
            return logind.send(m);
        };
        QSignalSpy sleeping(&monitor, &NetworkMonitor::aboutToSleep);
        QVERIFY(prepare(true));
        QTRY_COMPARE(sleeping.size(), 1);
        QCOMPARE(check.size(), 0);
        QVERIFY(prepare(false));
        QTRY_COMPARE(check.size(), 1);
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-logind"));
    }
};

QTEST_GUILESS_MAIN(TestNetworkMonitor)
#include "tst_networkmonitor.moc"
