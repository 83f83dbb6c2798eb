#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <deque>
#include <vector>

namespace natter::devtools {

// Where the Debug console keeps the text of its entries: UTF-8, back to back in chunks of a
// megabyte, released oldest first and reused. Holding on to each frame's own QString instead
// kept 50,000 separate heap blocks of twice the size alive, so every allocation of the chat
// during a flood came from fresh, page-faulting memory; here the frames' strings are freed as
// soon as they are recorded and the chunks stay mapped.
class FrameTextStore
{
public:
    static constexpr qsizetype ChunkBytes = 1 << 20;

    // Where a text is: a position in the stream of everything appended (it only grows) and the
    // length in UTF-8 bytes, which is also the frame's size on the wire.
    struct Ref
    {
        quint64 offset = 0;
        quint32 length = 0;
    };

    Ref append(QStringView text);
    QString text(Ref ref) const;
    // Lets go of the chunks that hold only text before `offset` (the oldest entry still kept).
    void releaseBefore(quint64 offset);
    void clear();
    // Bytes held in chunks (in use or kept for reuse).
    qsizetype capacityBytes() const;

private:
    struct Chunk
    {
        quint64 base = 0; // stream position of bytes[0]
        QByteArray bytes; // size() = bytes used
    };
    Chunk &chunkFor(qsizetype maxBytes);

    std::deque<Chunk> m_chunks;
    std::vector<QByteArray> m_spare; // released chunks, to fill again
    quint64 m_end = 0; // stream position after the last byte appended
};

} // namespace natter::devtools
