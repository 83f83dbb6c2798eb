// FrameParser: the envelope parser on the per-event hot path, and Event's lazy payload access.
#include "pusher/Event.h"
#include "pusher/FrameParser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <string>

using namespace natter::pusher;

namespace {
QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Parses `text`, failing the test (with the parser's reason) if it does not parse.
Event mustParse(FrameParser &parser, const QString &text)
{
    Event e;
    const bool ok = parser.parse(text, e);
    if (!ok)
        qWarning("unexpected parse failure for %s: %s", qPrintable(text),
                 qPrintable(parser.error()));
    return ok ? e : Event{};
}
} // namespace

class TestFrameParser : public QObject
{
    Q_OBJECT
private slots:
    void doubleEncodedData()
    {
        FrameParser p;
        Event e;
        QVERIFY(p.parse(S("{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_"
                          "id\\\":\\\"123.456\\\",\\\"activity_timeout\\\":120}\"}"),
                        e));
        QCOMPARE(e.event, S("pusher:connection_established"));
        QVERIFY(e.channel.isEmpty());
        QCOMPARE(e.dataKind, Event::DataKind::String);
        QCOMPARE(e.data, S("{\"socket_id\":\"123.456\",\"activity_timeout\":120}"));
        const QJsonObject o = e.dataObject();
        QCOMPARE(o.value(QLatin1String("socket_id")).toString(), S("123.456"));
        QCOMPARE(o.value(QLatin1String("activity_timeout")).toInt(), 120);
        QVERIFY(e.dataJson().isObject());
    }

    void doubleEncodedWithEscapesAndUnicode()
    {
        FrameParser p;
        // Inner JSON: {"text":"line1\nline2 \"q\" \\ caf\u00e9 \ud83d\ude00","tab":"\t"}
        const QString frame = S("{\"event\":\"new-message\",\"channel\":\"chat\",\"data\":"
                                "\"{\\\"text\\\":\\\"line1\\\\nline2 \\\\\\\"q\\\\\\\" \\\\\\\\ "
                                "caf\\u00e9 \\ud83d\\ude00\\\",\\\"tab\\\":\\\"\\\\t\\\"}\"}");
        Event e = mustParse(p, frame);
        QCOMPARE(e.event, S("new-message"));
        QCOMPARE(e.channel, S("chat"));
        QCOMPARE(e.dataKind, Event::DataKind::String);
        // The outer string is unescaped once: the inner JSON text with its own escapes.
        QCOMPARE(e.data,
                 S("{\"text\":\"line1\\nline2 \\\"q\\\" \\\\ caf\xc3\xa9 "
                   "\xf0\x9f\x98\x80\",\"tab\":\"\\t\"}"));
        const QJsonObject o = e.dataObject();
        QCOMPARE(o.value(QLatin1String("text")).toString(),
                 S("line1\nline2 \"q\" \\ caf\xc3\xa9 \xf0\x9f\x98\x80"));
        QCOMPARE(o.value(QLatin1String("tab")).toString(), S("\t"));
    }

    void unicodeInNamesAndRawUtf8()
    {
        FrameParser p;
        Event e = mustParse(p,
                            S("{\"event\":\"client-caf\xc3\xa9\",\"channel\":\"private-\\u00e9\","
                              "\"data\":\"\xe2\x82\xac \\ud83d\\ude00\"}"));
        QCOMPARE(e.event, S("client-caf\xc3\xa9"));
        QCOMPARE(e.channel, S("private-\xc3\xa9"));
        QCOMPARE(e.data, S("\xe2\x82\xac \xf0\x9f\x98\x80"));
        QCOMPARE(e.dataJson().toString(), S("\xe2\x82\xac \xf0\x9f\x98\x80"));
    }

