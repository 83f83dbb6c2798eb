#pragma once

#include "ChatMessage.h"
#include "MessageChange.h"

#include <QString>

namespace natter::chat {

// Our edit or delete of a message that was sent, waiting for the server (Pending) or refused by
// it (Failed), as the outbox keeps it across restarts. The message itself has left the outbox
// (it was sent), so the record carries it as it was before the first change: it is shown again
// after a restart in a mode without history, and put back when the user discards the change.
struct OutboxEdit
{
    MessageChange change; // the newest change of the message; a later one replaces it
    ChatMessage original; // before the first change; original.id == change.id
    ChatMessage::State state = ChatMessage::State::Pending; // Pending or Failed
    QString error; // why it failed, for the UI

    QString id() const { return change.id; }
    QString room() const { return original.room; }
    // The message as the user sees it: the original with the change applied, marked with the
    // change's state.
    ChatMessage shown() const
    {
        ChatMessage m = original;
        if (change.kind == MessageChange::Kind::Delete) {
            m.deleted = true;
            m.text.clear();
        } else {
            m.text = change.text;
            m.editedAt = change.editedAt;
        }
        m.state = state;
        m.error = error;
        return m;
    }
};

} // namespace natter::chat
