// Large pusher_internal: payloads (a presence list of megabytes) are handed on by FrameParser as
// the wire had them, and unescaped on a later turn (json::unescapeStringToken): the token must be
// checked there as FrameParser would have, since a malformed one is no longer refused with its
// frame.
#include "pusher/Event.h"
#include "pusher/FrameParser.h"
#include "pusher/JsonStringToken.h"
#include "pusher/PresenceAnnouncement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace natter::pusher;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

// A JSON string literal for `text`, as a server writes one.
QByteArray literal(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// A presence announcement over the escaped size, `name` (UTF-8, JSON-escaped) among its members.
QString announcementFrame(const QString &event, const QByteArray &escapedName)
{
    QByteArray ids = "[\"a\"";
    QByteArray hash = "{\"a\":{\"name\":\"" + escapedName + "\"}";
    for (int i = 0; i < 20000; ++i) {
        ids += ",\"m" + QByteArray::number(i) + '"';
        hash += ",\"m" + QByteArray::number(i) + "\":{}";
    }
    const QByteArray data = "{\"presence\":{\"ids\":" + ids + "],\"hash\":" + hash + "}}}";
    return S("{\"event\":\"%1\",\"channel\":\"presence-x\",\"data\":%2}")
        .arg(event, QString::fromUtf8(literal(QString::fromUtf8(data))));
}

} // namespace

class TestEscapedPayloads : public QObject
{
    Q_OBJECT

private slots:
    void largeInternalPayloadsStayEscaped()
    {
        FrameParser p;
        Event e;
        const QString name = S("\xe2\x82\xac \\\"quoted\\\" \\u00e9 \\n");
        QVERIFY2(p.parse(announcementFrame(S("pusher_internal:subscription_succeeded"),
                                           name.toUtf8()),
                         e),
                 qPrintable(p.error()));
        QVERIFY(e.dataEscaped);
        QVERIFY(e.data.isEmpty());
        QVERIFY(e.dataUtf8.size() >= FrameParser::EscapedDataBytes);
        QVERIFY(e.dataUtf8.startsWith("\"{\\\"presence\\\":"));
        QVERIFY(e.dataUtf8.endsWith("}}\""));
        // Unescaped in place (the frame buffer's rest is its padding), with the escapes decoded.
        QVERIFY(json::roomAfter(e.dataUtf8) >= json::parsePadding());
        const std::optional<QByteArray> text = json::unescapeStringToken(e.dataUtf8);
        QVERIFY(text);
        QVERIFY(text->startsWith("{\"presence\":{\"ids\":[\"a\",\"m0\""));
        QVERIFY(json::roomAfter(*text) >= json::parsePadding());
        const QList<Member> members = PresenceAnnouncement::membersFromPaddedUtf8(*text, 3);
        QCOMPARE(members.size(), 3);
        QCOMPARE(members.at(0).info.value(S("name")).toString(),
                 S("\xe2\x82\xac \"quoted\" \xc3\xa9 \n"));
        // dataJson() reads it like any other payload.
        const QJsonObject presence = e.dataObject().value(S("presence")).toObject();
        QCOMPARE(presence.value(S("ids")).toArray().size(), 20001);
        QCOMPARE(presence.value(S("hash")).toObject().value(S("a")).toObject().value(S("name")),
                 QJsonValue(S("\xe2\x82\xac \"quoted\" \xc3\xa9 \n")));

        // The parser's next frame has a buffer of its own.
        QVERIFY(p.parse(S("{\"event\":\"pusher_internal:member_added\",\"data\":\"{\\\"user_id\\\""
                          ":\\\"b\\\"}\"}"),
                        e));
        QVERIFY(!e.dataEscaped);
        QCOMPARE(e.dataUtf8, QByteArray("{\"user_id\":\"b\"}"));
        QVERIFY(text->startsWith("{\"presence\":"));
    }

