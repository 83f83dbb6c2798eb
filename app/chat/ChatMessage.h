#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace natter::chat {

// One chat line. Wire form (client event `client-message` on the room's presence channel):
// {"id": uuid, "text": ..., "sent_at": ISO-8601 UTC with ms, "user": {"id":..,"name":..}};
// the server adds the sender's user_id, which wins over the payload's claim.
struct ChatMessage
{
    enum class State { Pending, Sent, Failed, Received };

    QString id; // uuid chosen by the sender; dedupes retries and replays
    QString room; // room name without the "presence-" prefix
    QString senderId;
    QString senderName;
    QString text; // plain text, never interpreted as markup
    QDateTime sentAt; // UTC
    State state = State::Received;
    QString error; // why it failed, for the UI
    bool own = false;
    // The sender is a member the server vouches for (its user_id stamp and signed user_info):
    // the name shown is theirs. False when the name is only the payload's claim (a sender no
    // longer in the room, or a server that stamps no user_id): the UI marks such names.
    bool senderVerified = true;
    // natter-server mode: the server's id (increasing in storage order; orders the room), 0
    // while not stored or in the serverless mode.
    qint64 serverId = 0;
    // Came from a history or gap-fill fetch, not live: counted as unread, not notified one by one.
    bool historical = false;
    // A reply: the id of the message it answers (its `id`, the client id in natter-server mode).
    // Only the id travels: the quote shown comes from that original as loaded here, never from
    // what the reply's sender claims it said.
    QString replyTo;
    // Changed by its author after sending (UTC); invalid when never edited.
    QDateTime editedAt;
    // Withdrawn by its author: the text is gone and a placeholder is shown to everybody.
    bool deleted = false;
    // Someone else's message that mentions the signed-in user (MentionRule on their name).
    bool mentionsMe = false;
};

} // namespace natter::chat

Q_DECLARE_METATYPE(natter::chat::ChatMessage)
