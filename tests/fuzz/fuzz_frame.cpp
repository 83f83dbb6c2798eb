// The frame parser: whole frames as they arrive on the socket, then what consumers do with the
// event (the `data` payload as JSON, the connection's and channels' fields). An input starting
// with 0x01 is a `data` string on its own, as a String and as raw JSON; one starting with 0x02 is
// a string token as FrameParser leaves a large pusher_internal: payload (Event::dataEscaped),
// unescaped by json::unescapeStringToken and checked against FrameParser's own unescaping.
#include <pusher/Event.h>
#include <pusher/FrameParser.h>
#include <pusher/JsonStringToken.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

using natter::pusher::Event;
using natter::pusher::FrameParser;

namespace {

void consume(const Event &event)
{
    const QJsonValue data = event.dataJson();
    const QJsonObject object = event.dataObject();
    // What Connection and Channel read from pusher:* and pusher_internal:* data.
    (void)object.value(QLatin1String("socket_id")).toString();
    (void)object.value(QLatin1String("activity_timeout")).toInt(0);
    (void)object.value(QLatin1String("subscription_count")).toInt();
    const QJsonObject presence = object.value(QLatin1String("presence")).toObject();
    for (const QJsonValue &id : presence.value(QLatin1String("ids")).toArray())
        (void)presence.value(QLatin1String("hash")).toObject().value(id.toString());
    (void)data.isObject();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    static FrameParser parser; // reused like the connection's: its caches carry over
    const std::string_view input(reinterpret_cast<const char *>(bytes), size);
    if (!input.empty() && input.front() == '\x01') {
        Event event;
        event.event = QStringLiteral("client-message");
        event.data = QString::fromUtf8(input.substr(1));
        event.dataKind = Event::DataKind::String;
        consume(event);
        event.dataKind = Event::DataKind::Json;
        consume(event);
        return 0;
    }
    if (!input.empty() && input.front() == '\x02') {
        const QByteArray token(input.data() + 1, qsizetype(input.size() - 1));
        const std::optional<QByteArray> text = natter::pusher::json::unescapeStringToken(token);
        Event escaped;
        escaped.event = QStringLiteral("pusher_internal:subscription_succeeded");
        escaped.dataUtf8 = token;
        escaped.dataEscaped = true;
        escaped.dataKind = Event::DataKind::String;
        consume(escaped);
        // A well-formed token is a well-formed `data` with the same text, and a `data` that
        // does not parse is not a well-formed token. (The converse of the first need not hold:
        // `"a","x":1` is not one token but makes a frame.)
        Event framed;
        const bool framedOk
            = parser.parseUtf8("{\"event\":\"pusher_internal:x\",\"data\":" + token.toStdString()
                                   + "}",
                               framed);
        const QByteArray framedText = framed.dataEscaped // a token of 256 KiB or more
            ? natter::pusher::json::unescapeStringToken(framed.dataUtf8).value_or(QByteArray())
            : framed.dataUtf8;
        if (text
            && (!framedOk || framed.dataKind != Event::DataKind::String || framedText != *text))
            __builtin_trap();
        return 0;
    }
    Event utf8Event;
    const bool utf8Ok = parser.parseUtf8(input, utf8Event);
    if (utf8Ok)
        consume(utf8Event);
    // The QString entry point (what QWebSocket hands over) must agree with the UTF-8 one for
    // valid UTF-8 text.
    const QString text = QString::fromUtf8(input);
    if (text.toUtf8() == QByteArrayView(input)) {
        Event textEvent;
        const bool textOk = parser.parse(text, textEvent);
        if (textOk != utf8Ok
            || (textOk
                && (textEvent.event != utf8Event.event || textEvent.channel != utf8Event.channel
                    || textEvent.data != utf8Event.data || textEvent.userId != utf8Event.userId
                    || textEvent.dataKind != utf8Event.dataKind)))
            __builtin_trap();
    }
    return 0;
}
