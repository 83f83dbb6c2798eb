#pragma once

#include "ChatMessage.h"

#include <optional>

namespace natter::pusher {
struct Event;
}

namespace natter::chat {

// The JSON of the chat's client events, in one place:
//   client-message {"id","text","sent_at" (ISO-8601 UTC, ms),"user":{"id","name"}[,"reply_to"]}
//   client-typing  {"user":{"id","name"}}
// Decoding trusts the server's user_id over the payload's claim.
class ChatWire
{
public:
    // Received text longer than this is cut, with a marker (the send limit is 2,000 characters;
    // other clients may allow a little more, nobody needs a megabyte in the view).
    static constexpr int MaxReceivedTextLength = 2500;
    // A reply_to longer than this (or not a string) is no reply: ids are uuids or server ids.
    static constexpr int MaxReplyToLength = 100;

    static QString messageEvent() { return QStringLiteral("client-message"); }
    static QString typingEvent() { return QStringLiteral("client-typing"); }

    static QString encodeMessage(const ChatMessage &message);
    static QString encodeTyping(const QString &userId, const QString &userName);

    // nullopt (and `why`) for a payload that is not a chat message. The room is left empty.
    static std::optional<ChatMessage> decodeMessage(const natter::pusher::Event &event,
                                                    QString *why);
};

} // namespace natter::chat
