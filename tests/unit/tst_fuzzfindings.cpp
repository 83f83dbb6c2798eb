// Inputs the fuzz targets (tests/fuzz) found to misbehave, replayed against the product code.
// Each input is also kept in its target's corpus, so the fuzzers start from it.
#include "chat/NatterServerApi.h"
#include "chat/ProfileStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using natter::chat::NatterServerApi;
using natter::chat::ProfileStore;
using natter::chat::ServerProfile;

class TestFuzzFindings : public QObject
{
    Q_OBJECT
private slots:
    // fuzz_chatwire: a new_message whose id is a JSON number outside qint64 was cast from double
    // (undefined behaviour; UBSan: "1e+300 is outside the range of representable values").
    // tests/fuzz/corpus/chatwire/ub-new-message-id-1e300.
    void newMessageIdOutsideQint64_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<qint64>("expected"); // 0: not a message
        QTest::newRow("1e300") << QByteArray("1e300") << qint64(0);
        QTest::newRow("-1e300") << QByteArray("-1e300") << qint64(0);
        QTest::newRow("2^63") << QByteArray("9223372036854775808") << qint64(0);
        QTest::newRow("2^64") << QByteArray("18446744073709551616") << qint64(0);
        QTest::newRow("2^53") << QByteArray("9007199254740992") << qint64(9007199254740992);
        QTest::newRow("17") << QByteArray("17") << qint64(17);
    }
    void newMessageIdOutsideQint64()
    {
        QFETCH(QByteArray, id);
        QFETCH(qint64, expected);
        const QByteArray json = "{\"id\":" + id
            + ",\"room\":\"lobby\",\"client_id\":\"c-1\",\"text\":\"hi\","
              "\"sent_at\":\"2026-11-30T12:00:00.123Z\",\"user\":{\"id\":\"alice\",\"name\":\"A\"}"
              "}";
        const auto m = NatterServerApi::parseMessage(QJsonDocument::fromJson(json).object());
        QCOMPARE(m.has_value(), expected != 0);
        if (m)
            QCOMPARE(m->serverId, expected);
    }

    // fuzz_profile: a settings file whose profile array claims a huge size made ProfileStore
    // read that many empty entries: Natter hung at start-up (libFuzzer: timeout).
    // tests/fuzz/corpus/profile/timeout-profiles-size.
    void profileArraySizeIsNotTrusted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("natter.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[profiles]\n1\\name=first\n3\\name=third\nsize=2000000000\n");
        file.close();
        QSettings settings(path, QSettings::IniFormat);
        QElapsedTimer timer;
        timer.start();
        ProfileStore store(&settings);
        const QList<ServerProfile> profiles = store.profiles();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).name, QStringLiteral("first"));
        QCOMPARE(profiles.at(1).name, QStringLiteral("third"));
    }

    // fuzz_profile (bench/fuzz, 2026-12-01): one entry numbered 20,000,000 under a large size
    // read 20 million empty entries before it (138 s of CPU; libFuzzer: timeout).
    // tests/fuzz/corpus/profile/timeout-profiles-index.
    void profileArrayIndexIsNotTrusted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("natter.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[profiles]\n2\\name=second\n20000000\\name=far\n"
                   "2000000000\\name=beyond\nsize=1000000000\n");
        file.close();
        QSettings settings(path, QSettings::IniFormat);
        QElapsedTimer timer;
        timer.start();
        ProfileStore store(&settings);
        const QList<ServerProfile> profiles = store.profiles();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).name, QStringLiteral("second"));
        QCOMPARE(profiles.at(1).name, QStringLiteral("far"));
    }
};

QTEST_GUILESS_MAIN(TestFuzzFindings)
#include "tst_fuzzfindings.moc"
