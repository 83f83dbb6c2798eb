// SingleInstance: the second object with the same profile finds the first and asks it to raise
// its window; different profiles do not interfere; stale sockets of crashed instances are replaced.
#include "desktop/SingleInstance.h"

#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using natter::desktop::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void sameProfileSecondFailsAndFirstIsRaised()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SingleInstance first(QStringLiteral("local"), dir.path());
        QVERIFY(first.tryAcquire());
        QVERIFY(first.isPrimary());
        QVERIFY(QFile::exists(first.socketPath()));
        QVERIFY(first.socketPath().startsWith(dir.path()));
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);

        SingleInstance second(QStringLiteral("local"), dir.path());
        QCOMPARE(second.socketPath(), first.socketPath());
        QVERIFY(!second.tryAcquire());
        QVERIFY(!second.isPrimary());
        QVERIFY(second.sendRaise());
        QVERIFY(raised.wait(3000));
        QCOMPARE(raised.size(), 1);

        // A third one, later, is turned away too and can raise again.
        SingleInstance third(QStringLiteral("local"), dir.path());
        QVERIFY(!third.tryAcquire());
        QVERIFY(third.sendRaise());
        QTRY_COMPARE(raised.size(), 2);
    }

    void differentProfilesBothSucceed()
    {
        QTemporaryDir dir;
        SingleInstance a(QStringLiteral("work"), dir.path());
        SingleInstance b(QStringLiteral("home"), dir.path());
        QVERIFY(a.socketPath() != b.socketPath());
        QVERIFY(a.tryAcquire());
        QVERIFY(b.tryAcquire());
        QVERIFY(a.isPrimary() && b.isPrimary());
    }

    void nameIsStableHashOfUserAndProfile()
    {
        const QString n1 = SingleInstance::serverNameFor(QStringLiteral("work"));
        QCOMPARE(n1, SingleInstance::serverNameFor(QStringLiteral("work")));
        QVERIFY(n1 != SingleInstance::serverNameFor(QStringLiteral("home")));
        QVERIFY(n1.startsWith(QStringLiteral("natter-")));
        QCOMPARE(n1.size(), 7 + 16);
        QVERIFY(!n1.contains(QStringLiteral("work")));
    }

    void releasedOnDestruction()
    {
        QTemporaryDir dir;
        QString path;
        {
            SingleInstance first(QStringLiteral("p"), dir.path());
            QVERIFY(first.tryAcquire());
            path = first.socketPath();
        }
        QVERIFY(!QFile::exists(path));
        SingleInstance next(QStringLiteral("p"), dir.path());
        QVERIFY(next.tryAcquire());
    }

    void staleSocketIsReplaced()
    {
        QTemporaryDir dir;
        SingleInstance probe(QStringLiteral("crashed"), dir.path());
        // What a crashed instance leaves: a bound socket file that nobody listens on.
        const QByteArray path = QFile::encodeName(probe.socketPath());
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof(addr.sun_path));
        memcpy(addr.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
        ::close(fd);
        QVERIFY(QFile::exists(probe.socketPath()));

        QVERIFY(probe.tryAcquire());
        QVERIFY(probe.isPrimary());
        SingleInstance second(QStringLiteral("crashed"), dir.path());
        QVERIFY(!second.tryAcquire());
    }

    void garbageOnTheSocketIsIgnored()
    {
        QTemporaryDir dir;
        SingleInstance first(QStringLiteral("g"), dir.path());
        QVERIFY(first.tryAcquire());
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);
        QLocalSocket s;
        s.connectToServer(first.socketPath());
        QVERIFY(s.waitForConnected(1000));
        s.write("hello\n" + QByteArray(4000, 'x'));
        s.flush();
        QTest::qWait(200);
        QCOMPARE(raised.size(), 0);
    }

    void defaultDirectoryIsRuntimeDir()
    {
        QTemporaryDir runtime;
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        QFile::setPermissions(runtime.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        SingleInstance a(QStringLiteral("rt-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY2(a.socketPath().startsWith(runtime.path()), qPrintable(a.socketPath()));
        QVERIFY(a.tryAcquire());
        SingleInstance b(QStringLiteral("rt-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(!b.tryAcquire());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
