// The chat page over a real ChatController (ChatPageRig.h), around the conversation: Who's
// Online, typing, stale members, the "new messages" jump button, the field's placeholder and
// draft following the room, and joining and leaving rooms from the sidebar.
#include "ChatPageRig.h"

#include <QTest>

class TestChatPageRooms : public QObject
{
    Q_OBJECT

private slots:
    void whosOnline()
    {
        Rig rig;
        Room *room = rig.loggedIn(
            {{S("bob"), member("bob")}, {S("carol"), member("Carol")}, {S("dan"), member("Dan")}});
        QAbstractItemModelTester tester(rig.page->memberPanel()->proxy());
        MemberPanel *panel = rig.page->memberPanel();
        QCOMPARE(panel->header()->text(), S("Who's Online (4)"));
        QStringList names;
        for (int i = 0; i < panel->proxy()->rowCount(); ++i)
            names << panel->proxy()->index(i, 0).data().toString();
        QCOMPARE(names, (QStringList{S("Alice (you)"), S("bob"), S("Carol"), S("Dan")}));
        rig.t()->serverSend(frames::memberAdded(S("presence-lobby"), S("aaron"), member("aaron")));
        QCOMPARE(panel->header()->text(), S("Who's Online (5)"));
        // You stay pinned first (issue 12); the others by name.
        QCOMPARE(panel->proxy()->index(0, 0).data().toString(), S("Alice (you)"));
        QCOMPARE(panel->proxy()->index(1, 0).data().toString(), S("aaron"));
        rig.t()->serverSend(frames::memberRemoved(S("presence-lobby"), S("carol")));
        QCOMPARE(panel->header()->text(), S("Who's Online (4)"));

        // Connection drops: the list stays, greyed, "reconnecting…".
        QVERIFY(panel->view()->isEnabled());
        rig.t()->fail();
        QVERIFY(room->membersStale());
        QVERIFY(!panel->view()->isEnabled());
        QLabel *state = panel->findChild<QLabel *>(S("membersState"));
        QVERIFY(state && state->isVisible());
        QCOMPARE(state->text(), S("reconnecting…"));
        QCOMPARE(panel->proxy()->rowCount(), 4);
    }

