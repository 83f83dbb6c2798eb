#include "FrameParser.h"

#include "HugePages.h"

#include <QStringEncoder>

#include <simdjson.h>

#include <cstring>
#include <utility>

namespace natter::pusher {

using namespace simdjson;

struct FrameParser::Impl
{
    ondemand::parser parser;
    QStringEncoder encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    // On demand, raw_json() of an object or array only matches brackets; inline data (rare:
    // Pusher double-encodes) is checked in full here so that {"a":nope} is not passed on.
    dom::parser validator;
    // `json` lies inside the padded frame buffer, so it may be parsed in place.
    bool validJson(std::string_view json)
    {
        return validator.parse(json.data(), json.size(), false).error() == SUCCESS;
    }
};

namespace {
QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

std::string_view trimmed(std::string_view v)
{
    while (!v.empty()
           && (v.back() == ' ' || v.back() == '\n' || v.back() == '\r' || v.back() == '\t'))
        v.remove_suffix(1);
    return v;
}
} // namespace

const QString &FrameParser::NameCache::get(std::string_view name)
{
    for (int i = 0; i < Size; ++i) {
        const QByteArray &k = keys[size_t(i)];
        if (k.size() == qsizetype(name.size()) && !values[size_t(i)].isNull()
            && std::memcmp(k.constData(), name.data(), name.size()) == 0)
            return values[size_t(i)];
    }
    const size_t slot = size_t(next);
    next = (next + 1) % Size;
    keys[slot] = QByteArray(name.data(), qsizetype(name.size()));
    values[slot] = fromView(name);
    return values[slot];
}

FrameParser::FrameParser()
    : d(std::make_unique<Impl>())
{
}
FrameParser::~FrameParser() = default;

bool FrameParser::parse(QStringView text, Event &out)
{
    const qsizetype needed = text.size() * 3 + qsizetype(SIMDJSON_PADDING);
    if (m_buffer.size() < needed) {
        m_buffer.resize(needed);
        adviseHugePages(m_buffer.data(), text.size() * 3);
    }
    char *begin = m_buffer.data();
    d->encoder.resetState();
    char *end = d->encoder.appendToBuffer(begin, text);
    if (d->encoder.hasError()) { // a lone surrogate: not representable in UTF-8, so not JSON
        out = Event{};
        m_error = QStringLiteral("invalid UTF-16 (lone surrogate)");
        return false;
    }
    return parsePadded(size_t(end - begin), out);
}

bool FrameParser::parseUtf8(std::string_view utf8, Event &out)
{
    const qsizetype needed = qsizetype(utf8.size()) + qsizetype(SIMDJSON_PADDING);
    if (m_buffer.size() < needed)
        m_buffer.resize(needed);
    std::memcpy(m_buffer.data(), utf8.data(), utf8.size());
    return parsePadded(utf8.size(), out);
}

bool FrameParser::parsePadded(size_t length, Event &out)
{
    // simdjson reads into the padding and only masks the result, so any bytes do; but resize()
    // leaves them uninitialised (valgrind: "conditional jump depends on uninitialised value" in
    // FrameParser) or holding the tail of an earlier, longer frame. Zeroed, parsing depends on
    // this frame's bytes alone.
    std::memset(m_buffer.data() + length, 0, SIMDJSON_PADDING);
    out.event.clear();
    out.channel.clear();
    out.data.clear();
    out.dataUtf8.clear();
    out.dataEscaped = false;
    out.userId.clear();
    out.dataKind = Event::DataKind::None;

    ondemand::document doc;
    if (d->parser.iterate(m_buffer.constData(), length, size_t(m_buffer.size())).get(doc)) {
        m_error = QStringLiteral("not JSON");
        return false;
    }
    ondemand::object obj;
    if (doc.get_object().get(obj)) {
        m_error = QStringLiteral("not a JSON object");
        return false;
    }
    bool haveEvent = false;
    std::string_view data; // converted once the event's name is known, wherever it came
    std::string_view token; // a string `data` as on the wire: quotes and escapes
    ondemand::raw_json_string rawString;
    for (auto fieldResult : obj) {
        ondemand::field field;
        std::string_view key;
        if (std::move(fieldResult).get(field) || field.unescaped_key().get(key)) {
            m_error = QStringLiteral("malformed key");
            return false;
        }
        ondemand::value value = field.value();
        if (key == "event") {
            std::string_view s;
            if (value.get_string().get(s)) {
                m_error = QStringLiteral("\"event\" is not a string");
                return false;
            }
            out.event = m_events.get(s);
            haveEvent = true;
        } else if (key == "channel") {
            std::string_view s;
            if (value.get_string().get(s)) {
                m_error = QStringLiteral("\"channel\" is not a string");
                return false;
            }
            out.channel = m_channels.get(s);
        } else if (key == "data") {
            ondemand::json_type type;
            if (value.type().get(type)) {
                m_error = QStringLiteral("malformed \"data\"");
                return false;
            }
            std::string_view s;
            bool failed = false;
            token = {}; // "data" twice: the last one counts
            switch (type) {
            case ondemand::json_type::string:
                // Unescaped once the event's name is known: a large pusher_internal: payload
                // is not unescaped here at all.
                token = trimmed(value.raw_json_token());
                failed = value.get_raw_json_string().get(rawString) != SUCCESS;
                out.dataKind = Event::DataKind::String;
                break;
            case ondemand::json_type::object: {
                ondemand::object o;
                failed = value.get_object().get(o) != SUCCESS || o.raw_json().get(s) != SUCCESS
                    || !d->validJson(s);
                out.dataKind = Event::DataKind::Json;
                break;
            }
            case ondemand::json_type::array: {
                ondemand::array a;
                failed = value.get_array().get(a) != SUCCESS || a.raw_json().get(s) != SUCCESS
                    || !d->validJson(s);
                out.dataKind = Event::DataKind::Json;
                break;
            }
            case ondemand::json_type::null: {
                bool isNull = false; // not the throwing bool conversion: "nul" must not abort
                failed = value.is_null().get(isNull) != SUCCESS || !isNull;
                out.dataKind = Event::DataKind::None;
                break;
            }
            default: { // number or boolean: keep the literal (once it is known to be valid)
                s = trimmed(value.raw_json_token());
                double number = 0;
                bool boolean = false;
                failed = type == ondemand::json_type::boolean
                    ? value.get_bool().get(boolean) != SUCCESS
                    : value.get_double().get(number) != SUCCESS;
                out.dataKind = Event::DataKind::Json;
                break;
            }
            }
            if (failed) {
                m_error = QStringLiteral("malformed \"data\"");
                return false;
            }
            data = s;
        } else if (key == "user_id") {
            ondemand::json_type type;
            if (value.type().get(type)) {
                m_error = QStringLiteral("malformed \"user_id\"");
                return false;
            }
            std::string_view s;
            if (type == ondemand::json_type::string) {
                if (value.get_string().get(s)) {
                    m_error = QStringLiteral("malformed \"user_id\"");
                    return false;
                }
            } else if (type == ondemand::json_type::number) {
                // Ids are strings in the protocol, but some backends send numbers: normalise.
                s = trimmed(value.raw_json_token());
                double number = 0;
                if (value.get_double().get(number)) {
                    m_error = QStringLiteral("malformed \"user_id\"");
                    return false;
                }
            }
            out.userId = fromView(s);
        }
        // Unknown fields are skipped by the iterator when it moves to the next field.
    }
    const char *rest = nullptr;
    if (doc.current_location().get(rest) == SUCCESS) {
        m_error = QStringLiteral("trailing content");
        return false;
    }
    if (!haveEvent) {
        m_error = QStringLiteral("no \"event\"");
        return false;
    }
    if (out.dataKind == Event::DataKind::None)
        return true;
    const bool internal = out.event.startsWith(QLatin1String("pusher_internal:"));
    if (!token.empty()) {
        if (internal && qsizetype(token.size()) >= EscapedDataBytes) {
            keepEscaped(token, out);
            return true;
        }
        const qsizetype room = qsizetype(token.size()) + qsizetype(SIMDJSON_PADDING);
        if (m_unescaped.size() < room)
            m_unescaped.resize(room);
        auto *dst = reinterpret_cast<uint8_t *>(m_unescaped.data());
        if (d->parser.unescape(rawString, dst).get(data) != SUCCESS) {
            m_error = QStringLiteral("malformed \"data\"");
            return false;
        }
    }
    if (internal)
        out.dataUtf8 = QByteArray(data.data(), qsizetype(data.size()));
    else
        out.data = fromView(data);
    return true;
}

void FrameParser::keepEscaped(std::string_view token, Event &out)
{
    // The frame buffer goes with the event, cut to the token: its pages are already faulted in,
    // while a fresh buffer of the size (for the unescaped text, then for its copy) took two
    // thirds of the CPU of the 100,000-member announcement's turn (15 us per 4 KiB page on this
    // VM; soketi_hostilepeers). The padding after the token stays in its capacity.
    const auto begin = qsizetype(token.data() - m_buffer.constData());
    out.dataUtf8 = std::exchange(m_buffer, QByteArray());
    out.dataUtf8.truncate(begin + qsizetype(token.size()));
    out.dataUtf8.remove(0, begin);
    out.dataEscaped = true;
}

} // namespace natter::pusher
