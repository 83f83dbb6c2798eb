// Edits and deletes of sent messages made offline survive a restart (issue 12): the outbox
// journal keeps them ("edit" / "edit-done" records, compacted and read back the same, an older
// file still loads, an unknown record is kept aside), a new controller on the same file shows
// them with the new text and a pending mark and sends them when connected, retires them once
// the server confirmed them, and a refused one ends Failed: not sent again by itself (not on a
// reconnect, not after a restart), only by Retry; Discard puts the message back.
#include "ChatControllerRig.h"

#include <QSaveFile>

namespace {

ChatMessage sentMessage(const QString &id, const QString &text)
{
    ChatMessage m;
    m.id = id;
    m.room = S("lobby");
    m.senderId = S("alice");
    m.senderName = S("Alice");
    m.text = text;
    m.sentAt = QDateTime(QDate(2026, 11, 30), QTime(12, 0, 0, 250), Qt::UTC);
    m.state = ChatMessage::State::Sent;
    m.own = true;
    return m;
}

OutboxEdit change(const ChatMessage &original, MessageChange::Kind kind, const QString &text)
{
    OutboxEdit e;
    e.change.kind = kind;
    e.change.id = original.id;
    e.change.text = kind == MessageChange::Kind::Edit ? text : QString();
    e.change.editedAt = QDateTime(QDate(2026, 11, 30), QTime(12, 5, 0, 500), Qt::UTC);
    e.change.senderId = original.senderId;
    e.change.serverId = original.serverId;
    e.original = original;
    return e;
}

void compareEdits(const QList<OutboxEdit> &actual, const QList<OutboxEdit> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        const OutboxEdit &a = actual.at(i);
        const OutboxEdit &b = expected.at(i);
        QCOMPARE(a.change.kind, b.change.kind);
        QCOMPARE(a.change.id, b.change.id);
        QCOMPARE(a.change.text, b.change.text);
        QCOMPARE(a.change.editedAt, b.change.editedAt);
        QCOMPARE(a.change.senderId, b.change.senderId);
        QCOMPARE(a.change.serverId, b.change.serverId);
        QCOMPARE(a.original.id, b.original.id);
        QCOMPARE(a.original.text, b.original.text);
        QCOMPARE(a.original.sentAt, b.original.sentAt);
        QCOMPARE(a.original.serverId, b.original.serverId);
        QCOMPARE(a.original.editedAt, b.original.editedAt);
        QCOMPARE(a.original.replyTo, b.original.replyTo);
        QCOMPARE(a.state, b.state);
        QCOMPARE(a.error, b.error);
    }
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestOutboxEdits : public QObject
{
    Q_OBJECT

    // The controller and outbox go, new ones open the same file: what a restart of Natter does.
    static void restart(Rig &rig)
    {
        rig.chat.reset();
        rig.outbox.reset();
        rig.outbox = std::make_unique<Outbox>(rig.file);
        rig.chat = std::make_unique<ChatController>(rig.outbox.get());
    }

    static QList<QJsonObject> sent(const Rig &rig, const char *event)
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : rig.net.allSentEvents(S(event)))
            out.append(o.value(S("data")).toObject());
        return out;
    }

    // Logged in, one message of ours sent and confirmed, then the connection drops and stays
    // down (every reconnect attempt is refused at the socket).
    static QString sentThenOffline(Rig &rig, Room *room)
    {
        const QString id = rig.chat->send(S("lobby"), S("before"));
        rig.settle();
        if (stateOf(room, id) != ChatMessage::State::Sent)
            return {};
        rig.t()->fail();
        FakeClock::pumpEvents();
        return id;
    }