    void plainStringData()
    {
        FrameParser p;
        Event e = mustParse(
            p, S("{\"event\":\"greeting\",\"channel\":\"c\",\"data\":\"hello world\"}"));
        QCOMPARE(e.dataKind, Event::DataKind::String);
        QCOMPARE(e.data, S("hello world"));
        QCOMPARE(e.dataJson(), QJsonValue(S("hello world")));
        QVERIFY(e.dataObject().isEmpty());

        // Looks like JSON but is not: kept as the plain string.
        e = mustParse(p, S("{\"event\":\"greeting\",\"data\":\"{not json\"}"));
        QCOMPARE(e.dataKind, Event::DataKind::String);
        QCOMPARE(e.dataJson(), QJsonValue(S("{not json")));

        // Empty string.
        e = mustParse(p, S("{\"event\":\"greeting\",\"data\":\"\"}"));
        QCOMPARE(e.dataKind, Event::DataKind::String);
        QVERIFY(e.data.isEmpty());
        QCOMPARE(e.dataJson(), QJsonValue(QString()));

        // A string holding a JSON number stays a string (it is not JSON-looking).
        e = mustParse(p, S("{\"event\":\"n\",\"data\":\"42\"}"));
        QCOMPARE(e.dataJson(), QJsonValue(S("42")));

        // A string holding a JSON array (with leading blanks) is decoded.
        e = mustParse(p, S("{\"event\":\"n\",\"data\":\"  [1,2]\"}"));
        QVERIFY(e.dataJson().isArray());
        QCOMPARE(e.dataJson().toArray().size(), 2);
    }

    void inlineObjectData()
    {
        FrameParser p;
        Event e = mustParse(p,
                            S("{\"event\":\"pusher:error\",\"data\":{\"code\":4301,\"message\":"
                              "\"too fast \\\"x\\\"\",\"nested\":{\"a\":[1,2]}}}"));
        QCOMPARE(e.dataKind, Event::DataKind::Json);
        const QJsonObject o = e.dataObject();
        QCOMPARE(o.value(QLatin1String("code")).toInt(), 4301);
        QCOMPARE(o.value(QLatin1String("message")).toString(), S("too fast \"x\""));
        QCOMPARE(
            o.value(QLatin1String("nested")).toObject().value(QLatin1String("a")).toArray().size(),
            2);
        // The raw text is kept verbatim (still escaped).
        QVERIFY(e.data.startsWith(u'{'));
        QVERIFY(e.data.endsWith(u'}'));
        QVERIFY(e.data.contains(S("\\\"x\\\"")));

        // Empty object, with blanks around.
        e = mustParse(p, S("{ \"event\" : \"pusher:pong\" , \"data\" : { } }"));
        QCOMPARE(e.event, S("pusher:pong"));
        QCOMPARE(e.dataKind, Event::DataKind::Json);
        QVERIFY(e.dataJson().isObject());
        QVERIFY(e.dataObject().isEmpty());
    }

    void arrayData()
    {
        FrameParser p;
        Event e = mustParse(p, S("{\"event\":\"list\",\"data\":[1,\"two\",{\"three\":3},null]}"));
        QCOMPARE(e.dataKind, Event::DataKind::Json);
        const QJsonArray a = e.dataJson().toArray();
        QCOMPARE(a.size(), 4);
        QCOMPARE(a.at(1).toString(), S("two"));
        QCOMPARE(a.at(2).toObject().value(QLatin1String("three")).toInt(), 3);
        QVERIFY(a.at(3).isNull());
        QVERIFY(e.dataObject().isEmpty());
    }

    void numberAndLiteralData()
    {
        FrameParser p;
        Event e = mustParse(p, S("{\"event\":\"n\",\"data\":42}"));
        QCOMPARE(e.dataKind, Event::DataKind::Json);
        QCOMPARE(e.data, S("42"));
        QCOMPARE(e.dataJson(), QJsonValue(42));

        e = mustParse(p, S("{\"event\":\"n\",\"data\": -1.5e3 ,\"channel\":\"c\"}"));
        QCOMPARE(e.data, S("-1.5e3"));
        QCOMPARE(e.dataJson().toDouble(), -1500.0);
        QCOMPARE(e.channel, S("c"));

        e = mustParse(p, S("{\"event\":\"n\",\"data\":3.25 }"));
        QCOMPARE(e.data, S("3.25"));
        QCOMPARE(e.dataJson().toDouble(), 3.25);

        e = mustParse(p, S("{\"event\":\"b\",\"data\":true}"));
        QCOMPARE(e.dataKind, Event::DataKind::Json);
        QCOMPARE(e.dataJson(), QJsonValue(true));
        e = mustParse(p, S("{\"event\":\"b\",\"data\":false}"));
        QCOMPARE(e.dataJson(), QJsonValue(false));
    }

    void nullAndMissingData()
    {
        FrameParser p;
        Event e = mustParse(p, S("{\"event\":\"n\",\"data\":null}"));
        QCOMPARE(e.dataKind, Event::DataKind::None);
        QVERIFY(e.data.isEmpty());
        QVERIFY(e.dataJson().isUndefined());
        QVERIFY(e.dataObject().isEmpty());

        e = mustParse(p, S("{\"event\":\"pusher:cache_miss\",\"channel\":\"cache-x\"}"));
        QCOMPARE(e.event, S("pusher:cache_miss"));
        QCOMPARE(e.channel, S("cache-x"));
        QCOMPARE(e.dataKind, Event::DataKind::None);
        QVERIFY(e.dataJson().isUndefined());
    }

