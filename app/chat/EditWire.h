#pragma once

#include "MessageChange.h"

#include <optional>

namespace natter::pusher {
struct Event;
}

namespace natter::chat {

// The JSON of the serverless mode's edit and delete client events:
//   client-edit   {"id": original id, "text", "edited_at" (ISO-8601 UTC, ms)}
//   client-delete {"id"}
// The payload names no sender on purpose: who asked is the server's user_id stamp only.
class EditWire
{
public:
    static QString editEvent() { return QStringLiteral("client-edit"); }
    static QString deleteEvent() { return QStringLiteral("client-delete"); }
    static bool isEditEvent(const QString &event)
    {
        return event == editEvent() || event == deleteEvent();
    }

    static QString eventName(const MessageChange &edit);
    static QString encode(const MessageChange &edit);
    // nullopt (and `why`) for an event that is not a well-formed edit or delete. senderId is
    // the event's user_id (empty when the server stamped none).
    static std::optional<MessageChange> decode(const natter::pusher::Event &event, QString *why);
};

} // namespace natter::chat
