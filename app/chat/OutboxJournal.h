#pragma once

#include "ChatMessage.h"
#include "OutboxEdit.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace natter::chat {

// The outbox file format. Version 2 is a journal: a header line {"version":2}, then one JSON
// object per line: {"op":"add","message":{...}}, {"op":"remove","id":..} or
// {"op":"state","id":..,"state":..,"error":..}; our pending edits and deletes of sent messages as
// {"op":"edit","change":{...},"original":{...},"state":..,"error":..} (one per message, a later
// one replaces it) retired by {"op":"edit-done","id":..}. Appending a line is cheap whatever the
// outbox holds; replaying the lines in order gives the outbox. A Natter older than the edit
// records keeps them aside as unreadable lines (it loads the messages). Version 1 (one JSON
// document {"version":1,"messages":[...]} or a bare array) is still read, for migration.
class OutboxJournal
{
public:
    static constexpr int kVersion = 2;

    struct Contents
    {
        QList<ChatMessage> messages; // in the order they were added
        QList<OutboxEdit> edits; // in the order they were first made
        QList<QByteArray> unreadable; // lines that are not a record (kept aside by the caller)
        int skippedEntries = 0; // version 1: entries that are not a message
        int records = 0; // readable records after the header, live or dead
        bool hasHeader = false;
        bool legacy = false; // version 1
    };

    static Contents parse(const QByteArray &bytes);

    static QByteArray header();
    static QByteArray addRecord(const ChatMessage &message);
    static QByteArray removeRecord(const QString &id);
    static QByteArray stateRecord(const QString &id, ChatMessage::State state, const QString &error);
    static QByteArray editRecord(const OutboxEdit &edit);
    static QByteArray editDoneRecord(const QString &id);
    // The header, one add record per message and one edit record per edit: what compaction
    // writes.
    static QByteArray snapshot(const QList<ChatMessage> &messages,
                               const QList<OutboxEdit> &edits = {});
    // Version 1, for what stays in an old file after migration (older Natters still read it).
    static QByteArray legacyDocument(const QList<ChatMessage> &messages);

    static QJsonObject toJson(const ChatMessage &message);
    static std::optional<ChatMessage> fromJson(const QJsonValue &value);

private:
    static bool apply(const QJsonObject &record, Contents &out);
    static bool applyEdit(const QJsonObject &record, QList<OutboxEdit> &edits);
};

} // namespace natter::chat