private slots:
    void journalEditRecordsCompactAndReadBack()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(S("outbox.jsonl"));
        ChatMessage one = sentMessage(S("m-1"), S("first"));
        one.serverId = 41;
        one.replyTo = S("m-0");
        ChatMessage two = sentMessage(S("m-2"), S("second"));
        two.editedAt = QDateTime(QDate(2026, 11, 30), QTime(12, 1, 0), Qt::UTC);
        OutboxEdit edit = change(one, MessageChange::Kind::Edit, S("first, fixed"));
        OutboxEdit removal = change(two, MessageChange::Kind::Delete, {});
        ChatMessage unsent = sentMessage(S("m-3"), S("not sent yet"));
        unsent.state = ChatMessage::State::Pending;
        {
            Outbox outbox(file);
            outbox.add(unsent);
            outbox.putEdit(edit);
            outbox.putEdit(removal);
            edit.change.text = S("first, fixed twice"); // a later edit replaces the first
            outbox.putEdit(edit);
            QVERIFY(outbox.setEditState(S("m-2"), ChatMessage::State::Failed, S("HTTP 403")));
            removal.state = ChatMessage::State::Failed;
            removal.error = S("HTTP 403");
            compareEdits(outbox.edits(), {edit, removal});
            QCOMPARE(outbox.edits(S("lobby")).size(), 2);
            QCOMPARE(outbox.edits(S("other")).size(), 0);
        }
        // Appended: more records than live ones, so loading compacts the file.
        QVERIFY(readAll(file).count('\n') > 4);
        {
            Outbox outbox(file);
            QVERIFY2(outbox.lastError().isEmpty(), qPrintable(outbox.lastError()));
            QCOMPARE(outbox.count(), 1);
            QCOMPARE(outbox.message(S("m-3"))->text, S("not sent yet"));
            compareEdits(outbox.edits(), {edit, removal});
            QCOMPARE(outbox.edit(S("m-1"))->shown().text, S("first, fixed twice"));
            QVERIFY(outbox.edit(S("m-2"))->shown().deleted);
        }
        const QByteArray compacted = readAll(file);
        QCOMPARE(compacted.count('\n'), 4); // header, one add, two edits
        QCOMPARE(compacted, OutboxJournal::snapshot({unsent}, {edit, removal}));
        const OutboxJournal::Contents again = OutboxJournal::parse(compacted);
        QVERIFY(again.unreadable.isEmpty());
        QCOMPARE(again.records, 3);
        compareEdits(again.edits, {edit, removal});
        {
            Outbox outbox(file);
            QVERIFY(outbox.removeEdit(S("m-1")));
            QVERIFY(!outbox.removeEdit(S("m-1")));
        }
        {
            Outbox outbox(file);
            compareEdits(outbox.edits(), {removal});
            QCOMPARE(outbox.count(), 1);
        }
        QCOMPARE(readAll(file), OutboxJournal::snapshot({unsent}, {removal}));
    }

    // A file written before edits were kept loads as before; a record of a kind this version
    // does not know (a newer Natter's) is kept aside, never dropped, and the rest still loads.
    void olderAndNewerFilesStillLoad()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(S("outbox.jsonl"));
        const ChatMessage unsent = [] {
            ChatMessage m = sentMessage(S("m-1"), S("typed offline"));
            m.state = ChatMessage::State::Pending;
            return m;
        }();
        {
            QSaveFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(OutboxJournal::header() + OutboxJournal::addRecord(unsent)
                    + OutboxJournal::stateRecord(S("m-1"), ChatMessage::State::Failed, S("x")));
            QVERIFY(f.commit());
        }
        {
            Outbox outbox(file);
            QVERIFY2(outbox.lastError().isEmpty(), qPrintable(outbox.lastError()));
            QCOMPARE(outbox.count(), 1);
            QCOMPARE(outbox.message(S("m-1"))->state, ChatMessage::State::Failed);
            QCOMPARE(outbox.editCount(), 0);
        }
        const QByteArray future = R"({"op":"react","id":"m-1","emoji":"+1"})";
        const QByteArray badEdit = R"({"op":"edit","change":{"kind":"edit","id":"m-9"}})";
        const OutboxJournal::Contents c = OutboxJournal::parse(
            OutboxJournal::header() + OutboxJournal::addRecord(unsent) + future + '\n' + badEdit
            + '\n'
            + OutboxJournal::editRecord(
                change(sentMessage(S("m-2"), S("a")), MessageChange::Kind::Delete, {})));
        QCOMPARE(c.messages.size(), 1);
        QCOMPARE(c.edits.size(), 1);
        QCOMPARE(c.unreadable, (QList<QByteArray>{future, badEdit}));
        QCOMPARE(c.records, 2);
    }

    void offlineEditIsRestoredAndSentAfterARestart()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        const QString id = sentThenOffline(rig, room);
        QVERIFY(!id.isEmpty());
        QString error;
        QVERIFY2(rig.chat->editMessage(id, S("after"), &error), qPrintable(error));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QCOMPARE(rig.chat->pendingCount(S("lobby")), 1);

        restart(rig);
        QCOMPARE(rig.outbox->editCount(), 1);
        // Rooms with unsent changes are joined again at start, like those with unsent messages.
        rig.start();
        room = rig.chat->room(S("lobby"));
        QVERIFY(room);
        QAbstractItemModelTester tester(room->messages(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(room->messages()->rowCount(), 1);
        const ChatMessage shown = room->messages()->at(0);
        QCOMPARE(shown.id, id);
        QCOMPARE(shown.text, S("after"));
        QVERIFY(shown.editedAt.isValid());
        QVERIFY(shown.own);
        QCOMPARE(shown.state, ChatMessage::State::Pending);
        QVERIFY(rig.chat->canEdit(id));
        QCOMPARE(sent(rig, "client-edit").size(), 0);

        rig.accept(S("2.1"));
        rig.confirm();
        rig.settle();
        const QList<QJsonObject> edits = sent(rig, "client-edit");
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().value(S("id")).toString(), id);
        QCOMPARE(edits.first().value(S("text")).toString(), S("after"));
        QCOMPARE(QDateTime::fromString(edits.first().value(S("edited_at")).toString(),
                                       Qt::ISODateWithMs),
                 shown.editedAt);
        // Confirmed by the server: retired, on disk too, and never sent again.
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(rig.outbox->editCount(), 0);
        restart(rig);
        QCOMPARE(rig.outbox->editCount(), 0);
        rig.loggedIn();
        rig.settle();
        QCOMPARE(sent(rig, "client-edit").size(), 1);
    }

    void offlineDeleteIsRestoredAndSentAfterARestart()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        const QString id = sentThenOffline(rig, room);
        QVERIFY(!id.isEmpty());
        QString error;
        QVERIFY2(rig.chat->editMessage(id, S("edited first"), &error), qPrintable(error));
        QVERIFY2(rig.chat->deleteMessage(id, &error), qPrintable(error));
        QVERIFY(room->messages()->at(0).deleted);

        restart(rig);
        QCOMPARE(rig.outbox->editCount(), 1); // the delete replaced the edit
        room = rig.chat->joinRoom(S("lobby"));
        QCOMPARE(room->messages()->rowCount(), 1);
        QVERIFY(room->messages()->at(0).deleted);
        QVERIFY(room->messages()->at(0).text.isEmpty());
        QCOMPARE(room->messages()->at(0).state, ChatMessage::State::Pending);
        QVERIFY(!rig.chat->canEdit(id));
        rig.start();
        rig.accept(S("2.1"));
        rig.confirm();
        rig.settle();
        QCOMPARE(sent(rig, "client-edit").size(), 0);
        const QList<QJsonObject> deletes = sent(rig, "client-delete");
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first(), QJsonObject({{S("id"), id}}));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(rig.outbox->editCount(), 0);
    }

    void refusedEditEndsFailedAndIsNotRetriedByItself()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QSignalSpy failed(rig.chat.get(), &ChatController::editFailed);
        const QString id = rig.chat->send(S("lobby"), S("before"));
        rig.settle();
        QString error;
        QVERIFY2(rig.chat->editMessage(id, S("after"), &error), qPrintable(error));
        FakeClock::pumpEvents();
        // A final refusal (not one the library tries again after a pause).
        rig.t()->serverSend(frames::pusherError(4301, S("The event data is too large."), lobby()));
        FakeClock::pumpEvents();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(stateOf(room, id), ChatMessage::State::Failed);
        QCOMPARE(room->messages()->at(0).text, S("after")); // shown as failed, like a message
        QCOMPARE(room->messages()->at(0).error, S("The event data is too large."));
        QCOMPARE(rig.outbox->edit(id)->state, ChatMessage::State::Failed);
        QCOMPARE(sent(rig, "client-edit").size(), 1);

        // Neither a reconnect nor a restart sends it again.
        rig.reconnect();
        rig.confirm();
        rig.settle();
        QCOMPARE(sent(rig, "client-edit").size(), 1);
        restart(rig);
        room = rig.loggedIn();
        rig.settle();
        QCOMPARE(sent(rig, "client-edit").size(), 1);
        QCOMPARE(stateOf(room, id), ChatMessage::State::Failed);
        QCOMPARE(room->messages()->at(0).text, S("after"));

        // Retry sends it once more; this time the server takes it.
        QVERIFY(rig.chat->retry(id));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        rig.settle();
        QCOMPARE(sent(rig, "client-edit").size(), 2);
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(rig.outbox->editCount(), 0);
        QVERIFY(!rig.outbox->contains(id)); // a retried edit never becomes a new message
        QCOMPARE(sent(rig, "client-message").size(), 1);
    }

    void discardedFailedEditPutsTheMessageBack()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        const QString id = rig.chat->send(S("lobby"), S("before"));
        rig.settle();
        QString error;
        QVERIFY2(rig.chat->deleteMessage(id, &error), qPrintable(error));
        FakeClock::pumpEvents();
        rig.t()->serverSend(frames::pusherError(4301, S("The event data is too large."), lobby()));
        FakeClock::pumpEvents();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Failed);
        QVERIFY(room->messages()->at(0).deleted);
        QVERIFY(rig.chat->discard(id));
        QCOMPARE(room->messages()->rowCount(), 1); // the message stays, as it was
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(!room->messages()->at(0).deleted);
        QCOMPARE(room->messages()->at(0).text, S("before"));
        QCOMPARE(rig.outbox->editCount(), 0);
        QVERIFY(rig.chat->canEdit(id));
    }
};

QTEST_GUILESS_MAIN(TestOutboxEdits)
#include "tst_outboxedits.moc"
