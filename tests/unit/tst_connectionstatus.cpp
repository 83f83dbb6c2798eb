// ConnectionStatus from the library's signals only (FakeClock + FakeNetwork): every Kind, the
// texts, the fix hints and the once-a-second countdown.
#include "FakeClock.h"
#include "FakeTransport.h"

#include "chat/ConnectionStatus.h"

#include <pusher/Connection.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>

using natter::chat::ConnectionStatus;
using natter::pusher::Connection;
using natter::pusher::ConnectionOptions;
using natter::pusher::Transport;
using Kind = ConnectionStatus::Kind;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

struct Rig
{
    Rig()
    {
        ConnectionOptions o;
        o.key = S("app-key");
        o.host = S("chat.example");
        o.port = 6001;
        o.tls = true;
        o.backoffJitter = 0;
        o.backoffInitialMs = 3000;
        o.backoffQuickWindowMs = 0; // plain growth, so each countdown differs from the last
        connection = std::make_unique<Connection>(o, &clock, net.factory());
        status = std::make_unique<ConnectionStatus>(connection.get());
    }
    FakeTransport *t() const { return net.last(); }

    FakeClock clock;
    FakeNetwork net;
    std::unique_ptr<Connection> connection;
    std::unique_ptr<ConnectionStatus> status;
};

} // namespace

class TestConnectionStatus : public QObject
{
    Q_OBJECT
private slots:
    void offlineBeforeConnecting()
    {
        Rig rig;
        QCOMPARE(rig.status->kind(), Kind::Offline);
        QCOMPARE(rig.status->text(), S("Offline"));
        QVERIFY(rig.status->fixHint().isEmpty());
        ConnectionStatus none(nullptr);
        QCOMPARE(none.kind(), Kind::Offline);
        none.retryNow(); // harmless
    }

    void connectingThenConnected()
    {
        Rig rig;
        QSignalSpy changed(rig.status.get(), &ConnectionStatus::changed);
        rig.connection->connect();
        QCOMPARE(rig.status->kind(), Kind::Connecting);
        QCOMPARE(rig.status->text(), S("Connecting\u2026"));
        QCOMPARE(changed.size(), 1);
        rig.t()->accept();
        QCOMPARE(rig.status->kind(), Kind::Connected);
        QCOMPARE(rig.status->text(), S("Connected"));
        QVERIFY(rig.status->fixHint().isEmpty());
        QCOMPARE(changed.size(), 2);
        rig.connection->disconnect();
        QCOMPARE(rig.status->kind(), Kind::Offline);
        QCOMPARE(changed.size(), 3);
    }

    void reconnectingWithCountdown()
    {
        Rig rig;
        rig.connection->connect();
        rig.t()->accept();
        rig.t()->fail(); // backoff: 3000 ms
        QCOMPARE(rig.status->kind(), Kind::Reconnecting);
        QCOMPARE(rig.status->secondsLeft(), 3);
        QCOMPARE(rig.status->text(), S("Reconnecting in 3 s"));
        QVERIFY(rig.status->fixHint().isEmpty()); // nothing for the user to fix yet
        QSignalSpy changed(rig.status.get(), &ConnectionStatus::changed);
        // The countdown runs on a real 1 s timer.
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->text(), S("Reconnecting in 2 s"), 2500);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(rig.status->secondsLeft(), 2);
        // The library's retry starts; the attempt fails again: a new countdown.
        rig.clock.advance(3000);
        QCOMPARE(rig.status->kind(), Kind::Reconnecting);
        rig.t()->fail();
        QCOMPARE(rig.status->secondsLeft(), 5); // 3000 * 1.5 = 4500 ms
        QCOMPARE(rig.status->text(), S("Reconnecting in 5 s"));
        // Retry now skips the wait.
        const int before = rig.net.count();
        rig.status->retryNow();
        QCOMPARE(rig.net.count(), before + 1);
        rig.t()->accept();
        QCOMPARE(rig.status->kind(), Kind::Connected);
        QCOMPARE(rig.status->secondsLeft(), 0);
    }

    void unavailableHintsAtTheNetwork()
    {
        Rig rig;
        rig.connection->connect();
        rig.t()->fail();
        QCOMPARE(rig.status->kind(), Kind::Reconnecting);
        rig.clock.advance(10000); // the library's unavailable timeout
        QVERIFY(rig.connection->state() == natter::pusher::ConnectionState::Unavailable);
        QCOMPARE(rig.status->kind(), Kind::Reconnecting);
        QVERIFY2(rig.status->fixHint().contains(S("chat.example:6001")),
                 qPrintable(rig.status->fixHint()));
        QVERIFY(rig.status->fixHint().contains(S("network")));
    }

    void tlsFailureHintsAtCertificates()
    {
        Rig rig;
        rig.connection->connect();
        rig.t()->fail(Transport::Failure::Tls, S("The certificate is self-signed, and untrusted"));
        QCOMPARE(rig.status->kind(), Kind::Reconnecting);
        QCOMPARE(rig.status->reason(), S("The certificate is self-signed, and untrusted"));
        QVERIFY2(rig.status->fixHint().contains(S("CA file")), qPrintable(rig.status->fixHint()));
        rig.clock.runNextTimer();
        rig.t()->accept();
        QVERIFY(rig.status->fixHint().isEmpty());
        QVERIFY(rig.status->reason().isEmpty());
    }

    void failedOnRefusal_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("hint");
        QTest::newRow("4001") << 4001 << S("App key app-key not in use") << S("app key");
        QTest::newRow("4003") << 4003 << S("App is disabled") << S("disabled");
        QTest::newRow("4005") << 4005 << S("Path not found") << S("path prefix");
        QTest::newRow("4009") << 4009 << S("Connection not authorized.") << S("credentials");
        QTest::newRow("4099") << 4099 << QString() << S("server profile");
    }

    void failedOnRefusal()
    {
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(QString, hint);
        Rig rig;
        rig.connection->connect();
        rig.t()->serverOpen();
        rig.t()->serverClose(code, reason);
        QCOMPARE(rig.status->kind(), Kind::Failed);
        QCOMPARE(rig.status->errorCode(), code);
        if (reason.isEmpty())
            QVERIFY(rig.status->text().startsWith(S("Failed: ")));
        else
            QCOMPARE(rig.status->text(), S("Failed: ") + reason);
        QVERIFY2(rig.status->fixHint().contains(hint), qPrintable(rig.status->fixHint()));
        // Failed is permanent: no countdown, no retries by themselves...
        rig.clock.advance(60000);
        QCOMPARE(rig.status->kind(), Kind::Failed);
        QCOMPARE(rig.net.count(), 1);
        // ... until the user retries.
        rig.status->retryNow();
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(rig.status->kind(), Kind::Connecting);
        rig.t()->accept();
        QCOMPARE(rig.status->kind(), Kind::Connected);
    }

    void followsAnotherConnection()
    {
        Rig rig;
        rig.connection->connect();
        rig.t()->accept();
        QCOMPARE(rig.status->kind(), Kind::Connected);
        rig.status->setConnection(nullptr);
        QCOMPARE(rig.status->kind(), Kind::Offline);
        rig.status->setConnection(rig.connection.get());
        QCOMPARE(rig.status->kind(), Kind::Connected);
        QCOMPARE(rig.status->connection(), rig.connection.get());
        rig.connection.reset();
        QCOMPARE(rig.status->kind(), Kind::Offline);
        QVERIFY(!rig.status->connection());
    }
};

QTEST_GUILESS_MAIN(TestConnectionStatus)
#include "tst_connectionstatus.moc"
