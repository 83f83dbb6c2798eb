// Signatures against the vectors of docs/pusher-protocol.md sections 3-5 (V1-V7, V9-V12).
#include "pusher/Signer.h"

#include <QTest>

using natter::pusher::Signer;

namespace {
const QString DocKey = QStringLiteral("278d425bdf160c739803");
const QByteArray DocSecret = "7ad3773142a6692b25b8";
const QString DocSocket = QStringLiteral("1234.1234");
constexpr qint64 DocTimestamp = 1353088179;
} // namespace

class TestSigner : public QObject
{
    Q_OBJECT
private slots:
    void v1PrivateChannel()
    {
        const Signer signer(DocKey, DocSecret);
        QCOMPARE(
            signer.channelAuth(DocSocket, QStringLiteral("private-foobar")),
            QStringLiteral("278d425bdf160c739803:"
                           "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"));
    }

    void v2UserAuthentication()
    {
        const Signer signer(DocKey, DocSecret);
        QCOMPARE(
            signer.userAuth(DocSocket, QStringLiteral(R"({"id":"12345"})")),
            QStringLiteral("278d425bdf160c739803:"
                           "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba"));
    }

    // The auth-signatures page prints the "Mr. Channels" input with afaed369..., but that
    // digest belongs to the page's older "Mr. Pusher" text (renamed without recomputing). Both
    // are pinned so the discrepancy stays documented.
    void v3PresenceAsPrinted()
    {
        const Signer signer(DocKey, DocSecret);
        const QString channelData = QStringLiteral(
            R"({"user_id":10,"user_info":{"name":"Mr. Channels"}})");
        QCOMPARE(
            signer.presenceAuth(DocSocket, QStringLiteral("presence-foobar"), channelData),
            QStringLiteral("278d425bdf160c739803:"
                           "31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80"));
    }

    void v3PrimeDocsDigestIsMrPusher()
    {
        const Signer signer(DocKey, DocSecret);
        const QString channelData = QStringLiteral(
            R"({"user_id":10,"user_info":{"name":"Mr. Pusher"}})");
        QCOMPARE(
            signer.presenceAuth(DocSocket, QStringLiteral("presence-foobar"), channelData),
            QStringLiteral("278d425bdf160c739803:"
                           "afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c"));
    }

    void v4PresenceStringUserId()
    {
        const Signer signer(DocKey, DocSecret);
        const QString channelData = QStringLiteral(
            R"({"user_id":"10","user_info":{"name":"Mr. Channels"}})");
        QCOMPARE(
            signer.presenceAuth(DocSocket, QStringLiteral("presence-foobar"), channelData),
            QStringLiteral("278d425bdf160c739803:"
                           "4c6d8fc42a207ba96a0779844171b0bb819d96ffceef9609f5cce596ab17a800"));
    }

    // pusher-http-node signs "<socket>:<channel>:<JSON.stringify(data)>" when given data.
    void v5NodeEncryptedWithData()
    {
        const Signer signer(QStringLiteral("f00d"), "tofu");
        QCOMPARE(
            signer.presenceAuth(QStringLiteral("123.456"), QStringLiteral("private-encrypted-bla"),
                                QStringLiteral("\"foo\"")),
            QStringLiteral("f00d:"
                           "962c48b78bf93d98ff4c92ee7dff04865821455b7b401e9d60a9e0a90af2c105"));
    }

    void v6NodeUserAuthentication()
    {
        const Signer signer(QStringLiteral("aaaa"), "tofu");
        QCOMPARE(
            signer.userAuth(QStringLiteral("123.456"), QStringLiteral(R"({"id":"45678"})")),
            QStringLiteral("aaaa:"
                           "f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd"));
    }

