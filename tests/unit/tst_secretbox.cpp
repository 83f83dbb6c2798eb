// libsodium secretbox as used by private-encrypted- channels (docs/pusher-protocol.md section 4).
#include "pusher/SecretBox.h"

#include <QTest>

using natter::pusher::SecretBox;

namespace {

// V7's shared secret doubles as V8's key.
QByteArray v8Key()
{
    return QByteArray::fromBase64("nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=");
}

QByteArray v8Nonce()
{
    QByteArray nonce;
    for (char i = 0; i < 24; ++i)
        nonce.append(i);
    return nonce;
}

const QByteArray V8Plaintext = "{\"message\":\"hello world\"}";
const QByteArray V8Ciphertext = "33oMbJp4jf9rt7Abv2Sc4QEidySHWH/MlDfFNmdv+bWcdikhl31YXp8=";
const QByteArray V8NonceBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYX";

QByteArray envelope(const QByteArray &nonce, const QByteArray &ciphertext)
{
    return "{\"nonce\":\"" + nonce + "\",\"ciphertext\":\"" + ciphertext + "\"}";
}

} // namespace

class TestSecretBox : public QObject
{
    Q_OBJECT
private slots:
    void v8Seal()
    {
        QCOMPARE(v8Nonce().toBase64(), V8NonceBase64);
        const QByteArray sealed = SecretBox::seal(V8Plaintext, v8Nonce(), v8Key());
        QCOMPARE(sealed.size(), V8Plaintext.size() + SecretBox::MacBytes);
        QCOMPARE(sealed.toBase64(), V8Ciphertext);
    }

    void v8Open()
    {
        const auto opened = SecretBox::open(QByteArray::fromBase64(V8Ciphertext), v8Nonce(),
                                            v8Key());
        QVERIFY(opened);
        QCOMPARE(*opened, V8Plaintext);
    }

    void openEnvelopeWireExample()
    {
        // The exact `data` string of the wire example in section 4.
        const QByteArray data = "{\"nonce\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYX\",\"ciphertext\":"
                                "\"33oMbJp4jf9rt7Abv2Sc4QEidySHWH/MlDfFNmdv+bWcdikhl31YXp8=\"}";
        const auto opened = SecretBox::openEnvelope(data, v8Key());
        QVERIFY(opened);
        QCOMPARE(*opened, V8Plaintext);
        // Member order and whitespace are irrelevant.
        const auto reordered = SecretBox::openEnvelope(
            "{ \"ciphertext\" : \"" + V8Ciphertext + "\", \"nonce\": \"" + V8NonceBase64 + "\" }",
            v8Key());
        QVERIFY(reordered);
        QCOMPARE(*reordered, V8Plaintext);
    }

    void sealEnvelopeRoundTrip()
    {
        const QByteArray fixed = SecretBox::sealEnvelope(V8Plaintext, v8Key(), v8Nonce());
        QVERIFY(fixed.contains(V8Ciphertext));
        QVERIFY(fixed.contains(V8NonceBase64));
        QCOMPARE(SecretBox::openEnvelope(fixed, v8Key()).value_or(QByteArray()), V8Plaintext);

        const QByteArray a = SecretBox::sealEnvelope(V8Plaintext, v8Key());
        const QByteArray b = SecretBox::sealEnvelope(V8Plaintext, v8Key());
        QVERIFY(a != b); // fresh random nonces
        QCOMPARE(SecretBox::openEnvelope(a, v8Key()).value_or(QByteArray()), V8Plaintext);
        QCOMPARE(SecretBox::openEnvelope(b, v8Key()).value_or(QByteArray()), V8Plaintext);
        QCOMPARE(SecretBox::randomNonce().size(), SecretBox::NonceBytes);
    }

    void emptyPlaintext()
    {
        const QByteArray sealed = SecretBox::seal({}, v8Nonce(), v8Key());
        QCOMPARE(sealed.size(), SecretBox::MacBytes);
        const auto opened = SecretBox::open(sealed, v8Nonce(), v8Key());
        QVERIFY(opened);
        QVERIFY(opened->isEmpty());
    }

