// Edit and delete of one's own messages (issue 12): the client-edit / client-delete codec, the
// model's edit / delete / restore under QAbstractItemModelTester, peers' edits accepted only
// from the author's server-stamped user_id, our own edits through the client-event route (also
// while offline), and the window: Up in an empty composer, Enter / Esc, "(edited)", Delete with
// its confirmation.
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "ChatPage.h"
#include "Composer.h"
#include "MessageEdit.h"
#include "MessageRevisionText.h"
#include "MessageView.h"
#include "OwnMessageEditor.h"

#include <chat/ChatController.h>
#include <chat/EditWire.h>
#include <chat/MessageListModel.h>
#include <chat/Outbox.h>
#include <chat/Room.h>
#include <pusher/Event.h>

#include <QAbstractItemModelTester>
#include <QContextMenuEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject member(const char *name)
{
    return QJsonObject{{S("name"), S(name)}};
}

natter::pusher::Event pusherEvent(const QString &name, const QJsonObject &data,
                                  const QString &userId)
{
    natter::pusher::Event e;
    e.event = name;
    e.channel = S("presence-lobby");
    e.data = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    e.dataKind = natter::pusher::Event::DataKind::Json;
    e.userId = userId;
    return e;
}

ChatMessage message(const QString &id, const QString &sender, const QString &text)
{
    ChatMessage m;
    m.id = id;
    m.room = S("lobby");
    m.senderId = sender;
    m.senderName = sender;
    m.text = text;
    m.sentAt = QDateTime::currentDateTimeUtc();
    return m;
}

struct Rig
{
    Rig()
    {
        auth.userId = S("alice");
        auth.userName = S("Alice");
        auth.setAutoAnswerDefault();
        outbox = std::make_unique<Outbox>(dir.filePath(S("outbox.json")));
        chat = std::make_unique<ChatController>(outbox.get());
        options.key = S("app-key");
        options.host = S("chat.example");
        options.port = 6001;
        options.tls = false;
        page = std::make_unique<ChatPage>();
        page->resize(900, 600);
    }
    ~Rig() { page.reset(); }

    void start() { chat->start(options, &auth, S("alice"), S("Alice"), &clock, net.factory()); }
    FakeTransport *t() const { return net.last(); }
    void accept(const QString &socketId = S("1.1"))
    {
        t()->accept(socketId);
        FakeClock::pumpEvents();
    }
    void confirm(const QJsonObject &others = {})
    {
        FakeClock::pumpEvents();
        QJsonArray ids{S("alice")};
        QJsonObject hash{{S("alice"), member("Alice")}};
        for (auto it = others.begin(); it != others.end(); ++it) {
            ids.append(it.key());
            hash.insert(it.key(), it.value());
        }
        t()->serverSend(frames::presenceSucceeded(S("presence-lobby"), ids, hash));
        FakeClock::pumpEvents();
    }
    Room *loggedIn(const QJsonObject &others = {})
    {
        Room *room = chat->joinRoom(S("lobby"));
        page->setController(chat.get());
        page->show();
        start();
        accept();
        confirm(others);
        return room;
    }
    void settle()
    {
        FakeClock::pumpEvents();
        t()->serverPong();
        FakeClock::pumpEvents();
    }
    void receive(const QString &event, const QJsonValue &data, const QString &userId)
    {
        t()->serverSend(frames::frame(event, data, S("presence-lobby"), userId));
        FakeClock::pumpEvents();
    }
    // A message of ours, sent and confirmed.
    QString sent(const QString &text)
    {
        const QString id = chat->send(S("lobby"), text);
        settle();
        return id;
    }
    QList<QJsonObject> sentData(const QString &event) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : net.allSentEvents(event))
            out.append(o.value(S("data")).toObject());
        return out;
    }
    MessageListModel *messages() const { return page->messageView()->messages(); }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<ChatPage> page; // first to go
};

} // namespace

