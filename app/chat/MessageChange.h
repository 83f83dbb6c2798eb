#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace natter::chat {

// The author changes (Edit) or withdraws (Delete) one of their messages. Wire form in the
// serverless mode: EditWire; through a natter-server: PATCH / DELETE and the server's
// message_edited / message_deleted events.
struct MessageChange
{
    enum class Kind { Edit, Delete };

    Kind kind = Kind::Edit;
    QString id; // the original message's id (its client id)
    QString text; // the new text (Edit only); plain text
    QDateTime editedAt; // UTC, when the author made the change
    // Who asked for it, as the server saw it (the user_id it stamps on client events); empty
    // when the server did not say. Peers compare it with the original message's sender.
    QString senderId;
    // natter-server mode: the original's server id, for a change whose message is not loaded
    // (restored from the outbox after a restart); 0 when unknown. Never on the wire.
    qint64 serverId = 0;
};

} // namespace natter::chat

Q_DECLARE_METATYPE(natter::chat::MessageChange)