    void fieldsAreResetBetweenFrames()
    {
        FrameParser p;
        Event e;
        QVERIFY(p.parse(
            S("{\"event\":\"a\",\"channel\":\"c\",\"data\":{\"x\":1},\"user_id\":\"7\"}"), e));
        QCOMPARE(e.userId, S("7"));
        QVERIFY(p.parse(S("{\"event\":\"b\"}"), e));
        QCOMPARE(e.event, S("b"));
        QVERIFY(e.channel.isEmpty());
        QVERIFY(e.data.isEmpty());
        QVERIFY(e.userId.isEmpty());
        QCOMPARE(e.dataKind, Event::DataKind::None);
    }

    void userId()
    {
        FrameParser p;
        Event e = mustParse(p,
                            S("{\"event\":\"client-typing\",\"channel\":\"presence-chat\",\"data\":"
                              "\"{}\",\"user_id\":\"42\"}"));
        QCOMPARE(e.userId, S("42"));
        e = mustParse(p,
                      S("{\"event\":\"client-typing\",\"channel\":\"presence-chat\",\"data\":\"{}"
                        "\",\"user_id\":42}"));
        QCOMPARE(e.userId, S("42"));
        e = mustParse(p, S("{\"user_id\":12345678901,\"event\":\"client-typing\"}"));
        QCOMPARE(e.userId, S("12345678901"));
        e = mustParse(p, S("{\"event\":\"client-typing\",\"user_id\":\"caf\\u00e9\"}"));
        QCOMPARE(e.userId, S("caf\xc3\xa9"));
        // Not a string or number: ignored, the frame is still fine.
        e = mustParse(p, S("{\"event\":\"client-typing\",\"user_id\":{\"x\":1}}"));
        QVERIFY(e.userId.isEmpty());
        QCOMPARE(e.event, S("client-typing"));
    }

    void unknownFieldsIgnored()
    {
        FrameParser p;
        Event e = mustParse(
            p,
            S("{\"extra\":{\"deep\":[1,{\"event\":\"nope\"}]},\"event\":\"e\",\"x\":null,"
              "\"channel\":\"c\",\"y\":[\"z\"],\"data\":\"d\",\"z\":1.5,\"w\":true}"));
        QCOMPARE(e.event, S("e"));
        QCOMPARE(e.channel, S("c"));
        QCOMPARE(e.data, S("d"));
    }