    void v7SharedSecret()
    {
        const QByteArray masterKey = QByteArray::fromBase64(
            "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
        QCOMPARE(masterKey.size(), 32);
        const QByteArray secret = Signer::sharedSecret(QStringLiteral("private-encrypted-bla"),
                                                       masterKey);
        QCOMPARE(secret.size(), 32);
        QCOMPARE(secret.toBase64(), QByteArray("nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ="));
    }

    void v9RestTrigger()
    {
        const Signer signer(DocKey, DocSecret);
        // Not a raw string: moc 6.4 silently skips the whole file when a raw string holds \".
        const QByteArray body = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{"
                                "\\\"some\\\":\\\"data\\\"}\"}";
        const QString path = QStringLiteral("/apps/3/events");
        QCOMPARE(Signer::bodyMd5Hex(body), QByteArray("ec365a775a4cd0599faeb73354201b6f"));
        QCOMPARE(signer.restStringToSign(QStringLiteral("POST"), path, {}, body, DocTimestamp),
                 QStringLiteral("POST\n/apps/3/events\nauth_key=278d425bdf160c739803"
                                "&auth_timestamp=1353088179&auth_version=1.0"
                                "&body_md5=ec365a775a4cd0599faeb73354201b6f"));
        QCOMPARE(
            signer.restSignature(QStringLiteral("POST"), path, {}, body, DocTimestamp),
            QStringLiteral("da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"));
        QCOMPARE(
            signer.restQuery(QStringLiteral("POST"), path, {}, body, DocTimestamp),
            QStringLiteral("auth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                           "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f"
                           "&auth_signature="
                           "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"));
    }

    void v10RestChannels()
    {
        const Signer signer(DocKey, DocSecret);
        const QString expected = QStringLiteral(
            "16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291");
        const Signer::QueryParams params{
            {QStringLiteral("filter_by_prefix"), QStringLiteral("presence-")},
            {QStringLiteral("info"), QStringLiteral("user_count")}};
        QCOMPARE(signer.restSignature(QStringLiteral("GET"), QStringLiteral("/apps/3/channels"),
                                      params, {}, DocTimestamp),
                 expected);
        QCOMPARE(signer.restQuery(QStringLiteral("GET"), QStringLiteral("/apps/3/channels"), params,
                                  {}, DocTimestamp),
                 QStringLiteral("auth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                                "&auth_version=1.0&filter_by_prefix=presence-&info=user_count"
                                "&auth_signature=")
                     + expected);

        // Keys are lower-cased and sorted before signing, whatever the caller passes; the
        // method is upper-cased.
        const Signer::QueryParams shuffled{
            {QStringLiteral("INFO"), QStringLiteral("user_count")},
            {QStringLiteral("Filter_By_Prefix"), QStringLiteral("presence-")}};
        QCOMPARE(signer.restSignature(QStringLiteral("get"), QStringLiteral("/apps/3/channels"),
                                      shuffled, {}, DocTimestamp),
                 expected);

        // Caller-supplied auth parameters cannot override the real ones.
        Signer::QueryParams sneaky = params;
        sneaky.append({QStringLiteral("auth_timestamp"), QStringLiteral("1")});
        sneaky.append({QStringLiteral("auth_signature"), QStringLiteral("00")});
        QTest::ignoreMessage(QtWarningMsg,
                             "ignoring reserved REST query parameter \"auth_timestamp\"");
        QTest::ignoreMessage(QtWarningMsg,
                             "ignoring reserved REST query parameter \"auth_signature\"");
        QCOMPARE(signer.restSignature(QStringLiteral("GET"), QStringLiteral("/apps/3/channels"),
                                      sneaky, {}, DocTimestamp),
                 expected);
    }

    // Values are signed raw but sent percent-encoded; the server decodes before re-signing.
    void restQueryEncodesValuesButSignsThemRaw()
    {
        const Signer signer(DocKey, DocSecret);
        const Signer::QueryParams params{
            {QStringLiteral("info"), QStringLiteral("user_count,subscription_count")},
            {QStringLiteral("filter_by_prefix"), QStringLiteral("a b&c=d")}};
        const QString toSign = signer.restStringToSign(
            QStringLiteral("GET"), QStringLiteral("/apps/3/channels"), params, {}, DocTimestamp);
        QVERIFY(toSign.endsWith(
            QStringLiteral("&filter_by_prefix=a b&c=d&info=user_count,subscription_count")));
        const QString query = signer.restQuery(
            QStringLiteral("GET"), QStringLiteral("/apps/3/channels"), params, {}, DocTimestamp);
        QVERIFY2(query.contains(QStringLiteral(
                     "&filter_by_prefix=a%20b%26c%3Dd&info=user_count%2Csubscription_count&")),
                 qPrintable(query));
        QVERIFY(query.endsWith(QStringLiteral("&auth_signature=")
                               + signer.restSignature(QStringLiteral("GET"),
                                                      QStringLiteral("/apps/3/channels"), params,
                                                      {}, DocTimestamp)));
    }

    void v11RestBatch()
    {
        const Signer signer(DocKey, DocSecret);
        const QByteArray body = "{\"batch\":[{\"channel\":\"private-foobar\",\"name\":\"foo\","
                                "\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}]}";
        QCOMPARE(Signer::bodyMd5Hex(body), QByteArray("9d97c293148e99921ae28bd150fe256b"));
        QCOMPARE(
            signer.restSignature(QStringLiteral("POST"), QStringLiteral("/apps/3/batch_events"), {},
                                 body, DocTimestamp),
            QStringLiteral("8d59d10c28bde2d607a34724d60ea58224c064aa7f99dab512e40c5209e04bc3"));
    }

    void v12Webhook()
    {
        const Signer signer(DocKey, DocSecret);
        const QByteArray body
            = R"({"time_ms":1327078148132,"events":[{"name":"channel_occupied","channel":"my-channel"}]})";
        const QByteArray expected
            = "c19001ae3963ccb13bf618e5b16ba9848e7e74df0993aa0689168e341c6833cf";
        QCOMPARE(signer.webhookSignature(body), QString::fromLatin1(expected));
        QVERIFY(signer.verifyWebhook(body, expected));
        QVERIFY(signer.verifyWebhook(body, expected.toUpper()));
    }

    void verifyWebhookRejects()
    {
        const Signer signer(DocKey, DocSecret);
        const QByteArray body
            = R"({"time_ms":1327078148132,"events":[{"name":"channel_occupied","channel":"my-channel"}]})";
        const QByteArray good = "c19001ae3963ccb13bf618e5b16ba9848e7e74df0993aa0689168e341c6833cf";
        QByteArray flipped = good;
        flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
        QVERIFY(!signer.verifyWebhook(body, flipped));
        QVERIFY(!signer.verifyWebhook(body, good.left(63)));
        QVERIFY(!signer.verifyWebhook(body, good + "0"));
        QVERIFY(!signer.verifyWebhook(body, QByteArray()));
        QVERIFY(!signer.verifyWebhook(QByteArray(body).replace("my-channel", "my-channeL"), good));
        QVERIFY(!Signer(DocKey, "other-secret").verifyWebhook(body, good));
    }

    void validSocketId_data()
    {
        QTest::addColumn<QString>("socketId");
        QTest::addColumn<bool>("valid");
        QTest::newRow("doc") << QStringLiteral("1234.1234") << true;
        QTest::newRow("short") << QStringLiteral("1.2") << true;
        QTest::newRow("long") << QStringLiteral("123456789012.987654321") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no dot") << QStringLiteral("12341234") << false;
        QTest::newRow("leading dot") << QStringLiteral(".1234") << false;
        QTest::newRow("trailing dot") << QStringLiteral("1234.") << false;
        QTest::newRow("two dots") << QStringLiteral("1.2.3") << false;
        QTest::newRow("letters") << QStringLiteral("12a4.1234") << false;
        QTest::newRow("colon injection") << QStringLiteral("1234.1234:private-x") << false;
        QTest::newRow("space") << QStringLiteral(" 1234.1234") << false;
        QTest::newRow("newline") << QStringLiteral("1234.1234\n") << false;
        QTest::newRow("negative") << QStringLiteral("-1.2") << false;
        // \d would accept these in QRegularExpression; servers would not.
        QTest::newRow("arabic-indic digits") << QString::fromUtf8("\u0661\u0662.\u0663") << false;
        QTest::newRow("fullwidth digits") << QString::fromUtf8("\uff11.\uff12") << false;
    }

    void validSocketId()
    {
        QFETCH(QString, socketId);
        QFETCH(bool, valid);
        QCOMPARE(Signer::validSocketId(socketId), valid);
    }

    void utf8Inputs()
    {
        // Names and data are hashed as UTF-8, as every server library does.
        const Signer signer(DocKey, DocSecret);
        const QString data = QString::fromUtf8(
            R"({"user_id":"1","user_info":{"name":"Zoë 🙂"}})");
        const QString a = signer.presenceAuth(DocSocket, QStringLiteral("presence-x"), data);
        const QString b = signer.presenceAuth(DocSocket, QStringLiteral("presence-x"),
                                              QString::fromLatin1(data.toUtf8()));
        QVERIFY(a != b);
        QVERIFY(a.startsWith(DocKey + QLatin1Char(':')));
        QCOMPARE(a.size(), DocKey.size() + 1 + 64);
    }
};

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