    void typingIndicator()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        QLabel *typing = rig.page->composer()->typingLabel();
        QVERIFY(typing->text().isEmpty());
        rig.receive(S("client-typing"), QJsonObject{{S("user"), QJsonObject{{S("id"), S("bob")}}}},
                    S("bob"));
        QCOMPARE(typing->text(), S("Bob is typing…"));
        rig.clock.advance(3500);
        QVERIFY(typing->text().isEmpty());
        // Typing in the composer tells the others (throttled by the controller).
        QTest::keyClicks(rig.page->composer()->editor(), S("abc"));
        QCOMPARE(rig.net.allSentEvents(S("client-typing")).size(), 1);
        QCOMPARE(Composer::typingText({S("A"), S("B")}), S("A and B are typing…"));
        QCOMPARE(Composer::typingText({S("A"), S("B"), S("C"), S("D")}),
                 S("Several people are typing…"));
    }

    void newMessagesButtonWhenScrolledUp()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        MessageView *view = rig.page->messageView();
        for (int i = 0; i < 60; ++i)
            rig.receive(S("client-message"),
                        QJsonObject{{S("id"), QString::number(i)}, {S("text"), S("line %1").arg(i)}},
                        S("bob"));
        QCoreApplication::processEvents();
        QScrollBar *bar = view->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum()); // following the newest
        bar->setValue(0); // the user scrolls up
        QVERIFY(!view->isFollowing());
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("n1")}, {S("text"), S("new 1")}},
                    S("bob"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("n2")}, {S("text"), S("new 2")}},
                    S("bob"));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 0); // not yanked down
        QVERIFY(view->jumpButton()->isVisible());
        QCOMPARE(view->unseenCount(), 2);
        QVERIFY(view->jumpButton()->text().contains(S("2 new messages")));
        QTest::mouseClick(view->jumpButton(), Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(!view->jumpButton()->isVisible());
        // Own messages always scroll down.
        bar->setValue(0);
        rig.typeAndEnter(S("mine"));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), bar->maximum());
    }

    // QPlainTextEdit repaints only when the placeholder appears or disappears, not when its text
    // changes: after a switch the field showed the previous room's name until something else
    // repainted it.
    void placeholderFollowsTheRoom()
    {
        Composer composer;
        composer.resize(400, 100);
        composer.setRoom(S("dev"));
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::qWait(300); // let the pending repaints happen
        MessageEdit *edit = composer.editor();
        PaintCounter counter(edit->viewport());
        composer.setRoom(S("lobby"));
        QCOMPARE(edit->placeholderText(), S("Message #lobby"));
        QTRY_VERIFY(counter.paints > 0);

        // Through the page: switching and leaving.
        Rig rig;
        rig.loggedIn();
        rig.page->joinRoom(S("dev"));
        MessageEdit *pageEdit = rig.page->composer()->editor();
        QCOMPARE(pageEdit->placeholderText(), S("Message #dev"));
        rig.page->showRoom(S("lobby"));
        QCOMPARE(pageEdit->placeholderText(), S("Message #lobby"));
        rig.page->showRoom(S("dev"));
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.page->currentRoom(), S("lobby"));
        QCOMPARE(pageEdit->placeholderText(), S("Message #lobby"));
    }

    // Text typed in one room stayed in the field after switching, and Enter posted it there.
    void draftsStayWithTheirRoom()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(S("natter.ini")), QSettings::IniFormat);
        ProfileStore store(&settings);
        Rig rig;
        rig.page->setDraftStore(&store, S("Local"), S("alice"));
        rig.loggedIn();
        rig.page->joinRoom(S("dev"));
        MessageEdit *edit = rig.page->composer()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, S("for dev only"));

        rig.page->showRoom(S("lobby"));
        QCOMPARE(edit->toPlainText(), QString());
        QVERIFY(!rig.page->composer()->sendButton()->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.chat->pendingCount(S("dev")), 0);
        QCOMPARE(rig.chat->room(S("dev"))->messages()->rowCount(), 0);
        QCOMPARE(rig.chat->room(S("lobby"))->messages()->rowCount(), 0);
        QTest::keyClicks(edit, S("lobby text"));

        rig.page->showRoom(S("dev"));
        QCOMPARE(edit->toPlainText(), S("for dev only"));
        QCOMPARE(edit->textCursor().position(), int(S("for dev only").size()));

        // A new page on the same store (the next start) gets both back.
        ChatPage next;
        next.setDraftStore(&store, S("Local"), S("alice"));
        next.setController(rig.chat.get());
        next.showRoom(S("dev"));
        QCOMPARE(next.composer()->editor()->toPlainText(), S("for dev only"));
        next.showRoom(S("lobby"));
        QCOMPARE(next.composer()->editor()->toPlainText(), S("lobby text"));
        // Another user's drafts are their own.
        ChatPage other;
        other.setDraftStore(&store, S("Local"), S("bob"));
        other.setController(rig.chat.get());
        other.showRoom(S("dev"));
        QCOMPARE(other.composer()->editor()->toPlainText(), QString());
        next.setController(nullptr);
        other.setController(nullptr);

        // Sent: the draft is gone, here and in the store.
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.chat->room(S("dev"))->messages()->rowCount(), 1);
        QCOMPARE(edit->toPlainText(), QString());
        QCOMPARE(store.draft(S("Local"), S("alice"), S("dev")), QString());
        QCOMPARE(store.draft(S("Local"), S("alice"), S("lobby")), S("lobby text"));
    }

    void joinAndLeaveRooms()
    {
        Rig rig;
        rig.loggedIn();
        QAbstractItemModelTester tester(rig.chat->roomList());
        RoomSidebar *sidebar = rig.page->sidebar();
        sidebar->showJoinField();
        QTest::keyClicks(sidebar->joinField(), S("bad name!"));
        QVERIFY(sidebar->joinError()->isVisible());
        QCOMPARE(rig.chat->rooms().size(), 1);
        sidebar->joinField()->clear();
        QTest::keyClicks(sidebar->joinField(), S("dev"));
        QVERIFY(!sidebar->joinError()->isVisible());
        QTest::keyClick(sidebar->joinField(), Qt::Key_Return);
        QCOMPARE(rig.chat->rooms().size(), 2);
        QCOMPARE(rig.page->currentRoom(), S("dev"));
        QVERIFY(rig.chat->room(S("dev"))->isActive());
        QVERIFY(!rig.chat->room(S("lobby"))->isActive());
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.chat->rooms().size(), 1);
        QCOMPARE(rig.page->currentRoom(), S("lobby"));

        // A room with unsent messages: the first Leave only warns.
        rig.page->joinRoom(S("ops"));
        rig.typeAndEnter(S("not subscribed yet, stays pending"));
        QCOMPARE(rig.chat->pendingCount(S("ops")), 1);
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.chat->rooms().size(), 2);
        QLabel *warning = rig.page->findChild<QLabel *>(S("roomError"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(S("1 unsent message")));
        rig.page->leaveCurrentRoom();
        QCOMPARE(rig.chat->rooms().size(), 1);
    }
};

QTEST_MAIN(TestChatPageRooms)
#include "tst_chatpagerooms.moc"
