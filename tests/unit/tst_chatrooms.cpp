// ChatController (ChatControllerRig.h): joining and leaving rooms, sending while pending or
// offline, the outbox across a restart, receiving, duplicates, unread counts, stale members,
// typing, and stopping and starting again.
#include "ChatControllerRig.h"

class TestChatRooms : public QObject
{
    Q_OBJECT
private slots:
    void joinAndLeave()
    {
        Rig rig;
        QAbstractItemModelTester tester(rig.chat->roomList(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy left(rig.chat.get(), &ChatController::roomLeft);
        QString error;
        QVERIFY(!rig.chat->joinRoom(S("bad name"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!rig.chat->joinRoom(QString(41, u'a'), &error));
        QVERIFY(!rig.chat->joinRoom(QString(), &error));
        QVERIFY(!rig.chat->joinRoom(S("caf\u00e9"), &error));
        QVERIFY(ChatController::validateRoomName(QString(40, u'a')).isEmpty());
        QVERIFY(ChatController::validateRoomName(S("dev_team-2")).isEmpty());
        rig.loggedIn();
        Room *dev = rig.chat->joinRoom(S("dev"));
        QVERIFY(dev);
        QCOMPARE(rig.chat->joinRoom(S("dev")), dev); // idempotent
        FakeClock::pumpEvents();
        QCOMPARE(rig.chat->rooms().size(), 2);
        QCOMPARE(rig.chat->roomList()->rowCount(), 2);
        QCOMPARE(rig.chat->roomList()->data(rig.chat->roomList()->index(1)).toString(), S("dev"));
        QCOMPARE(rig.chat->roomList()
                     ->data(rig.chat->roomList()->index(1), RoomListModel::NameRole)
                     .toString(),
                 S("dev"));
        QCOMPARE(rig.t()->sentCount(S("pusher:subscribe")), 2);
        rig.confirm(S("dev"));
        QVERIFY(dev->isSubscribed());
        rig.chat->leaveRoom(S("dev"));
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).at(0).toString(), S("dev"));
        QCOMPARE(rig.chat->rooms().size(), 1);
        QCOMPARE(rig.chat->roomList()->rowCount(), 1);
        QVERIFY(!rig.chat->room(S("dev")));
        const auto unsub = rig.t()->sentEvents(S("pusher:unsubscribe"));
        QCOMPARE(unsub.size(), 1);
        QCOMPARE(unsub.at(0).value(S("data")).toObject().value(S("channel")).toString(),
                 S("presence-dev"));
        rig.chat->leaveRoom(S("nope")); // harmless
        // Joining again works (same library channel, a new Room).
        Room *again = rig.chat->joinRoom(S("dev"));
        QVERIFY(again);
        rig.confirm(S("dev"));
        QVERIFY(again->isSubscribed());
    }

    void sendIsPendingUntilSubscribed()
    {
        Rig rig;
        Room *room = rig.chat->joinRoom(S("lobby"));
        rig.start();
        rig.accept(); // subscribe sent, not confirmed
        QString error;
        const QString id = rig.chat->send(S("lobby"), S("hello \"world\""), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QVERIFY(!id.contains(u'{'));
        QCOMPARE(room->messages()->rowCount(), 1);
        const ChatMessage m = room->messages()->at(0);
        QCOMPARE(m.state, ChatMessage::State::Pending);
        QVERIFY(m.own);
        QCOMPARE(m.senderId, S("alice"));
        QCOMPARE(m.senderName, S("Alice"));
        QCOMPARE(m.sentAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(m.sentAt.secsTo(QDateTime::currentDateTimeUtc())) < 5);
        QVERIFY(rig.outbox->contains(id));
        QVERIFY(rig.clientMessages().isEmpty());
        rig.confirm();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending); // written, not yet confirmed
        rig.settle();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(rig.outbox->isEmpty());
        QVERIFY(rig.onDisk().isEmpty()); // on disk too
        const auto sent = rig.clientMessages();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).value(S("channel")).toString(), lobby());
        const QJsonObject data = sent.at(0).value(S("data")).toObject();
        QCOMPARE(data.keys(), (QStringList{S("id"), S("sent_at"), S("text"), S("user")}));
        QCOMPARE(data.value(S("id")).toString(), id);
        QCOMPARE(data.value(S("text")).toString(), S("hello \"world\""));
        QCOMPARE(data.value(S("user")).toObject(),
                 (QJsonObject{{S("id"), S("alice")}, {S("name"), S("Alice")}}));
        const QString sentAt = data.value(S("sent_at")).toString();
        QVERIFY2(QRegularExpression(S("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                     .match(sentAt)
                     .hasMatch(),
                 qPrintable(sentAt));
        QCOMPARE(QDateTime::fromString(sentAt, Qt::ISODateWithMs), m.sentAt);
    }

    void sendValidation()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QString error;
        QVERIFY(rig.chat->send(S("lobby"), QString(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(rig.chat->send(S("lobby"), S("  \n\t "), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(rig.chat->send(S("lobby"), QString(2001, u'x'), &error).isEmpty());
        QVERIFY(error.contains(S("2000")));
        // 2000 characters that each need a \u escape: over 10 KB on the wire.
        error.clear();
        QVERIFY(rig.chat->send(S("lobby"), QString(2000, QChar(0x01)), &error).isEmpty());
        QVERIFY(error.contains(S("10 KB")));
        QVERIFY(rig.chat->send(S("nowhere"), S("hi"), &error).isEmpty());
        QCOMPARE(room->messages()->rowCount(), 0);
        QVERIFY(rig.outbox->isEmpty());
        QVERIFY(!rig.chat->send(S("lobby"), QString(2000, u'x'), &error).isEmpty());
        QCOMPARE(rig.sentTexts().size(), 1);
    }

    void offlineSendsGoOutInOrderAfterReconnect()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.t()->fail();
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids.append(rig.chat->send(S("lobby"), QStringLiteral("m%1").arg(i)));
        QCOMPARE(rig.outbox->count(), 12);
        for (const QString &id : ids)
            QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QVERIFY(rig.sentTexts().isEmpty());
        rig.reconnect();
        QVERIFY(rig.sentTexts().isEmpty()); // not before the room is subscribed again
        rig.confirm();
        // Paced at 10/s by the library, in order.
        QCOMPARE(rig.sentTexts().size(), 10);
        rig.settle();
        QCOMPARE(rig.outbox->count(), 2);
        rig.clock.advance(1200);
        rig.settle();
        QStringList expected;
        for (int i = 0; i < 12; ++i)
            expected.append(QStringLiteral("m%1").arg(i));
        QCOMPARE(rig.sentTexts(), expected);
        for (const QString &id : ids)
            QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(rig.outbox->isEmpty());
    }

    void outboxSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(S("outbox-p-alice.json"));
        QStringList ids;
        {
            Rig rig(file);
            Room *room = rig.chat->joinRoom(S("lobby"));
            rig.chat->joinRoom(S("dev"));
            rig.start();
            rig.accept(); // never confirmed: nothing can leave
            ids << rig.chat->send(S("lobby"), S("one")) << rig.chat->send(S("dev"), S("in dev"))
                << rig.chat->send(S("lobby"), S("two"));
            QCOMPARE(room->messages()->rowCount(), 2);
            QVERIFY(rig.sentTexts().isEmpty());
        } // the app quits
        Rig rig(file);
        QCOMPARE(rig.outbox->count(), 3);
        rig.start(); // the rooms come back from the outbox, no joinRoom() needed
        Room *room = rig.chat->room(S("lobby"));
        Room *dev = rig.chat->room(S("dev"));
        QVERIFY(room && dev);
        QCOMPARE(rig.chat->roomList()->rowCount(), 2);
        QCOMPARE(room->messages()->rowCount(), 2);
        QCOMPARE(room->messages()->at(0).text, S("one"));
        QCOMPARE(room->messages()->at(1).text, S("two"));
        QCOMPARE(room->messages()->at(0).state, ChatMessage::State::Pending);
        QVERIFY(room->messages()->at(0).own);
        QCOMPARE(dev->messages()->rowCount(), 1);
        rig.accept();
        rig.confirm(S("lobby"));
        QCOMPARE(rig.sentTexts(), (QStringList{S("one"), S("two")}));
        QCOMPARE(rig.clientMessages().at(0).value(S("data")).toObject().value(S("id")).toString(),
                 ids.at(0));
        rig.confirm(S("dev"));
        QCOMPARE(rig.sentTexts(), (QStringList{S("one"), S("two"), S("in dev")}));
        rig.settle();
        QCOMPARE(stateOf(room, ids.at(2)), ChatMessage::State::Sent);
        QVERIFY(rig.outbox->isEmpty());
        QVERIFY(rig.onDisk().isEmpty());
    }

    void failedMessagesSurviveARestartWithoutBeingResent()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(S("outbox.json"));
        {
            Outbox box(file);
            ChatMessage m;
            m.id = S("f1");
            m.room = S("lobby");
            m.senderId = S("alice");
            m.text = S("failed before");
            m.sentAt = QDateTime::currentDateTimeUtc();
            m.state = ChatMessage::State::Failed;
            m.error = S("refused");
            box.add(m);
        }
        Rig rig(file);
        rig.start();
        rig.accept();
        rig.confirm();
        Room *room = rig.chat->room(S("lobby"));
        QVERIFY(room);
        QCOMPARE(stateOf(room, S("f1")), ChatMessage::State::Failed);
        QVERIFY(rig.sentTexts().isEmpty());
        QVERIFY(rig.chat->retry(S("f1")));
        QCOMPARE(rig.sentTexts(), QStringList{S("failed before")});
        rig.settle();
        QVERIFY(rig.outbox->isEmpty());
    }

    void clientEventsDisabled()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.settle();
        QSignalSpy disabled(rig.chat.get(), &ChatController::clientEventsDisabled);
        const QString id = rig.chat->send(S("lobby"), S("hello"));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        rig.t()->serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), lobby()));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Failed);
        QVERIFY(room->messages()->at(0).error.contains(S("client messaging")));
        QCOMPARE(disabled.size(), 1);
        QVERIFY(disabled.at(0).at(0).toString().contains(S("client messaging")));
        // Failed messages are kept in the outbox (retry after a restart).
        QCOMPARE(rig.outbox->count(), 1);
        QCOMPARE(rig.outbox->message(id)->state, ChatMessage::State::Failed);
        QCOMPARE(rig.onDisk().size(), 1);
        rig.settle(); // the batch's pong confirms nothing that was refused
        QCOMPARE(stateOf(room, id), ChatMessage::State::Failed);

        // retry: pending while offline, sent after the reconnect.
        rig.t()->fail();
        QVERIFY(rig.chat->retry(id));
        QVERIFY(!rig.chat->retry(id)); // only Failed ones
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QCOMPARE(rig.outbox->message(id)->state, ChatMessage::State::Pending);
        QVERIFY(!rig.chat->discard(id)); // queued in the connection: cannot be taken back
        rig.reconnect();
        rig.confirm();
        rig.settle();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(rig.sentTexts(), (QStringList{S("hello"), S("hello")}));
        QVERIFY(rig.outbox->isEmpty());

        // discard: gone from the room and the outbox.
        const QString second = rig.chat->send(S("lobby"), S("again"));
        rig.t()->serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), lobby()));
        QCOMPARE(stateOf(room, second), ChatMessage::State::Failed);
        QCOMPARE(disabled.size(), 2);
        QVERIFY(rig.chat->discard(second));
        QCOMPARE(room->messages()->rowOf(second), -1);
        QVERIFY(rig.outbox->isEmpty());
        QVERIFY(!rig.chat->discard(second));
        rig.settle();

        // A refusal after everything was confirmed blames nothing.
        const QString third = rig.chat->send(S("lobby"), S("confirmed"));
        rig.settle();
        QCOMPARE(stateOf(room, third), ChatMessage::State::Sent);
        rig.t()->serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), lobby()));
        QCOMPARE(stateOf(room, third), ChatMessage::State::Sent);
        QCOMPARE(disabled.size(), 2);
    }

    void receiving()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}, {S("carol"), QJsonObject{}}});
        QSignalSpy received(rig.chat.get(), &ChatController::messageReceived);
        const QString sentAt = S("2024-03-01T10:00:00.250Z");
        rig.receive(
            S("client-message"),
            QJsonObject{{S("id"), S("m1")},
                        {S("text"), S("hi <b>all</b>")},
                        {S("sent_at"), sentAt},
                        {S("user"), QJsonObject{{S("id"), S("bob")}, {S("name"), S("Bobby")}}}},
            S("bob"));
        // The server's user id wins over the payload's claim.
        rig.receive(
            S("client-message"),
            QJsonObject{{S("id"), S("m2")},
                        {S("text"), S("I am alice")},
                        {S("user"), QJsonObject{{S("id"), S("alice")}, {S("name"), S("Alice")}}}},
            S("bob"));
        // Double-encoded data works too; no name anywhere: the id.
        rig.receive(S("client-message"),
                    frames::json(QJsonObject{{S("id"), S("m3")}, {S("text"), S("from carol")}}),
                    S("carol"));
        QCOMPARE(received.size(), 3);
        QCOMPARE(room->messages()->rowCount(), 0); // batched: shown on the next event-loop turn
        FakeClock::pumpEvents();
        QCOMPARE(room->messages()->rowCount(), 3);
        const ChatMessage m1 = room->messages()->at(0);
        QCOMPARE(m1.id, S("m1"));
        QCOMPARE(m1.senderId, S("bob"));
        QCOMPARE(m1.senderName, S("Bob")); // the member's signed name, not the payload's
        QCOMPARE(m1.text, S("hi <b>all</b>"));
        QCOMPARE(m1.sentAt, QDateTime::fromString(sentAt, Qt::ISODateWithMs));
        QCOMPARE(m1.state, ChatMessage::State::Received);
        QCOMPARE(m1.room, S("lobby"));
        QVERIFY(!m1.own);
        const ChatMessage m2 = room->messages()->at(1);
        QCOMPARE(m2.senderId, S("bob"));
        QCOMPARE(m2.senderName, S("Bob")); // from the member list, not the payload
        QVERIFY(!m2.own);
        QVERIFY(m2.sentAt.isValid());
        QCOMPARE(room->messages()->at(2).senderName, S("carol"));
        QCOMPARE(received.at(0).at(0).value<Room *>(), room);
        QCOMPARE(received.at(0).at(1).value<ChatMessage>().id, S("m1"));
    }

    void burstIsBatched()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QSignalSpy inserted(room->messages(), &QAbstractItemModel::rowsInserted);
        QSignalSpy received(rig.chat.get(), &ChatController::messageReceived);
        QElapsedTimer timer;
        timer.start();
        const int n = 20000;
        for (int i = 0; i < n; ++i)
            rig.t()->serverSend(QStringLiteral("{\"event\":\"client-message\",\"channel\":"
                                               "\"presence-lobby\",\"user_id\":\"bob\","
                                               "\"data\":{\"id\":\"b%1\",\"text\":\"burst %1\"}}")
                                    .arg(i));
        FakeClock::pumpEvents();
        QCOMPARE(received.size(), n);
        QCOMPARE(room->messages()->rowCount(), n);
        QCOMPARE(inserted.size(), 1); // one insert for the whole burst
        QCOMPARE(room->messages()->at(n - 1).text, QStringLiteral("burst %1").arg(n - 1));
        QCOMPARE(room->unread(), n);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void malformedPayloadsAreDropped()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QSignalSpy received(rig.chat.get(), &ChatController::messageReceived);
        const QRegularExpression warning(S("dropped a malformed message"));
        for (int i = 0; i < 6; ++i)
            QTest::ignoreMessage(QtWarningMsg, warning);
        rig.receive(S("client-message"), S("just a string"), S("bob"));
        rig.receive(S("client-message"), QJsonArray{1, 2}, S("bob"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("x")}}, S("bob"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("y")}, {S("text"), 42}}, S("bob"));
        rig.receive(S("client-message"), QJsonObject{{S("text"), QJsonObject{}}}, S("bob"));
        rig.t()->serverSend(S("{\"event\":\"client-message\",\"channel\":\"presence-lobby\"}"));
        rig.receive(S("client-message"),
                    QJsonObject{{S("text"), S("no id, still shown")}, {S("user"), 7}}, S("bob"));
        FakeClock::pumpEvents();
        QCOMPARE(received.size(), 1);
        QCOMPARE(room->messages()->rowCount(), 1);
        QCOMPARE(room->messages()->at(0).text, S("no id, still shown"));
        QVERIFY(!room->messages()->at(0).id.isEmpty());
    }

    void duplicatesAreIgnored()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QSignalSpy received(rig.chat.get(), &ChatController::messageReceived);
        const QJsonObject data{{S("id"), S("same")}, {S("text"), S("once")}};
        rig.receive(S("client-message"), data, S("bob"));
        rig.receive(S("client-message"), data, S("bob")); // still buffered
        FakeClock::pumpEvents();
        rig.receive(S("client-message"), data, S("bob")); // already shown
        FakeClock::pumpEvents();
        QCOMPARE(received.size(), 1);
        QCOMPARE(room->messages()->rowCount(), 1);
        // Our own message echoed back (e.g. from another device) does not double either.
        const QString mine = rig.chat->send(S("lobby"), S("mine"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), mine}, {S("text"), S("mine")}},
                    S("alice"));
        FakeClock::pumpEvents();
        QCOMPARE(room->messages()->rowCount(), 2);
        QCOMPARE(received.size(), 1);
    }

    void unreadCounts()
    {
        Rig rig;
        Room *lobbyRoom = rig.loggedIn();
        Room *dev = rig.chat->joinRoom(S("dev"));
        rig.confirm(S("dev"));
        RoomListModel *list = rig.chat->roomList();
        QAbstractItemModelTester tester(list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        rig.chat->setActiveRoom(S("lobby"));
        QCOMPARE(rig.chat->activeRoom(), lobbyRoom);
        QVERIFY(list->data(list->index(0), RoomListModel::ActiveRole).toBool());
        QVERIFY(!list->data(list->index(1), RoomListModel::ActiveRole).toBool());
        QSignalSpy changed(list, &QAbstractItemModel::dataChanged);
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("1")}, {S("text"), S("a")}},
                    S("bob"), S("presence-dev"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("2")}, {S("text"), S("b")}},
                    S("bob"), S("presence-dev"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("3")}, {S("text"), S("c")}},
                    S("bob"));
        QCOMPARE(dev->unread(), 2);
        QCOMPARE(lobbyRoom->unread(), 0);
        QCOMPARE(list->data(list->index(1), RoomListModel::UnreadRole).toInt(), 2);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        // Own messages from another device are not unread.
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("4")}, {S("text"), S("me")}},
                    S("alice"), S("presence-dev"));
        QCOMPARE(dev->unread(), 2);
        // Activating a room reads it; the other one becomes inactive.
        rig.chat->setActiveRoom(S("dev"));
        QCOMPARE(dev->unread(), 0);
        QVERIFY(dev->isActive());
        QVERIFY(!lobbyRoom->isActive());
        QCOMPARE(list->data(list->index(1), RoomListModel::UnreadRole).toInt(), 0);
        // Room::setActive directly keeps one active room too.
        lobbyRoom->setActive(true);
        QVERIFY(!dev->isActive());
        QCOMPARE(rig.chat->activeRoom(), lobbyRoom);
    }

    void membersStaleWhileDisconnected()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}});
        QSignalSpy stale(room, &Room::membersStaleChanged);
        QVERIFY(!room->membersStale());
        QCOMPARE(room->members()->rowCount(), 2);
        rig.t()->fail();
        QVERIFY(room->membersStale());
        QCOMPARE(stale.size(), 1);
        // The last known list stays visible (greyed by the UI), not emptied.
        QCOMPARE(room->members()->rowCount(), 2);
        QVERIFY(rig.chat->roomList()
                    ->data(rig.chat->roomList()->index(0), RoomListModel::MembersStaleRole)
                    .toBool());
        rig.reconnect();
        QVERIFY(room->membersStale()); // connected, but not subscribed again yet
        rig.confirm(S("lobby"), {{S("carol"), member("Carol")}});
        QVERIFY(!room->membersStale());
        QCOMPARE(stale.size(), 2);
        QCOMPARE(room->members()->rowCount(), 2);
        QCOMPARE(room->memberName(S("carol")), S("Carol"));
        QVERIFY(room->memberName(S("bob")).isEmpty());
        // Live updates reach the shown list.
        rig.t()->serverSend(frames::memberAdded(lobby(), S("dave"), member("Dave")));
        QCOMPARE(room->members()->rowCount(), 3);
        rig.t()->serverSend(frames::memberRemoved(lobby(), S("carol")));
        QCOMPARE(room->members()->rowCount(), 2);
    }

    void typing()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}});
        rig.chat->notifyTyping(S("lobby"));
        rig.chat->notifyTyping(S("lobby"));
        rig.clock.advance(1999);
        rig.chat->notifyTyping(S("lobby"));
        auto typing = rig.net.allSentEvents(S("client-typing"));
        QCOMPARE(typing.size(), 1);
        QCOMPARE(typing.at(0).value(S("channel")).toString(), lobby());
        QCOMPARE(typing.at(0).value(S("data")).toObject(),
                 (QJsonObject{
                     {S("user"), QJsonObject{{S("id"), S("alice")}, {S("name"), S("Alice")}}}}));
        rig.clock.advance(1);
        rig.chat->notifyTyping(S("lobby"));
        QCOMPARE(rig.net.allSentEvents(S("client-typing")).size(), 2);
        // Never queued while the room is not subscribed.
        rig.t()->fail();
        rig.clock.advance(5000);
        rig.chat->notifyTyping(S("lobby"));
        rig.reconnect();
        rig.confirm(S("lobby"), {{S("bob"), member("Bob")}});
        QCOMPARE(rig.net.allSentEvents(S("client-typing")).size(), 2);

        // Receiving: shown for 3 s, refreshed by each notice, cleared by a message.
        QSignalSpy changed(room, &Room::typingChanged);
        rig.receive(S("client-typing"), QJsonObject{{S("user"), QJsonObject{{S("id"), S("bob")}}}},
                    S("bob"));
        QCOMPARE(room->typingUsers(), QStringList{S("Bob")});
        QCOMPARE(changed.size(), 1);
        rig.receive(S("client-typing"),
                    QJsonObject{{S("user"), QJsonObject{{S("id"), S("alice")}}}}, S("alice"));
        QCOMPARE(room->typingUsers(), QStringList{S("Bob")}); // never ourselves
        rig.clock.advance(2000);
        rig.receive(S("client-typing"), QJsonObject{}, S("bob"));
        rig.clock.advance(2000);
        QCOMPARE(room->typingUsers(), QStringList{S("Bob")});
        rig.clock.advance(1000);
        QVERIFY(room->typingUsers().isEmpty());
        QCOMPARE(changed.size(), 2);
        QVERIFY(changed.last().at(0).toStringList().isEmpty());
        rig.receive(S("client-typing"), QJsonObject{}, S("bob"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("t1")}, {S("text"), S("done")}},
                    S("bob"));
        QVERIFY(room->typingUsers().isEmpty());
    }

    void leavingDiscardsUnsentMessages()
    {
        Rig rig;
        rig.loggedIn();
        rig.chat->joinRoom(S("dev"));
        rig.chat->send(S("dev"), S("never sent"));
        QCOMPARE(rig.chat->pendingCount(S("dev")), 1);
        rig.chat->leaveRoom(S("dev"));
        QCOMPARE(rig.chat->pendingCount(S("dev")), 0);
        rig.confirm(S("dev")); // a late confirmation does not resurrect anything
        QVERIFY(rig.sentTexts().isEmpty());
    }

    void stopAndStartAgain()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        QSignalSpy connectionChanged(rig.chat.get(), &ChatController::connectionChanged);
        rig.chat->stop();
        QVERIFY(!rig.chat->isStarted());
        QVERIFY(!room->channel());
        QCOMPARE(rig.chat->status()->kind(), ConnectionStatus::Kind::Offline);
        const QString id = rig.chat->send(S("lobby"), S("while stopped"));
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        rig.start();
        rig.accept(S("2.1"));
        rig.confirm();
        rig.settle();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(rig.sentTexts(), QStringList{S("while stopped")});
        QCOMPARE(connectionChanged.size(), 2);
        FakeClock::flushDeletes();
    }
};

QTEST_GUILESS_MAIN(TestChatRooms)
#include "tst_chatrooms.moc"