    void fieldOrderArbitrary()
    {
        FrameParser p;
        const QStringList frames{
            S("{\"event\":\"e\",\"channel\":\"c\",\"data\":\"{\\\"k\\\":1}\",\"user_id\":\"u\"}"),
            S("{\"data\":\"{\\\"k\\\":1}\",\"user_id\":\"u\",\"channel\":\"c\",\"event\":\"e\"}"),
            S("{\"user_id\":\"u\",\"event\":\"e\",\"data\":\"{\\\"k\\\":1}\",\"channel\":\"c\"}"),
            S("{\"channel\":\"c\",\"data\":\"{\\\"k\\\":1}\",\"event\":\"e\",\"user_id\":\"u\"}"),
        };
        for (const QString &f : frames) {
            Event e = mustParse(p, f);
            QCOMPARE(e.event, S("e"));
            QCOMPARE(e.channel, S("c"));
            QCOMPARE(e.userId, S("u"));
            QCOMPARE(e.dataObject().value(QLatin1String("k")).toInt(), 1);
        }
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << S("   ");
        QTest::newRow("not json") << S("hello");
        QTest::newRow("truncated object") << S("{\"event\":\"e\",\"data\":\"x\"");
        QTest::newRow("truncated string") << S("{\"event\":\"e");
        QTest::newRow("truncated after key") << S("{\"event\":");
        QTest::newRow("truncated inline data") << S("{\"event\":\"e\",\"data\":{\"a\":");
        QTest::newRow("open brace") << S("{");
        QTest::newRow("array") << S("[{\"event\":\"e\"}]");
        QTest::newRow("string") << S("\"event\"");
        QTest::newRow("number") << S("42");
        QTest::newRow("null") << S("null");
        QTest::newRow("no event") << S("{\"channel\":\"c\",\"data\":\"x\"}");
        QTest::newRow("empty object") << S("{}");
        QTest::newRow("event number") << S("{\"event\":5}");
        QTest::newRow("event null") << S("{\"event\":null}");
        QTest::newRow("event object") << S("{\"event\":{\"name\":\"e\"}}");
        QTest::newRow("channel number") << S("{\"event\":\"e\",\"channel\":5}");
        QTest::newRow("trailing garbage") << S("{\"event\":\"e\"} garbage");
        QTest::newRow("trailing object") << S("{\"event\":\"e\"}{\"event\":\"f\"}");
        QTest::newRow("trailing brace") << S("{\"event\":\"e\"}}");
        QTest::newRow("missing colon") << S("{\"event\" \"e\"}");
        QTest::newRow("missing comma") << S("{\"event\":\"e\" \"data\":\"x\"}");
        QTest::newRow("trailing comma") << S("{\"event\":\"e\",}");
        QTest::newRow("single quotes") << S("{'event':'e'}");
        QTest::newRow("bad escape") << S("{\"event\":\"e\\q\"}");
        QTest::newRow("control char in string") << S("{\"event\":\"e\x01\"}");
        QTest::newRow("bad literal data") << S("{\"event\":\"e\",\"data\":tru}");
        QTest::newRow("bad literal data 2") << S("{\"event\":\"e\",\"data\":falsey}");
        QTest::newRow("bad number data") << S("{\"event\":\"e\",\"data\":1x}");
        QTest::newRow("bad number data 2") << S("{\"event\":\"e\",\"data\":-}");
        QTest::newRow("bad null data") << S("{\"event\":\"e\",\"data\":nul}");
        QTest::newRow("bad number user_id") << S("{\"event\":\"e\",\"user_id\":12x}");
        QTest::newRow("lone high surrogate in event")
            << (S("{\"event\":\"e") + QChar(0xD800) + S("\"}"));
        QTest::newRow("lone low surrogate in data")
            << (S("{\"event\":\"e\",\"data\":\"") + QChar(0xDC00) + S("\"}"));
        QTest::newRow("escaped lone surrogate") << S("{\"event\":\"e\\ud800\"}");
    }

    void malformed()
    {
        QFETCH(QString, frame);
        FrameParser p;
        Event e;
        QVERIFY2(!p.parse(frame, e), qPrintable(QStringLiteral("accepted: ") + e.event));
        QVERIFY(!p.error().isEmpty());
        // The parser is still usable afterwards.
        QVERIFY(p.parse(S("{\"event\":\"ok\"}"), e));
        QCOMPARE(e.event, S("ok"));
    }

    void invalidUtf8Bytes()
    {
        FrameParser p;
        Event e;
        const std::string bad = "{\"event\":\"e\xff\xfe\"}";
        QVERIFY(!p.parseUtf8(bad, e));
        QVERIFY(!p.error().isEmpty());
        const std::string overlong = "{\"event\":\"e\xc0\xaf\"}";
        QVERIFY(!p.parseUtf8(overlong, e));
        const std::string good = "{\"event\":\"caf\xc3\xa9\"}";
        QVERIFY(p.parseUtf8(good, e));
        QCOMPARE(e.event, S("caf\xc3\xa9"));
    }

    void neverCrashesOnPrefixes()
    {
        // Every prefix of a valid frame, and a few mutations, are handled without crashing.
        const QString full = S(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"presence-x\","
            "\"data\":\"{\\\"presence\\\":{\\\"ids\\\":[\\\"1\\\"],\\\"hash\\\":{\\\"1\\\":{}},"
            "\\\"count\\\":1}}\","
            "\"user_id\":7,\"other\":[1,2,{\"a\":null}]}");
        FrameParser p;
        Event e;
        QVERIFY(p.parse(full, e));
        for (int n = 0; n < full.size(); ++n) {
            QVERIFY2(!p.parse(QStringView(full).left(n), e), qPrintable(full.left(n)));
            QVERIFY(!p.error().isEmpty());
        }
        for (int i = 0; i < full.size(); ++i) {
            for (const QChar c :
                 {QChar(u'"'), QChar(u'}'), QChar(u'\\'), QChar(u'\0'), QChar(u'{'), QChar(u',')}) {
                QString mutated = full;
                mutated[i] = c;
                (void)p.parse(mutated, e); // either way, no crash
            }
        }
        QVERIFY(p.parse(full, e));
        QCOMPARE(e.userId, S("7"));
    }

