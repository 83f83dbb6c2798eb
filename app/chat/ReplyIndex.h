#pragma once

#include "ChatMessage.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace natter::chat {

// Which shown messages reply to which: original id -> ids of its replies. A room's model keeps
// one so that a reply's quote can change when its original arrives (an older page, a late
// delivery) or goes (dropped from the top, removed), without scanning every row.
class ReplyIndex
{
public:
    void add(const ChatMessage &message);
    void remove(const ChatMessage &message);
    // Ids of the shown replies to `originalId`.
    QSet<QString> repliesTo(const QString &originalId) const { return m_replies.value(originalId); }
    bool hasReplies(const QString &originalId) const { return m_replies.contains(originalId); }
    int size() const { return int(m_replies.size()); }

    // The line a quote shows: the first non-blank line of `text`, trimmed and bounded (the
    // painter elides it to the width).
    static QString firstLine(const QString &text);

private:
    QHash<QString, QSet<QString>> m_replies;
};

} // namespace natter::chat
