// FaultProxy (tests/support), the fault injector of the soketi fault tests, against an echo
// server: each fault does what the fault tests rely on, measured on real loopback sockets.
#include "FaultProxy.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// Echoes every byte back on the same connection.
class EchoServer : public QTcpServer
{
public:
    EchoServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

// A raw socket, to tell a reset (ECONNRESET) from an orderly close (0 bytes), which Qt reports
// alike.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    }
    ~RawClient() { ::close(m_fd); }
    bool send(const QByteArray &b) { return ::send(m_fd, b.constData(), b.size(), 0) == b.size(); }
    // >0 bytes read (appended to received), 0 orderly close, -1 error (errno), -2 nothing yet.
    int poll()
    {
        char buf[4096];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n > 0)
            received.append(buf, int(n));
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return -2;
        if (n < 0)
            lastErrno = errno;
        return int(n);
    }
    // Waits (event loop running) until the connection ends; returns 0 (FIN) or -1 (error).
    int waitForEnd(int timeoutMs)
    {
        int r = -2;
        (void)QTest::qWaitFor(
            [&] {
                while ((r = poll()) > 0) { }
                return r != -2;
            },
            timeoutMs);
        return r;
    }
    QByteArray received;
    int lastErrno = 0;

private:
    int m_fd;
};
} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT
private:
    EchoServer m_echo;

    std::unique_ptr<QTcpSocket> connectTo(FaultProxy &proxy)
    {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, proxy.port());
        if (!s->waitForConnected(5000))
            return nullptr;
        return s;
    }

private slots:
    void initTestCase() { QVERIFY(m_echo.listen(QHostAddress::LocalHost, 0)); }

    void passesThrough()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(QStringLiteral("127.0.0.1"), m_echo.serverPort()));
        QVERIFY(proxy.port() != m_echo.serverPort());
        auto s = connectTo(proxy);
        QVERIFY(s);
        s->write("hello");
        QTRY_COMPARE(s->bytesAvailable(), 5);
        QCOMPARE(s->readAll(), QByteArray("hello"));
        QCOMPARE(proxy.accepted(), 1);
        QCOMPARE(proxy.live(), 1);
        s->disconnectFromHost();
        QTRY_COMPARE(proxy.live(), 0);
    }

    void addsLatencyPerDirection()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(QStringLiteral("127.0.0.1"), m_echo.serverPort()));
        auto s = connectTo(proxy);
        QVERIFY(s);
        proxy.setLatency(FaultDirection::ToServer, 150);
        proxy.setLatency(FaultDirection::ToClient, 250);
        QElapsedTimer t;
        t.start();
        s->write("x");
        QTRY_COMPARE_WITH_TIMEOUT(s->bytesAvailable(), 1, 5000);
        const qint64 ms = t.elapsed();
        QVERIFY2(ms >= 400 && ms < 2000, qPrintable(QString::number(ms)));
        proxy.clearFaults();
        t.restart();
        s->readAll();
        s->write("y");
        QTRY_COMPARE(s->bytesAvailable(), 1);
        QVERIFY2(t.elapsed() < 300, qPrintable(QString::number(t.elapsed())));
    }

    void dripsOneByteAtATime()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(QStringLiteral("127.0.0.1"), m_echo.serverPort()));
        auto s = connectTo(proxy);
        QVERIFY(s);
        proxy.setDrip(10);
        QSignalSpy reads(s.get(), &QTcpSocket::readyRead);
        QByteArray got;
        connect(s.get(), &QTcpSocket::readyRead, this, [&] { got += s->readAll(); });
        QElapsedTimer t;
        t.start();
        s->write("0123456789");
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 10, 5000);
        QCOMPARE(got, QByteArray("0123456789"));
        // Dripped both ways, ~10 ms a byte; the echo overlaps the two, so at least 9 intervals.
        QVERIFY2(t.elapsed() >= 90, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(reads.size() >= 8, qPrintable(QString::number(reads.size())));
    }

    void stallSwallowsAndKeepsTheConnectionOpen()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(QStringLiteral("127.0.0.1"), m_echo.serverPort()));
        auto s = connectTo(proxy);
        QVERIFY(s);
        QTRY_COMPARE(proxy.live(), 1);
        proxy.stall();
        s->write("lost");
        QTest::qWait(500);
        QCOMPARE(s->bytesAvailable(), 0);
        QCOMPARE(s->state(), QAbstractSocket::ConnectedState);
        // New connections are not affected.
        auto fresh = connectTo(proxy);
        QVERIFY(fresh);
        fresh->write("ok");
        QTRY_COMPARE(fresh->bytesAvailable(), 2);
        proxy.setStallNew(true);
        auto stalled = connectTo(proxy);
        QVERIFY(stalled);
        stalled->write("lost");
        QTest::qWait(300);
        QCOMPARE(stalled->bytesAvailable(), 0);
    }

    void cutsMidStreamWithAnOrderlyClose()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(QStringLiteral("127.0.0.1"), m_echo.serverPort()));
        RawClient raw(proxy.port());
        QTRY_COMPARE(proxy.live(), 1);
        proxy.cutAfter(3);
        QVERIFY(raw.send("0123456789"));
        QCOMPARE(raw.waitForEnd(5000), 0); // FIN, not RST
        QCOMPARE(raw.received, QByteArray("012"));
        QTRY_COMPARE(proxy.live(), 0);
    }

    void resetSendsRst()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(QStringLiteral("127.0.0.1"), m_echo.serverPort()));
        RawClient raw(proxy.port());
        QTRY_COMPARE(proxy.live(), 1);
        QVERIFY(raw.send("ping"));
        QTRY_VERIFY((raw.poll(), raw.received == "ping"));
        proxy.reset();
        QCOMPARE(raw.waitForEnd(5000), -1);
        QCOMPARE(raw.lastErrno, ECONNRESET);

        proxy.setResetNewAfter(0);
        RawClient next(proxy.port());
        QCOMPARE(next.waitForEnd(5000), -1);
        QCOMPARE(next.lastErrno, ECONNRESET);
        QTRY_COMPARE(proxy.accepted(), 2);

        proxy.setResetNewAfter(2);
        RawClient third(proxy.port());
        QVERIFY(third.send("abcdef"));
        QCOMPARE(third.waitForEnd(5000), -1);
        QCOMPARE(third.lastErrno, ECONNRESET);
        QCOMPARE(third.received, QByteArray("ab"));
    }

    void refusesForAWhileThenAcceptsOnTheSamePort()
    {
        FaultProxy proxy;
        QVERIFY(proxy.start(QStringLiteral("127.0.0.1"), m_echo.serverPort()));
        const quint16 port = proxy.port();
        auto kept = connectTo(proxy);
        QVERIFY(kept);
        QTRY_COMPARE(proxy.live(), 1); // accepted, not just queued in the backlog
        QSignalSpy ended(&proxy, &FaultProxy::refusalEnded);
        proxy.refuseFor(600);
        QVERIFY(proxy.isRefusing());
        QTcpSocket refused;
        refused.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!refused.waitForConnected(2000));
        QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);
        kept->write("still"); // the live connection goes on
        QTRY_COMPARE(kept->bytesAvailable(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 3000);
        QCOMPARE(proxy.port(), port);
        auto again = connectTo(proxy);
        QVERIFY(again);
        QTRY_COMPARE(proxy.accepted(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