    void fuzzNeverThrows()
    {
        // Deterministic random edits (replace, insert, delete) of frames with every data kind:
        // whatever comes out, parse() returns normally (simdjson must never throw through it).
        const QStringList seeds{
            S("{\"event\":\"e\",\"channel\":\"c\",\"data\":null,\"user_id\":12}"),
            S("{\"event\":\"e\",\"data\":true,\"user_id\":\"u\"}"),
            S("{\"event\":\"e\",\"data\":-12.5e-3}"),
            S("{\"event\":\"e\",\"data\":[1,{\"a\":null},\"s\"]}"),
            S("{\"event\":\"e\",\"data\":{\"x\":false,\"y\":[]}}"),
            S("{\"event\":\"e\",\"data\":\"{\\\"k\\\":\\\"\\\\u00e9\\\"}\"}"),
        };
        const QString alphabet = S("{}[]:,\"\\ntrufalse0123456789-.eE \t");
        QRandomGenerator rng(12345);
        FrameParser p;
        Event e;
        int accepted = 0;
        for (int round = 0; round < 20000; ++round) {
            QString f = seeds.at(int(rng.bounded(seeds.size())));
            const int edits = 1 + int(rng.bounded(3));
            for (int k = 0; k < edits && !f.isEmpty(); ++k) {
                const int at = int(rng.bounded(f.size()));
                const QChar c = alphabet.at(int(rng.bounded(alphabet.size())));
                switch (rng.bounded(3)) {
                case 0:
                    f[at] = c;
                    break;
                case 1:
                    f.insert(at, c);
                    break;
                default:
                    f.remove(at, 1);
                    break;
                }
            }
            if (p.parse(f, e)) {
                ++accepted;
                QVERIFY(!e.event.isNull());
            } else {
                QVERIFY(!p.error().isEmpty());
            }
        }
        QVERIFY(accepted > 0);
    }

    void largeFrame()
    {
        FrameParser p;
        const QString big(100000, u'x');
        Event e = mustParse(p, S("{\"event\":\"big\",\"data\":\"") + big + S("\"}"));
        QCOMPARE(e.data.size(), big.size());
        // A short frame after a long one still parses (buffer reuse).
        e = mustParse(p, S("{\"event\":\"small\",\"data\":\"y\"}"));
        QCOMPARE(e.data, S("y"));
    }

    void repeatedNamesShareStorage()
    {
        FrameParser p;
        Event a;
        Event b;
        QVERIFY(p.parse(
            S("{\"event\":\"new-message\",\"channel\":\"presence-chat\",\"data\":\"1\"}"), a));
        QVERIFY(p.parse(
            S("{\"channel\":\"presence-chat\",\"data\":\"2\",\"event\":\"new-message\"}"), b));
        QCOMPARE(a.event, b.event);
        QCOMPARE(a.channel, b.channel);
        QCOMPARE(a.event.constData(), b.event.constData());
        QCOMPARE(a.channel.constData(), b.channel.constData());
        QVERIFY(a.data.constData() != b.data.constData());

        // Same when the Event object is reused, as Connection does.
        Event reused;
        QVERIFY(p.parse(S("{\"event\":\"new-message\",\"channel\":\"presence-chat\"}"), reused));
        const QChar *eventStorage = reused.event.constData();
        const QChar *channelStorage = reused.channel.constData();
        for (int i = 0; i < 5; ++i) {
            QVERIFY(p.parse(S("{\"event\":\"other\",\"channel\":\"other-channel\"}"), reused));
            QVERIFY(p.parse(S("{\"event\":\"new-message\",\"channel\":\"presence-chat\"}"), reused));
            QCOMPARE(reused.event.constData(), eventStorage);
            QCOMPARE(reused.channel.constData(), channelStorage);
        }

        // A different name gets different storage, and names stay correct once the cache cycles.
        Event c;
        QVERIFY(p.parse(S("{\"event\":\"new-messagf\",\"channel\":\"presence-chas\"}"), c));
        QVERIFY(c.event.constData() != a.event.constData());
        QCOMPARE(c.event, S("new-messagf"));
        for (int i = 0; i < 20; ++i) {
            const QString name = QStringLiteral("event-%1").arg(i);
            const QString channel = QStringLiteral("channel-%1").arg(i);
            QVERIFY(p.parse(
                QStringLiteral("{\"event\":\"%1\",\"channel\":\"%2\"}").arg(name, channel), c));
            QCOMPARE(c.event, name);
            QCOMPARE(c.channel, channel);
        }
        // Events handed out earlier are unaffected by eviction (implicit sharing).
        QCOMPARE(a.event, S("new-message"));
        QCOMPARE(a.channel, S("presence-chat"));
        QVERIFY(p.parse(S("{\"event\":\"new-message\",\"channel\":\"presence-chat\"}"), b));
        QCOMPARE(b.event, S("new-message"));
    }