    void sealRejectsBadSizes()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("secretbox seal")));
        QVERIFY(SecretBox::seal(V8Plaintext, v8Nonce(), v8Key().left(31)).isEmpty());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("secretbox seal")));
        QVERIFY(SecretBox::seal(V8Plaintext, v8Nonce().left(23), v8Key()).isEmpty());
    }

    void openRejects()
    {
        const QByteArray ciphertext = QByteArray::fromBase64(V8Ciphertext);
        QVERIFY(!SecretBox::open(ciphertext, v8Nonce(), v8Key().left(31)));
        QVERIFY(!SecretBox::open(ciphertext, v8Nonce(), v8Key() + 'x'));
        QVERIFY(!SecretBox::open(ciphertext, v8Nonce().left(23), v8Key()));
        QVERIFY(!SecretBox::open(ciphertext.left(15), v8Nonce(), v8Key()));
        QVERIFY(!SecretBox::open({}, v8Nonce(), v8Key()));
        QByteArray otherKey = v8Key();
        otherKey[0] = char(otherKey[0] ^ 1);
        QVERIFY(!SecretBox::open(ciphertext, v8Nonce(), otherKey));
    }

    void openEnvelopeMalformed_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QByteArray tampered = QByteArray::fromBase64(V8Ciphertext);
        tampered[tampered.size() - 1] = char(tampered[tampered.size() - 1] ^ 0x01);
        QByteArray tamperedMac = QByteArray::fromBase64(V8Ciphertext);
        tamperedMac[0] = char(tamperedMac[0] ^ 0x80);
        QByteArray otherNonce = v8Nonce();
        otherNonce[23] = 0x42;

        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("nonce=AAEC&ciphertext=33oM");
        QTest::newRow("truncated json") << envelope(V8NonceBase64, V8Ciphertext).chopped(1);
        QTest::newRow("json array")
            << QByteArray("[\"" + V8NonceBase64 + "\",\"" + V8Ciphertext + "\"]");
        QTest::newRow("json string") << QByteArray("\"" + V8Ciphertext + "\"");
        QTest::newRow("double encoded") << QByteArray(
            "\"" + envelope(V8NonceBase64, V8Ciphertext).replace("\"", "\\\"") + "\"");
        QTest::newRow("missing nonce") << QByteArray("{\"ciphertext\":\"" + V8Ciphertext + "\"}");
        QTest::newRow("missing ciphertext") << QByteArray("{\"nonce\":\"" + V8NonceBase64 + "\"}");
        QTest::newRow("nonce not a string")
            << QByteArray("{\"nonce\":123,\"ciphertext\":\"" + V8Ciphertext + "\"}");
        QTest::newRow("ciphertext not a string")
            << QByteArray("{\"nonce\":\"" + V8NonceBase64 + "\",\"ciphertext\":[1,2]}");
        QTest::newRow("nonce null")
            << QByteArray("{\"nonce\":null,\"ciphertext\":\"" + V8Ciphertext + "\"}");
        QTest::newRow("nonce bad base64")
            << envelope("AAECAwQF*gcICQoLDA0ODxAREhMUFRYX", V8Ciphertext);
        QTest::newRow("ciphertext bad base64") << envelope(V8NonceBase64, "33oM!!!!");
        QTest::newRow("nonce 23 bytes") << envelope(v8Nonce().left(23).toBase64(), V8Ciphertext);
        QTest::newRow("nonce 25 bytes") << envelope((v8Nonce() + 'x').toBase64(), V8Ciphertext);
        QTest::newRow("nonce empty") << envelope("", V8Ciphertext);
        QTest::newRow("ciphertext empty") << envelope(V8NonceBase64, "");
        QTest::newRow("ciphertext shorter than mac")
            << envelope(V8NonceBase64, QByteArray::fromBase64(V8Ciphertext).left(15).toBase64());
        QTest::newRow("tampered ciphertext") << envelope(V8NonceBase64, tampered.toBase64());
        QTest::newRow("tampered mac") << envelope(V8NonceBase64, tamperedMac.toBase64());
        QTest::newRow("wrong nonce") << envelope(otherNonce.toBase64(), V8Ciphertext);
    }

    void openEnvelopeMalformed()
    {
        QFETCH(QByteArray, payload);
        QVERIFY(!SecretBox::openEnvelope(payload, v8Key()));
    }

    void openEnvelopeWrongKey()
    {
        const QByteArray payload = envelope(V8NonceBase64, V8Ciphertext);
        QVERIFY(!SecretBox::openEnvelope(payload, QByteArray(32, '\0')));
        QVERIFY(!SecretBox::openEnvelope(payload, v8Key().left(16)));
        QVERIFY(!SecretBox::openEnvelope(payload, {}));
    }
};

QTEST_GUILESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
