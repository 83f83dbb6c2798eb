#include "FrameTextStore.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace natter::devtools {

FrameTextStore::Chunk &FrameTextStore::chunkFor(qsizetype maxBytes)
{
    if (!m_chunks.empty()) {
        Chunk &last = m_chunks.back();
        if (last.bytes.capacity() - last.bytes.size() >= maxBytes)
            return last;
        // The stream skips the unused tail: offsets stay increasing, lookups stay simple.
        m_end = last.base + quint64(last.bytes.capacity());
    }
    QByteArray bytes;
    if (maxBytes <= ChunkBytes && !m_spare.empty()) {
        bytes = std::move(m_spare.back());
        m_spare.pop_back();
        bytes.resize(0); // keeps the allocation: Qt 6 does not shrink on resize
    } else {
        bytes.reserve(qMax(ChunkBytes, maxBytes));
    }
    m_chunks.push_back({m_end, std::move(bytes)});
    return m_chunks.back();
}

FrameTextStore::Ref FrameTextStore::append(QStringView text)
{
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    const qsizetype maxBytes = encoder.requiredSpace(text.size());
    Chunk &chunk = chunkFor(maxBytes);
    const qsizetype start = chunk.bytes.size();
    // Written in place, straight into the reserved capacity.
    chunk.bytes.resize(start + maxBytes);
    char *begin = chunk.bytes.data() + start;
    char *end = encoder.appendToBuffer(begin, text);
    chunk.bytes.resize(start + (end - begin));
    const Ref ref{chunk.base + quint64(start), quint32(end - begin)};
    m_end = ref.offset + ref.length;
    return ref;
}

QString FrameTextStore::text(Ref ref) const
{
    if (m_chunks.empty() || ref.offset < m_chunks.front().base)
        return {};
    // Chunks are few (a megabyte each): a walk from the back finds recent text first.
    for (auto it = m_chunks.rbegin(); it != m_chunks.rend(); ++it) {
        if (ref.offset >= it->base) {
            const qsizetype at = qsizetype(ref.offset - it->base);
            if (at + qsizetype(ref.length) > it->bytes.size())
                return {};
            return QString::fromUtf8(it->bytes.constData() + at, qsizetype(ref.length));
        }
    }
    return {};
}

void FrameTextStore::releaseBefore(quint64 offset)
{
    // A chunk goes when the next one starts at or before `offset`: nothing kept lives in it.
    while (m_chunks.size() > 1 && m_chunks[1].base <= offset) {
        QByteArray bytes = std::move(m_chunks.front().bytes);
        m_chunks.pop_front();
        if (bytes.capacity() <= 2 * ChunkBytes && m_spare.size() < 2)
            m_spare.push_back(std::move(bytes));
    }
}

void FrameTextStore::clear()
{
    m_chunks.clear();
    m_spare.clear();
    m_end = 0;
}

qsizetype FrameTextStore::capacityBytes() const
{
    qsizetype bytes = 0;
    for (const Chunk &c : m_chunks)
        bytes += c.bytes.capacity();
    for (const QByteArray &b : m_spare)
        bytes += b.capacity();
    return bytes;
}

} // namespace natter::devtools