    void otherLargePayloadsAreUnescapedAtOnce()
    {
        FrameParser p;
        Event e;
        QVERIFY(p.parse(announcementFrame(S("client-big"), "x"), e));
        QVERIFY(!e.dataEscaped);
        QVERIFY(e.dataUtf8.isEmpty());
        QVERIFY(e.data.startsWith(S("{\"presence\":{")));
        // A small internal one, too, and a malformed escape in it refuses the frame as before.
        QVERIFY(!p.parse(S("{\"event\":\"pusher_internal:x\",\"data\":\"\\x\"}"), e));
        QCOMPARE(p.error(), S("malformed \"data\""));
        // "data" twice: the last one counts, whatever its kind.
        QVERIFY(p.parse(S("{\"event\":\"x\",\"data\":\"a\\\"\",\"data\":{\"b\":1}}"), e));
        QCOMPARE(e.dataKind, Event::DataKind::Json);
        QCOMPARE(e.data, S("{\"b\":1}"));
        QVERIFY(p.parse(S("{\"event\":\"x\",\"data\":{\"b\":1},\"data\":\"a\\\"\"}"), e));
        QCOMPARE(e.dataKind, Event::DataKind::String);
        QCOMPARE(e.data, S("a\""));
    }

    void aMalformedEscapeInALargePayloadIsFoundWhenItIsRead()
    {
        // Not refused with its frame any more: found when unescaped, and read as no payload.
        FrameParser p;
        Event e;
        QString frame = announcementFrame(S("pusher_internal:subscription_succeeded"), "x");
        frame.replace(S("\\\"x\\\""), S("\\\"\\q\\\"")); // \"x\" becomes \"\q\"
        QVERIFY(frame.contains(S("\\q")));
        QVERIFY(p.parse(frame, e));
        QVERIFY(e.dataEscaped);
        QVERIFY(!json::unescapeStringToken(e.dataUtf8));
        QCOMPARE(e.dataJson(), QJsonValue(QJsonValue::Undefined));
        QVERIFY(e.dataObject().isEmpty());
    }

    void tokensAreCheckedNotTrusted_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("plain") << QByteArray("\"abc\"") << true << QByteArray("abc");
        QTest::newRow("empty") << QByteArray("\"\"") << true << QByteArray();
        QTest::newRow("escapes") << QByteArray("\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\"") << true
                                 << QByteArray("a\"b\\c/\n\xc3\xa9\xf0\x9f\x98\x80");
        QTest::newRow("no quotes") << QByteArray("abc") << false << QByteArray();
        QTest::newRow("empty input") << QByteArray() << false << QByteArray();
        QTest::newRow("unclosed") << QByteArray("\"abc") << false << QByteArray();
        QTest::newRow("escaped close") << QByteArray("\"abc\\\"") << false << QByteArray();
        QTest::newRow("quote inside") << QByteArray("\"a\"b\"") << false << QByteArray();
        QTest::newRow("trailing") << QByteArray("\"a\" 1") << false << QByteArray();
        QTest::newRow("bad escape") << QByteArray("\"\\x\"") << false << QByteArray();
        QTest::newRow("short unicode") << QByteArray("\"\\u12\"") << false << QByteArray();
        QTest::newRow("lone surrogate") << QByteArray("\"\\ud800\"") << false << QByteArray();
        QTest::newRow("not UTF-8") << QByteArray("\"\xff\xfe\"") << false << QByteArray();
        QTest::newRow("a number") << QByteArray("12") << false << QByteArray();
    }

    void tokensAreCheckedNotTrusted()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, valid);
        QFETCH(QByteArray, text);
        // Every way in: copied (no room after it), read in place (room after it), and read in
        // place from the middle of its allocation (what is left after a removal from the front,
        // as FrameParser does: capacity() would count the room before it too).
        QByteArray roomy = token;
        roomy.reserve(token.size() + 4 * json::parsePadding());
        QByteArray shifted = QByteArray(4 * json::parsePadding(), 'x') + token;
        shifted.remove(0, 4 * json::parsePadding());
        QCOMPARE(shifted, token);
        if (!token.isEmpty()) // removing everything leaves nothing to move
            QVERIFY(json::roomAfter(shifted) < shifted.capacity() - shifted.size());
        for (const QByteArray &input : {token, roomy, shifted}) {
            const std::optional<QByteArray> result = json::unescapeStringToken(input);
            QCOMPARE(result.has_value(), valid);
            if (valid) {
                QCOMPARE(*result, text);
                QVERIFY(json::roomAfter(*result) >= json::parsePadding());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestEscapedPayloads)
#include "tst_escapedpayloads.moc"
