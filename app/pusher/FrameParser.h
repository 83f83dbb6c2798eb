#pragma once

#include "Event.h"

#include <QByteArray>
#include <QStringView>

#include <array>
#include <memory>
#include <string_view>

namespace natter::pusher {

// Parses Pusher envelopes ({"event","channel","data","user_id"}) with simdjson's on-demand API.
// This is the per-event hot path: one UTF-8 encode into a reused padded buffer, one parse, and
// event/channel names served from a small cache so repeated names do not allocate.
class FrameParser
{
public:
    FrameParser();
    ~FrameParser();
    FrameParser(const FrameParser &) = delete;
    FrameParser &operator=(const FrameParser &) = delete;

    // Returns false (and leaves a reason in error()) for anything that is not a JSON object with
    // a string "event". Never throws.
    bool parse(QStringView text, Event &out);
    // A pusher_internal: payload string this long is handed on escaped (Event::dataEscaped): its
    // reader unescapes it on a later turn of the event loop.
    static constexpr qsizetype EscapedDataBytes = 256 * 1024;

    bool parseUtf8(std::string_view utf8, Event &out);
    const QString &error() const { return m_error; }

private:
    struct NameCache
    {
        static constexpr int Size = 8;
        std::array<QByteArray, Size> keys;
        std::array<QString, Size> values;
        int next = 0;
        const QString &get(std::string_view name);
    };

    bool parsePadded(size_t length, Event &out);
    void keepEscaped(std::string_view token, Event &out);

    struct Impl;
    std::unique_ptr<Impl> d;
    QByteArray m_buffer;
    QByteArray m_unescaped; // a string `data`, unescaped (padded: simdjson writes in blocks)
    NameCache m_events;
    NameCache m_channels;
    QString m_error;
};

} // namespace natter::pusher
