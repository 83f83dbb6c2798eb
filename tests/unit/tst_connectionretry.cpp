// Connection: close codes, backoff and the unavailable state,
// driven by a FakeClock and a FakeNetwork (ConnectionRig.h).
#include "ConnectionRig.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <memory>

class TestConnectionRetry : public QObject
{
    Q_OBJECT
private slots:
    void close4000SwitchesToTls()
    {
        ConnectionOptions o = Rig::defaults();
        o.cluster.clear();
        o.host = S("localhost");
        o.tls = false;
        Rig rig(o);
        FakeTransport *t = rig.connectAndAccept();
        QCOMPARE(t->url().scheme(), S("ws"));
        QCOMPARE(t->url().port(), 80);
        t->serverClose(4000, S("SSL only"));
        QCOMPARE(rig.delays, QList<int>{0});
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(0);
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(rig.net.last()->url().scheme(), S("wss"));
        QCOMPARE(rig.net.last()->url().port(), 443);
        QVERIFY(rig.connection->options().tls);
        QVERIFY(rig.net.last()->options().tls);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));

        // And before the handshake completed, too.
        ConnectionOptions o2 = o;
        o2.port = 6001;
        Rig rig2(o2);
        rig2.connection->connect();
        rig2.net.last()->serverOpen();
        rig2.net.last()->serverClose(4000, S("SSL only"));
        QCOMPARE(rig2.delays, QList<int>{0});
        rig2.clock.advance(0);
        QCOMPARE(rig2.net.last()->url().toString(),
                 S("wss://localhost:6001/app/KEY?") + expectedQuery());
    }

    void refusedCodesFail_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("established");
        for (int code : {4001, 4003, 4004, 4005, 4007, 4009, 4099}) {
            QTest::addRow("%d established", code) << code << true;
            QTest::addRow("%d during handshake", code) << code << false;
        }
    }

    void refusedCodesFail()
    {
        QFETCH(int, code);
        QFETCH(bool, established);
        Rig rig;
        rig.connection->connect();
        FakeTransport *t = rig.net.last();
        t->serverOpen();
        if (established)
            t->serverHandshake();
        t->serverClose(code, S("refused"));
        QCOMPARE(toString(rig.state()), toString(State::Failed));
        QCOMPARE(rig.refused, QList<int>{code});
        QVERIFY(rig.delays.isEmpty());
        QVERIFY(rig.transitions.last().endsWith(QStringLiteral("->failed")));
        rig.clock.advance(3600 * 1000);
        QCOMPARE(rig.net.count(), 1);
        QCOMPARE(toString(rig.state()), toString(State::Failed)); // not even "unavailable"
        QCOMPARE(rig.clock.activeTimerCount(), 0);
        QVERIFY(rig.delays.isEmpty());

        // connect() after a refusal is a deliberate new attempt.
        rig.connection->connect();
        QCOMPARE(rig.net.count(), 2);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        QCOMPARE(rig.transitions.last(), T(State::Failed, State::Connecting));
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }

    void overCapacityBacksOffAtLeastOneSecond_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("established");
        QTest::newRow("4100 established") << 4100 << true;
        QTest::newRow("4100 handshake") << 4100 << false;
        QTest::newRow("4150") << 4150 << true;
        QTest::newRow("4199") << 4199 << false;
    }

    void overCapacityBacksOffAtLeastOneSecond()
    {
        QFETCH(int, code);
        QFETCH(bool, established);
        Rig rig;
        rig.clock.setRandom(0.0); // the smallest jitter
        rig.connection->connect();
        rig.net.last()->serverOpen();
        if (established)
            rig.net.last()->serverHandshake();
        for (int round = 0; round < 5; ++round) {
            rig.net.last()->serverClose(code, S("over capacity"));
            QCOMPARE(rig.delays.size(), round + 1);
            const int delay = rig.delays.last();
            QVERIFY2(delay >= 1000, qPrintable(QString::number(delay)));
            QVERIFY(delay <= rig.options.backoffMaxMs);
            const int before = rig.net.count();
            rig.clock.advance(delay - 1);
            QCOMPARE(rig.net.count(), before);
            rig.clock.advance(1);
            QCOMPARE(rig.net.count(), before + 1);
            rig.net.last()->serverOpen();
        }
        QVERIFY(rig.refused.isEmpty());
    }

    void retryCodesReconnectImmediately_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("4200") << 4200;
        QTest::newRow("4201") << 4201;
        QTest::newRow("4202") << 4202;
        QTest::newRow("4299") << 4299;
    }

    void retryCodesReconnectImmediately()
    {
        QFETCH(int, code);
        Rig rig;
        FakeTransport *t = rig.connectAndAccept();
        t->serverClose(code, S("reconnect"));
        QCOMPARE(rig.delays, QList<int>{0});
        QCOMPARE(rig.lost, QList<int>{code});
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(0);
        QCOMPARE(rig.net.count(), 2);
        rig.net.last()->accept(S("2.2"));
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.connectedIds, (QStringList{S("123.456"), S("2.2")}));
    }

    void retryCodeBeforeHandshakeBacksOff()
    {
        // 42xx during the handshake is not a "reconnect immediately" loop.
        Rig rig;
        rig.connection->connect();
        rig.net.last()->serverOpen();
        rig.net.last()->serverClose(4200, S("generic"));
        QCOMPARE(rig.delays.size(), 1);
        QVERIFY(rig.delays.first() > 0);
    }

    void networkFailureRetriesForeverWithCappedGrowth_data()
    {
        QTest::addColumn<double>("random");
        QTest::newRow("no jitter") << 0.5;
        QTest::newRow("min jitter") << 0.0;
        QTest::newRow("max jitter") << 0.999999;
        QTest::newRow("some jitter") << 0.3;
    }

    void networkFailureRetriesForeverWithCappedGrowth()
    {
        QFETCH(double, random);
        Rig rig;
        rig.clock.setRandom(random);
        const ConnectionOptions &o = rig.options;
        rig.connection->connect();
        const int attempts = 60;
        const qint64 firstFailure = rig.clock.nowMs();
        for (int i = 0; i < attempts; ++i) {
            QCOMPARE(rig.net.count(), i + 1);
            rig.net.last()->fail(Transport::Failure::Network, S("connection refused"));
            QCOMPARE(rig.delays.size(), i + 1);
            const int delay = rig.delays.last();
            // Quick phase first (a restart is bridged fast), then the full exponential.
            const bool quick = rig.clock.nowMs() - firstFailure < o.backoffQuickWindowMs;
            const double cap = quick ? o.backoffQuickMaxMs : o.backoffMaxMs;
            const double base = std::min(cap, o.backoffInitialMs * std::pow(o.backoffFactor, i));
            const double expected = std::min(cap, base * (1 + o.backoffJitter * (2 * random - 1)));
            QVERIFY2(
                std::abs(delay - expected) <= 1.0,
                qPrintable(QStringLiteral("attempt %1: %2 vs %3").arg(i).arg(delay).arg(expected)));
            QVERIFY(delay >= int(base * (1 - o.backoffJitter)) - 1);
            QVERIFY(delay <= o.backoffMaxMs);
            if (i > 0 && random == 0.5)
                QVERIFY(delay >= rig.delays.at(i - 1)); // grows (or stays at the cap)
            rig.clock.advance(delay - 1);
            QCOMPARE(rig.net.count(), i + 1);
            rig.clock.advance(1);
        }
        QCOMPARE(rig.net.count(), attempts + 1);
        // The cap was reached and held.
        if (random >= 0.5)
            QCOMPARE(rig.delays.last(), o.backoffMaxMs);
        QCOMPARE(rig.delays.last(), rig.delays.at(attempts - 2));
        QVERIFY(rig.refused.isEmpty());
        QVERIFY(rig.state() == State::Unavailable);
        for (const QString &tr : rig.transitions)
            QVERIFY(!tr.endsWith(QStringLiteral("->failed"))
                    && !tr.endsWith(QStringLiteral("->disconnected")));
        QCOMPARE(rig.lost.size(), attempts);
        QVERIFY(rig.lost.count(1006) == attempts);
    }

    void tlsFailureIsReportedAndRetried()
    {
        Rig rig;
        rig.connection->connect();
        rig.net.last()->fail(Transport::Failure::Tls, S("certificate expired"));
        QCOMPARE(rig.tlsErrors, QStringList{S("certificate expired")});
        QCOMPARE(rig.delays.size(), 1);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
    }

    void backoffResetsAfterSuccess()
    {
        Rig rig;
        rig.connection->connect();
        for (int i = 0; i < 8; ++i) {
            rig.net.last()->fail();
            rig.clock.advance(rig.delays.last());
        }
        const int grown = rig.delays.last();
        QVERIFY(grown > rig.delays.first() * 10);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        rig.clock.advance(60000); // some time passes (pings answered or not, doesn't matter)
        rig.net.last()->serverSend(S("{\"event\":\"pusher:pong\"}"));
        rig.net.last()->fail();
        QCOMPARE(rig.delays.last(), rig.delays.first());
        QCOMPARE(rig.delays.last(), rig.options.backoffInitialMs);
        const int before = rig.net.count();
        rig.clock.advance(rig.delays.last());
        QCOMPARE(rig.net.count(), before + 1);
        // And it grows again from there.
        rig.net.last()->fail();
        QCOMPARE(rig.delays.last(), rig.delays.at(1));
    }

    void unavailableThenConnected()
    {
        ConnectionOptions o = Rig::defaults();
        o.handshakeTimeoutMs = 30000; // one slow attempt: only the unavailable timer matters
        Rig rig(o);
        rig.connection->connect();
        rig.clock.advance(o.unavailableTimeoutMs - 1);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(1);
        QCOMPARE(toString(rig.state()), toString(State::Unavailable));
        QCOMPARE(rig.transitions,
                 (QStringList{T(State::Initialized, State::Connecting),
                              T(State::Connecting, State::Unavailable)}));
        rig.clock.advance(5000);
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.transitions.last(), T(State::Unavailable, State::Connected));
        QCOMPARE(rig.net.count(), 1);
    }

    void unavailableAcrossRetries()
    {
        Rig rig;
        rig.connection->connect();
        // Attempts keep failing; after unavailableTimeoutMs the state says so, and stays so.
        while (rig.clock.nowMs() < 30000) {
            if (FakeTransport *t = rig.net.last(); t && !t->isClosed() && !t->isAborted())
                t->fail();
            rig.clock.runNextTimer();
        }
        QCOMPARE(toString(rig.state()), toString(State::Unavailable));
        int unavailable = 0;
        for (const QString &tr : rig.transitions)
            unavailable += tr.endsWith(QStringLiteral("->unavailable")) ? 1 : 0;
        QCOMPARE(unavailable, 1);
        QCOMPARE(rig.transitions.at(1), T(State::Connecting, State::Unavailable));
        // The server finally answers (the next attempt).
        auto live = [&] {
            FakeTransport *t = rig.net.last();
            return t && !t->isClosed() && !t->isAborted();
        };
        while (!live())
            QVERIFY(rig.clock.runNextTimer());
        rig.net.last()->accept();
        QCOMPARE(toString(rig.state()), toString(State::Connected));
        QCOMPARE(rig.transitions.last(), T(State::Unavailable, State::Connected));
        // A later drop starts the unavailable clock from scratch.
        rig.net.last()->fail();
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
        rig.clock.advance(rig.options.unavailableTimeoutMs - 1);
        QCOMPARE(toString(rig.state()), toString(State::Connecting));
    }

    void unavailableTimerNotRunningWhileConnected()
    {
        Rig rig;
        rig.connectAndAccept();
        rig.clock.advance(rig.options.unavailableTimeoutMs * 3);
        rig.net.last()->serverSend(S("{\"event\":\"pusher:pong\"}"));
        QCOMPARE(toString(rig.state()), toString(State::Connected));
    }
};

QTEST_GUILESS_MAIN(TestConnectionRetry)
#include "tst_connectionretry.moc"
