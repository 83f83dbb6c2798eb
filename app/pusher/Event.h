#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

namespace natter::pusher {

// One message from the server, after the envelope is parsed. `data` keeps the payload as text:
// the unescaped string when the wire carried a JSON string (Pusher's double encoding, or a plain
// string), or the raw JSON text when the wire carried an object, array, number or literal.
// Parsing the payload is left to whoever needs it (dataJson()), so the hot path parses once.
struct Event
{
    enum class DataKind : quint8 { None, String, Json };

    QString event;
    QString channel;
    QString data;
    // pusher_internal: events (FrameParser) carry the payload here, as UTF-8, and leave `data`
    // empty: their readers parse UTF-8, and a presence announcement can be megabytes, not worth
    // a round trip through UTF-16 (soketi_hostilepeers). dataJson() reads either.
    QByteArray dataUtf8;
    // Set when dataUtf8 holds a large pusher_internal: string payload as the wire had it, quotes
    // and escapes included (FrameParser::EscapedDataBytes): unescaping megabytes is left to the
    // reader's own turn of the event loop (json::unescapeStringToken). dataJson() reads it too.
    bool dataEscaped = false;
    QString userId; // client events on presence channels only
    DataKind dataKind = DataKind::None;

    // The payload as JSON: a JSON string is decoded when it holds JSON (double encoding),
    // otherwise returned as a string value; None gives an undefined value.
    QJsonValue dataJson() const;
    // Shorthand for dataJson().toObject().
    QJsonObject dataObject() const;
};

} // namespace natter::pusher

Q_DECLARE_METATYPE(natter::pusher::Event)
