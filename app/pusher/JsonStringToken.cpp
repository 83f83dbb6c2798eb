#include "JsonStringToken.h"

#include "HugePages.h"

#include <simdjson.h>

#include <cstring>

namespace natter::pusher::json {

using namespace simdjson;

qsizetype parsePadding()
{
    return qsizetype(SIMDJSON_PADDING);
}

qsizetype roomAfter(const QByteArray &text)
{
    // Qt 6.4 has no const data_ptr(); the non-const one only returns the pointer (no detach).
    return const_cast<QByteArray &>(text).data_ptr().freeSpaceAtEnd();
}

std::optional<QByteArray> unescapeStringToken(const QByteArray &token)
{
    if (!token.startsWith('"'))
        return std::nullopt;
    // Read in place when there is room after the token (FrameParser leaves the rest of its frame
    // buffer there): a copy of megabytes is megabytes of fresh pages to fault in.
    const size_t length = size_t(token.size());
    padded_string copy;
    padded_string_view text;
    if (const qsizetype room = roomAfter(token); room >= qsizetype(SIMDJSON_PADDING)) {
        text = padded_string_view(token.constData(), length, length + size_t(room));
    } else {
        copy = padded_string(token.constData(), length);
        text = copy;
    }
    // simdjson's index pass over the token checks UTF-8 and that it is one closed string (so the
    // unescape below stops at its closing quote); the string itself is unescaped straight into
    // the result, not into the parser's buffer and then copied.
    ondemand::parser parser;
    ondemand::document doc;
    ondemand::raw_json_string raw;
    if (parser.iterate(text).get(doc) != SUCCESS || doc.get_raw_json_string().get(raw) != SUCCESS)
        return std::nullopt;
    const char *rest = nullptr;
    if (doc.current_location().get(rest) == SUCCESS) // something after the string
        return std::nullopt;
    QByteArray result(token.size() + qsizetype(SIMDJSON_PADDING), Qt::Uninitialized);
    adviseHugePages(result.data(), token.size());
    auto *dst = reinterpret_cast<uint8_t *>(result.data());
    std::string_view unescaped;
    if (parser.unescape(raw, dst).get(unescaped) != SUCCESS)
        return std::nullopt;
    const auto size = qsizetype(unescaped.size());
    // The padding zeroed, so what a later parse reads past the end is defined (valgrind).
    std::memset(result.data() + size, 0, SIMDJSON_PADDING);
    result.resize(size); // keeps the capacity, and with it the padding
    return result;
}

} // namespace natter::pusher::json