class TestMessageEdits : public QObject
{
    Q_OBJECT

private slots:
    void codecRoundTrip()
    {
        natter::chat::MessageChange edit;
        edit.id = S("m-1");
        edit.text = S("<b>fixed</b> \"typo\"");
        edit.editedAt = QDateTime::fromString(S("2026-11-30T15:00:00.123Z"), Qt::ISODateWithMs);
        const QJsonObject wire = QJsonDocument::fromJson(EditWire::encode(edit).toUtf8()).object();
        QCOMPARE(wire,
                 (QJsonObject{{S("id"), S("m-1")},
                              {S("text"), edit.text},
                              {S("edited_at"), S("2026-11-30T15:00:00.123Z")}}));
        QCOMPARE(EditWire::eventName(edit), S("client-edit"));

        // The payload cannot name its sender: only the server's stamp counts.
        QJsonObject claimed = wire;
        claimed.insert(S("user"), QJsonObject{{S("id"), S("bob")}});
        QString why;
        const auto decoded = EditWire::decode(pusherEvent(S("client-edit"), claimed, S("carol")),
                                              &why);
        QVERIFY2(decoded, qPrintable(why));
        QCOMPARE(decoded->kind, natter::chat::MessageChange::Kind::Edit);
        QCOMPARE(decoded->id, S("m-1"));
        QCOMPARE(decoded->text, edit.text);
        QCOMPARE(decoded->editedAt, edit.editedAt);
        QCOMPARE(decoded->senderId, S("carol"));

        natter::chat::MessageChange removal;
        removal.kind = natter::chat::MessageChange::Kind::Delete;
        removal.id = S("m-1");
        QCOMPARE(EditWire::eventName(removal), S("client-delete"));
        QCOMPARE(EditWire::encode(removal), S("{\"id\":\"m-1\"}"));
        const auto deleted = EditWire::decode(
            pusherEvent(S("client-delete"), {{S("id"), S("m-1")}}, S("bob")), &why);
        QVERIFY(deleted);
        QCOMPARE(deleted->kind, natter::chat::MessageChange::Kind::Delete);
        QCOMPARE(deleted->senderId, S("bob"));

        // Malformed: no id, no text, text not a string, blank text.
        QVERIFY(
            !EditWire::decode(pusherEvent(S("client-edit"), {{S("text"), S("x")}}, S("b")), &why));
        QVERIFY(!EditWire::decode(pusherEvent(S("client-edit"), {{S("id"), S("m")}}, S("b")), &why));
        QVERIFY(!EditWire::decode(
            pusherEvent(S("client-edit"), {{S("id"), S("m")}, {S("text"), 42}}, S("b")), &why));
        QVERIFY(!EditWire::decode(
            pusherEvent(S("client-edit"), {{S("id"), S("m")}, {S("text"), S("  ")}}, S("b")), &why));
        QVERIFY(!EditWire::decode(pusherEvent(S("client-delete"), {}, S("b")), &why));
        // A huge edit is cut like a huge message.
        const auto huge = EditWire::decode(
            pusherEvent(S("client-edit"), {{S("id"), S("m")}, {S("text"), QString(100000, u'x')}},
                        S("b")),
            &why);
        QVERIFY(huge);
        QVERIFY(huge->text.size() < 3000);
    }

