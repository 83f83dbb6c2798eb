#pragma once

#include <QByteArray>

#include <optional>

namespace natter::pusher::json {

// Bytes a simdjson parse may read past the end of its input (SIMDJSON_PADDING), for callers that
// leave room for it so the text is parsed where it lies instead of copied.
qsizetype parsePadding();
// Bytes allocated after text's end, the room a parse in place may read. Not capacity() - size():
// capacity() counts from the allocation's start, and removing from the front of a QByteArray
// moves its data forward in the allocation instead of copying it back.
qsizetype roomAfter(const QByteArray &text);

// The text of a JSON string token (its quotes included, as FrameParser leaves a large
// pusher_internal: payload: Event::dataEscaped), unescaped to UTF-8; nullopt if it is not a
// well-formed string. The result has parsePadding() zero bytes of room past its end.
std::optional<QByteArray> unescapeStringToken(const QByteArray &token);

} // namespace natter::pusher::json
