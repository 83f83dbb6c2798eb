#include "ReplyIndex.h"

namespace natter::chat {

namespace {
constexpr int kMaxQuoteLength = 200;
}

void ReplyIndex::add(const ChatMessage &message)
{
    if (!message.replyTo.isEmpty())
        m_replies[message.replyTo].insert(message.id);
}

void ReplyIndex::remove(const ChatMessage &message)
{
    if (message.replyTo.isEmpty())
        return;
    const auto it = m_replies.find(message.replyTo);
    if (it == m_replies.end())
        return;
    it->remove(message.id);
    if (it->isEmpty())
        m_replies.erase(it);
}

QString ReplyIndex::firstLine(const QString &text)
{
    for (QStringView line : QStringView(text).split(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        QString shown = trimmed.left(kMaxQuoteLength).toString();
        if (shown.size() < trimmed.size()) {
            if (shown.back().isHighSurrogate())
                shown.chop(1); // never split a character
            shown += QChar(0x2026);
        }
        return shown;
    }
    return {};
}

} // namespace natter::chat
