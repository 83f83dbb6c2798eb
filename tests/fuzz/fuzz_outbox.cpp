// The outbox file loader (OutboxJournal::parse, what Outbox reads at start-up). A corrupt or
// truncated outbox must load what it can and keep the rest aside: every non-empty line of a
// journal is the header, a readable record or kept as unreadable, none vanishes; and a valid
// journal followed by the fuzz input as further lines still yields its messages unless the
// input itself holds records that change them. Edit records (our pending edits and deletes of
// sent messages) obey the same rules and read back the same after compaction.
#include "FuzzQuiet.h"

#include <chat/OutboxJournal.h>

using natter::chat::ChatMessage;
using natter::chat::OutboxJournal;

namespace {

QList<ChatMessage> validMessages()
{
    QList<ChatMessage> list;
    for (int i = 1; i <= 2; ++i) {
        ChatMessage m;
        m.id = QStringLiteral("kept-%1").arg(i);
        m.room = QStringLiteral("lobby");
        m.senderId = QStringLiteral("alice");
        m.senderName = QStringLiteral("Alice");
        m.text = QStringLiteral("message %1").arg(i);
        m.sentAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + i, Qt::UTC);
        m.state = ChatMessage::State::Pending;
        list.append(m);
    }
    return list;
}

void checkAccounted(const QByteArray &bytes, const OutboxJournal::Contents &c)
{
    if (c.legacy)
        return;
    qsizetype lines = 0;
    for (const QByteArray &raw : bytes.split('\n'))
        lines += raw.trimmed().isEmpty() ? 0 : 1;
    if (lines != (c.hasHeader ? 1 : 0) + c.records + c.unreadable.size())
        __builtin_trap(); // a line neither read nor kept aside
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzQuietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const OutboxJournal::Contents alone = OutboxJournal::parse(input);
    checkAccounted(input, alone);
    for (const ChatMessage &m : alone.messages) {
        if (m.id.isEmpty() || m.room.isEmpty() || !m.own)
            __builtin_trap();
        // What compaction would write must read back the same.
        const OutboxJournal::Contents again = OutboxJournal::parse(OutboxJournal::snapshot({m}));
        if (again.messages.size() != 1 || again.messages.first().id != m.id
            || again.messages.first().text != m.text || !again.unreadable.isEmpty())
            __builtin_trap();
    }
    for (const natter::chat::OutboxEdit &e : alone.edits) {
        if (e.id().isEmpty() || e.original.id != e.id() || e.room().isEmpty()
            || !e.change.editedAt.isValid())
            __builtin_trap();
        const OutboxJournal::Contents again = OutboxJournal::parse(OutboxJournal::snapshot({}, {e}));
        if (again.edits.size() != 1 || !again.unreadable.isEmpty()
            || again.edits.first().id() != e.id()
            || again.edits.first().change.kind != e.change.kind
            || again.edits.first().change.text != e.change.text
            || again.edits.first().change.editedAt != e.change.editedAt
            || again.edits.first().state != e.state)
            __builtin_trap();
    }

    // A valid journal with the input appended (a crash mid-write, disk garbage).
    static const QList<ChatMessage> valid = validMessages();
    static const QByteArray journal = OutboxJournal::snapshot(valid);
    const QByteArray appended = journal + input;
    const OutboxJournal::Contents c = OutboxJournal::parse(appended);
    if (c.legacy || !c.hasHeader)
        __builtin_trap();
    checkAccounted(appended, c);
    // Records in the input may legitimately change the messages; garbage may not.
    const OutboxJournal::Contents inputAsRecords = OutboxJournal::parse(OutboxJournal::header()
                                                                        + input);
    if (inputAsRecords.records == 0) {
        if (c.messages.size() != valid.size())
            __builtin_trap(); // the readable part was lost
        for (qsizetype i = 0; i < valid.size(); ++i) {
            if (c.messages.at(i).id != valid.at(i).id || c.messages.at(i).text != valid.at(i).text)
                __builtin_trap();
        }
        if (c.unreadable.size() != inputAsRecords.unreadable.size())
            __builtin_trap();
    }
    return 0;
}
