// Backoff: capped exponential growth, jitter bounded by the (injected) random source, reset.
#include "FakeClock.h"

#include "pusher/Backoff.h"

#include <QTest>

#include <cmath>

using namespace natter::pusher;

class TestBackoff : public QObject
{
    Q_OBJECT
private slots:
    void growsAndCapsWithoutJitter()
    {
        FakeClock clock; // random() = 0.5: no jitter
        Backoff b(&clock, 100, 15000, 1.5, 0.2);
        QCOMPARE(b.attempt(), 0);
        const QList<int> expected{100,  150,  225,  338,  506,   759,   1139, 1709,
                                  2563, 3844, 5767, 8650, 12975, 15000, 15000};
        QList<int> got;
        for (int i = 0; i < expected.size(); ++i)
            got << b.next();
        QCOMPARE(got, expected);
        QCOMPARE(b.attempt(), int(expected.size()));
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(b.next(), 15000); // no overflow, however long it runs
    }

    void resetStartsOver()
    {
        FakeClock clock;
        Backoff b(&clock, 100, 15000, 1.5, 0.2);
        for (int i = 0; i < 10; ++i)
            b.next();
        b.reset();
        QCOMPARE(b.attempt(), 0);
        QCOMPARE(b.next(), 100);
        QCOMPARE(b.next(), 150);
    }

    void jitterIsBounded_data()
    {
        QTest::addColumn<double>("random");
        QTest::newRow("0") << 0.0;
        QTest::newRow("0.25") << 0.25;
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("0.75") << 0.75;
        QTest::newRow("almost 1") << 0.9999999;
    }

    void jitterIsBounded()
    {
        QFETCH(double, random);
        FakeClock clock;
        clock.setRandom(random);
        const int initial = 100;
        const int max = 15000;
        const double factor = 1.5;
        const double jitter = 0.2;
        Backoff b(&clock, initial, max, factor, jitter);
        for (int i = 0; i < 30; ++i) {
            const double base = std::min(double(max), initial * std::pow(factor, i));
            const int d = b.next();
            const double expected = std::min(double(max), base * (1 + jitter * (2 * random - 1)));
            QVERIFY2(std::abs(d - expected) <= 0.5 + 1e-9,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(d).arg(expected)));
            QVERIFY(d >= std::floor(base * (1 - jitter)));
            QVERIFY(d <= max); // jitter never exceeds the cap
        }
        QVERIFY(clock.randomCalls() >= 30);
    }

    void degenerateParameters()
    {
        FakeClock clock;
        clock.setRandom(0.0);
        Backoff zero(&clock, 0, 1000, 2.0, 0.5);
        QCOMPARE(zero.next(), 0);
        QCOMPARE(zero.next(), 0);
        Backoff flat(&clock, 500, 500, 1.0, 0.0);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(flat.next(), 500);
        Backoff fullJitter(&clock, 1000, 60000, 2.0, 1.0);
        QCOMPARE(fullJitter.next(), 0); // random 0 with 100 % jitter: never negative
    }

    // Quick while an outage is young (a server restart is bridged within ~2 s of its return),
    // fully exponential once it has lasted.
    void quickPhaseKeepsDelaysShortWhileTheOutageIsYoung()
    {
        FakeClock clock;
        clock.setRandom(0.999); // the largest jitter
        Backoff b(&clock, 100, 15000, 1.5, 0.2);
        b.setQuickPhase(30000, 1200);
        qint64 elapsed = 0;
        int maxSeen = 0;
        while (elapsed < 29000) {
            const int d = b.next();
            QVERIFY2(d <= 1200, qPrintable(QString::number(d)));
            maxSeen = qMax(maxSeen, d);
            clock.advance(d);
            elapsed += d;
        }
        QCOMPARE(maxSeen, 1200);
        // Past the window: the full exponential resumes, up to its cap.
        clock.advance(2000);
        int later = 0;
        for (int i = 0; i < 5; ++i)
            later = qMax(later, b.next());
        QCOMPARE(later, 15000);
        // A good connection resets it: the next outage is quick again.
        b.reset();
        clock.setRandom(0.5); // no jitter
        QCOMPARE(b.next(), 100);
        clock.advance(25000);
        for (int i = 0; i < 10; ++i)
            QVERIFY(b.next() <= 1200);
    }

    void quickCapNeverLowersASlowStart()
    {
        FakeClock clock;
        Backoff b(&clock, 5000, 15000, 1.5, 0.0);
        b.setQuickPhase(30000, 1200);
        QCOMPARE(b.next(), 5000);
        QCOMPARE(b.next(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
