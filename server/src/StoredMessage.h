#pragma once

#include <QJsonObject>
#include <QString>

// One chat message as stored and as sent to clients (the MESSAGE object of the API).
struct StoredMessage
{
    qint64 id = 0;
    QString room;
    QString clientId;
    QString text;
    QString userId;
    QString userName;
    qint64 sentAtMs = 0;
    bool delivered = false;
    QString replyTo; // the client_id of the message this one answers; empty: not a reply
    qint64 editedAtMs = 0; // 0: never edited
    qint64 deletedAtMs = 0; // 0: not deleted (a deleted message's text is empty)

    QJsonObject toJson() const;
    // The exact event data of the new_message trigger.
    QString eventData() const;
};