    void eventNameCacheIsNotConfusedByPrefixes()
    {
        FrameParser p;
        Event e;
        QVERIFY(p.parse(S("{\"event\":\"abc\"}"), e));
        QVERIFY(p.parse(S("{\"event\":\"ab\"}"), e));
        QCOMPARE(e.event, S("ab"));
        QVERIFY(p.parse(S("{\"event\":\"abd\"}"), e));
        QCOMPARE(e.event, S("abd"));
        QVERIFY(p.parse(S("{\"event\":\"\"}"), e));
        QVERIFY(e.event.isEmpty());
        QVERIFY(p.parse(S("{\"event\":\"abc\"}"), e));
        QCOMPARE(e.event, S("abc"));
    }

    void dataJsonForEachKind()
    {
        Event e;
        e.dataKind = Event::DataKind::None;
        QVERIFY(e.dataJson().isUndefined());

        e.dataKind = Event::DataKind::String;
        e.data = S("{\"a\":1}");
        QCOMPARE(e.dataObject().value(QLatin1String("a")).toInt(), 1);
        e.data = S("[true]");
        QCOMPARE(e.dataJson(), QJsonValue(QJsonArray{true}));
        e.data = S("\"quoted\"");
        QCOMPARE(e.dataJson(), QJsonValue(S("quoted")));
        e.data = S("plain");
        QCOMPARE(e.dataJson(), QJsonValue(S("plain")));
        e.data = S("[broken");
        QCOMPARE(e.dataJson(), QJsonValue(S("[broken")));

        e.dataKind = Event::DataKind::Json;
        e.data = S("{\"a\":{\"b\":2}}");
        QCOMPARE(
            e.dataObject().value(QLatin1String("a")).toObject().value(QLatin1String("b")).toInt(),
            2);
        e.data = S("[1,2,3]");
        QCOMPARE(e.dataJson().toArray().size(), 3);
        QVERIFY(e.dataObject().isEmpty());
        e.data = S("7");
        QCOMPARE(e.dataJson(), QJsonValue(7));
        e.data = S("null");
        QVERIFY(e.dataJson().isNull());
        e.data = S("\"s\"");
        QCOMPARE(e.dataJson(), QJsonValue(S("s")));
    }

    void internalEventsCarryTheirDataAsUtf8()
    {
        // pusher_internal: payloads stay UTF-8 (a presence list can be megabytes), wherever the
        // event's name comes in the frame; dataJson() reads them the same.
        FrameParser p;
        Event e;
        QVERIFY(p.parse(S("{\"data\":\"{\\\"presence\\\":{\\\"count\\\":1,\\\"n\\\":"
                          "\\\"\xe2\x82\xac\\\"}}\",\"event\":\"pusher_internal:subscription_"
                          "succeeded\",\"channel\":\"presence-x\"}"),
                        e));
        QVERIFY(e.data.isEmpty());
        QCOMPARE(e.dataUtf8, QByteArray("{\"presence\":{\"count\":1,\"n\":\"\xe2\x82\xac\"}}"));
        QCOMPARE(e.dataObject().value(S("presence")).toObject().value(S("n")).toString(),
                 S("\xe2\x82\xac"));
        QVERIFY(
            p.parse(S("{\"event\":\"pusher_internal:member_added\",\"data\":{\"user_id\":7}}"), e));
        QCOMPARE(e.dataUtf8, QByteArray("{\"user_id\":7}"));
        QCOMPARE(e.dataObject().value(S("user_id")).toInt(), 7);
        QVERIFY(p.parse(S("{\"event\":\"pusher_internal:x\",\"data\":\"plain\"}"), e));
        QCOMPARE(e.dataJson(), QJsonValue(S("plain")));
        // Other events as before: `data` only.
        QVERIFY(p.parse(S("{\"event\":\"client-x\",\"data\":\"{}\"}"), e));
        QCOMPARE(e.data, S("{}"));
        QVERIFY(e.dataUtf8.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFrameParser)
#include "tst_frameparser.moc"