    void modelEditDeleteRestore()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(message(S("a"), S("bob"), S("first")));
        model.append(message(S("b"), S("bob"), S("second")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QDateTime t1 = QDateTime::currentDateTimeUtc();
        QVERIFY(model.applyEdit(S("a"), S("first, fixed"), t1));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(MessageListModel::TextRole));
        const QModelIndex a = model.index(0);
        QCOMPARE(a.data(MessageListModel::TextRole).toString(), S("first, fixed"));
        QCOMPARE(a.data(MessageListModel::EditedAtRole).toDateTime(), t1);
        QVERIFY(a.data(Qt::AccessibleTextRole).toString().endsWith(S("(edited)")));
        QVERIFY(!model.index(1).data(MessageListModel::EditedAtRole).toDateTime().isValid());
        // An older edit arriving late does not undo a newer one.
        QVERIFY(!model.applyEdit(S("a"), S("stale"), t1.addSecs(-5)));
        QCOMPARE(a.data(MessageListModel::TextRole).toString(), S("first, fixed"));
        QVERIFY(!model.applyEdit(S("nope"), S("x"), t1));

        const ChatMessage before = model.at(1);
        QVERIFY(model.applyDelete(S("b")));
        const QModelIndex b = model.index(1);
        QVERIFY(b.data(MessageListModel::DeletedRole).toBool());
        QVERIFY(b.data(MessageListModel::TextRole).toString().isEmpty());
        QVERIFY(b.data(Qt::AccessibleTextRole).toString().contains(S("This message was deleted.")));
        QVERIFY(!model.applyDelete(S("b")));
        QVERIFY(!model.applyEdit(S("b"), S("back from the dead"), t1.addSecs(10)));
        QVERIFY(model.restoreRevision(before));
        QCOMPARE(b.data(MessageListModel::TextRole).toString(), S("second"));
        QVERIFY(!b.data(MessageListModel::DeletedRole).toBool());

        // A server page carries edits and deletions of rows already shown.
        ChatMessage fromServer = model.at(1);
        fromServer.text = S("second, from history");
        fromServer.editedAt = t1.addSecs(20);
        model.merge({fromServer});
        QCOMPARE(b.data(MessageListModel::TextRole).toString(), S("second, from history"));
        fromServer.deleted = true;
        model.merge({fromServer});
        QVERIFY(b.data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(model.rowCount(), 2);
    }

    void peersEditOnlyTheirOwnMessages()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}, {S("carol"), member("Carol")}});
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("b1")}, {S("text"), S("hi")}},
                    S("bob"));
        QCOMPARE(room->messages()->rowCount(), 1);
        // Carol forges an edit and a delete of Bob's message, even claiming to be Bob.
        rig.receive(S("client-edit"),
                    QJsonObject{{S("id"), S("b1")},
                                {S("text"), S("forged")},
                                {S("user"), QJsonObject{{S("id"), S("bob")}}}},
                    S("carol"));
        rig.receive(S("client-delete"), QJsonObject{{S("id"), S("b1")}}, S("carol"));
        // Without the server's stamp nobody can be the author either.
        rig.receive(S("client-edit"), QJsonObject{{S("id"), S("b1")}, {S("text"), S("anon")}},
                    QString());
        QCOMPARE(room->messages()->at(0).text, S("hi"));
        QVERIFY(!room->messages()->at(0).editedAt.isValid());
        QVERIFY(!room->messages()->at(0).deleted);
        // An edit of a message not loaded is ignored (and does not create one).
        rig.receive(S("client-edit"), QJsonObject{{S("id"), S("zz")}, {S("text"), S("x")}},
                    S("bob"));
        QCOMPARE(room->messages()->rowCount(), 1);
        // Bob himself.
        rig.receive(S("client-edit"),
                    QJsonObject{{S("id"), S("b1")},
                                {S("text"), S("hi all")},
                                {S("edited_at"), S("2026-11-30T15:00:00.000Z")}},
                    S("bob"));
        QCOMPARE(room->messages()->at(0).text, S("hi all"));
        QCOMPARE(room->messages()->at(0).editedAt,
                 QDateTime::fromString(S("2026-11-30T15:00:00.000Z"), Qt::ISODateWithMs));
        rig.receive(S("client-delete"), QJsonObject{{S("id"), S("b1")}}, S("bob"));
        QVERIFY(room->messages()->at(0).deleted);
        QVERIFY(room->messages()->at(0).text.isEmpty());
        // A message and its edit in the same turn: the edit finds it.
        rig.t()->serverSend(frames::frame(S("client-message"),
                                          QJsonObject{{S("id"), S("b2")}, {S("text"), S("tpyo")}},
                                          S("presence-lobby"), S("bob")));
        rig.receive(S("client-edit"), QJsonObject{{S("id"), S("b2")}, {S("text"), S("typo")}},
                    S("bob"));
        QCOMPARE(room->messages()->at(1).text, S("typo"));
    }

    void ownEditAndDeleteGoOutAsClientEvents()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}});
        const QString id = rig.sent(S("helo"));
        QCOMPARE(room->messages()->at(0).state, ChatMessage::State::Sent);
        QVERIFY(rig.chat->canEdit(id));
        QCOMPARE(rig.chat->lastEditableMessage(S("lobby")), id);
        QString error;
        QVERIFY2(rig.chat->editMessage(id, S("hello"), &error), qPrintable(error));
        // Shown at once, marked.
        QCOMPARE(room->messages()->at(0).text, S("hello"));
        QVERIFY(room->messages()->at(0).editedAt.isValid());
        rig.settle();
        const auto edits = rig.sentData(S("client-edit"));
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().value(S("id")).toString(), id);
        QCOMPARE(edits.first().value(S("text")).toString(), S("hello"));
        QVERIFY(
            QDateTime::fromString(edits.first().value(S("edited_at")).toString(), Qt::ISODateWithMs)
                .isValid());
        // Nobody else's message, and no blank text.
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("b1")}, {S("text"), S("yo")}},
                    S("bob"));
        QVERIFY(!rig.chat->canEdit(S("b1")));
        QVERIFY(!rig.chat->editMessage(S("b1"), S("mine now"), &error));
        QVERIFY(!rig.chat->deleteMessage(S("b1"), &error));
        QVERIFY(!rig.chat->editMessage(id, S("   "), &error));
        QCOMPARE(rig.chat->lastEditableMessage(S("lobby")), id);

        QVERIFY(rig.chat->deleteMessage(id, &error));
        QVERIFY(room->messages()->at(0).deleted);
        rig.settle();
        const auto deletes = rig.sentData(S("client-delete"));
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first(), QJsonObject({{S("id"), id}}));
        QVERIFY(!rig.chat->canEdit(id));
        QVERIFY(rig.chat->lastEditableMessage(S("lobby")).isEmpty());
        // Not sent (refused, Failed): it changes in the outbox, no client-edit; delete discards.
        const QString failed = rig.chat->send(S("lobby"), S("draft one"));
        FakeClock::pumpEvents();
        rig.t()->serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), S("presence-lobby")));
        FakeClock::pumpEvents();
        const int row = room->messages()->rowOf(failed);
        QCOMPARE(room->messages()->at(row).state, ChatMessage::State::Failed);
        QVERIFY2(rig.chat->editMessage(failed, S("draft two"), &error), qPrintable(error));
        QCOMPARE(rig.outbox->message(failed)->text, S("draft two"));
        QCOMPARE(room->messages()->at(row).text, S("draft two"));
        QVERIFY(!room->messages()->at(row).editedAt.isValid()); // nobody saw the first text
        QVERIFY(rig.chat->deleteMessage(failed, &error));
        QVERIFY(!rig.outbox->contains(failed));
        QCOMPARE(room->messages()->rowOf(failed), -1);
        QCOMPARE(rig.sentData(S("client-edit")).size(), 1);
    }

    void offlineEditIsSentWhenBack()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        const QString id = rig.sent(S("before"));
        const int before = rig.net.count();
        rig.t()->fail();
        QString error;
        QVERIFY2(rig.chat->editMessage(id, S("after"), &error), qPrintable(error));
        QCOMPARE(room->messages()->at(0).text, S("after"));
        while (rig.net.count() == before)
            QVERIFY(rig.clock.runNextTimer());
        rig.accept(S("1.2"));
        QCOMPARE(rig.sentData(S("client-edit")).size(), 0); // not subscribed yet
        rig.confirm();
        rig.settle();
        const auto edits = rig.sentData(S("client-edit"));
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().value(S("text")).toString(), S("after"));
        // A restart of the session (stop, start) does not send it twice once it went out.
        rig.chat->stop();
        rig.start();
        rig.accept(S("1.3"));
        rig.confirm();
        rig.settle();
        QCOMPARE(rig.sentData(S("client-edit")).size(), 1);
    }

    void upArrowEditsTheLastMessage()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}});
        const QString first = rig.sent(S("one"));
        const QString id = rig.sent(S("two"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("b1")}, {S("text"), S("yo")}},
                    S("bob"));
        Composer *composer = rig.page->composer();
        natter::ui::MessageEdit *editor = composer->editor();
        OwnMessageEditor *own = rig.page->ownMessageEditor();
        editor->setFocus();
        // Up with text in the box moves the cursor, nothing else.
        QTest::keyClicks(editor, S("draft"));
        QTest::keyClick(editor, Qt::Key_Up);
        QVERIFY(!own->isEditing());
        editor->clear();
        QTest::keyClick(editor, Qt::Key_Up);
        QVERIFY(own->isEditing());
        QCOMPARE(own->editingId(), id); // ours, not Bob's newer one
        QCOMPARE(composer->text(), S("two"));
        QVERIFY(own->banner()->isVisible());
        // Esc cancels: nothing changes, the box is empty again.
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!own->isEditing());
        QVERIFY(!own->banner()->isVisible());
        QCOMPARE(composer->text(), QString());
        QCOMPARE(room->messages()->at(1).text, S("two"));
        // Up again, change it, Enter saves.
        QTest::keyClick(editor, Qt::Key_Up);
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClicks(editor, S(" (fixed)"));
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(!own->isEditing());
        QCOMPARE(composer->text(), QString());
        QCOMPARE(room->messages()->at(1).text, S("two (fixed)"));
        QCOMPARE(room->messages()->rowCount(), 3); // an edit, not a new message
        rig.settle();
        QCOMPARE(rig.sentData(S("client-edit")).size(), 1);
        // The pane shows "(edited)" after the text, and only there.
        const QModelIndex shown = rig.page->messageView()->model()->index(1, 0);
        QCOMPARE(MessageRevisionText::text(shown), S("two (fixed) (edited)"));
        QCOMPARE(MessageRevisionText::formats(shown, rig.page->palette()).size(), 1);
        const QModelIndex plain = rig.page->messageView()->model()->index(0, 0);
        QCOMPARE(MessageRevisionText::text(plain), S("one"));
        Q_UNUSED(first);
        // A draft typed before the edit comes back after it.
        QTest::keyClicks(editor, S("half"));
        QVERIFY(own->beginEdit(first));
        QCOMPARE(composer->text(), S("one"));
        QTest::keyClick(editor, Qt::Key_Escape);
        QCOMPARE(composer->text(), S("half"));
    }

    void contextMenuOffersEditOnOwnMessages()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        const QString id = rig.sent(S("mine"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("b1")}, {S("text"), S("his")}},
                    S("bob"));
        MessageView *view = rig.page->messageView();
        QCoreApplication::processEvents();
        const auto menuTexts = [view](int row) {
            const QRect rect = view->visualRect(view->model()->index(row, 0));
            QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                                    view->viewport()->mapToGlobal(rect.center()));
            QCoreApplication::sendEvent(view->viewport(), &event);
            QMenu *shown = nullptr;
            for (QMenu *m : view->findChildren<QMenu *>()) {
                if (m->isVisible())
                    shown = m;
            }
            QHash<QString, QAction *> actions;
            if (shown) {
                for (QAction *a : shown->actions())
                    actions.insert(a->text(), a);
            }
            return actions;
        };
        const auto his = menuTexts(1);
        QVERIFY(his.contains(MessageView::tr("Copy Text")));
        QVERIFY(!his.contains(MessageView::tr("Edit")));
        QVERIFY(!his.contains(MessageView::tr("Delete…")));
        for (QMenu *m : view->findChildren<QMenu *>())
            m->close();
        const auto mine = menuTexts(0);
        QVERIFY(mine.contains(MessageView::tr("Delete…")));
        QVERIFY(mine.contains(MessageView::tr("Edit")));
        mine.value(MessageView::tr("Edit"))->trigger();
        QVERIFY(rig.page->ownMessageEditor()->isEditing());
        QCOMPARE(rig.page->ownMessageEditor()->editingId(), id);
        QCOMPARE(rig.page->composer()->text(), S("mine"));
        for (QMenu *m : view->findChildren<QMenu *>())
            m->close();
    }

    void deleteAsksFirst()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        const QString id = rig.sent(S("oops"));
        OwnMessageEditor *own = rig.page->ownMessageEditor();
        emit rig.page->messageView()->deleteRequested(id);
        QMessageBox *box = own->deleteConfirmation();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        // Cancel: nothing happens.
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!own->deleteConfirmation());
        QVERIFY(!room->messages()->at(0).deleted);
        emit rig.page->messageView()->deleteRequested(id);
        box = own->deleteConfirmation();
        QVERIFY(box);
        QPushButton *remove = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                remove = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(remove);
        remove->click();
        QVERIFY(room->messages()->at(0).deleted);
        const QModelIndex shown = rig.page->messageView()->model()->index(0, 0);
        QCOMPARE(MessageRevisionText::text(shown), S("This message was deleted."));
        rig.settle();
        QCOMPARE(rig.sentData(S("client-delete")).size(), 1);
    }
};

QTEST_MAIN(TestMessageEdits)
#include "tst_messageedits.moc"
