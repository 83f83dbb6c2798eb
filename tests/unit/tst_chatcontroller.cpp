// ChatController against the library driven by FakeClock + FakeNetwork + FakeAuthorizer: login
// and each login failure, sending through the outbox, 4301 refusals, joiners after an outage,
// sender names and bounds (rooms, receiving, unread and typing: tst_chatrooms).
#include "ChatControllerRig.h"

class TestChatController : public QObject
{
    Q_OBJECT
private slots:
    void loginWithRoom()
    {
        Rig rig;
        QSignalSpy loggedIn(rig.chat.get(), &ChatController::loggedIn);
        QSignalSpy failed(rig.chat.get(), &ChatController::loginFailed);
        QSignalSpy joined(rig.chat.get(), &ChatController::roomJoined);
        Room *room = rig.chat->joinRoom(S("lobby"));
        QVERIFY(room);
        QCOMPARE(joined.size(), 1);
        QCOMPARE(room->channelName(), lobby());
        QVERIFY(!room->channel()); // not started yet
        rig.start();
        QVERIFY(rig.chat->isStarted());
        QVERIFY(room->channel());
        QCOMPARE(rig.chat->status()->kind(), ConnectionStatus::Kind::Connecting);
        rig.accept();
        QCOMPARE(loggedIn.size(), 0); // connected, but the room is not subscribed yet
        QCOMPARE(rig.t()->sentCount(S("pusher:subscribe")), 1);
        QCOMPARE(rig.t()
                     ->sentEvents(S("pusher:subscribe"))
                     .at(0)
                     .value(S("data"))
                     .toObject()
                     .value(S("channel"))
                     .toString(),
                 lobby());
        rig.confirm(S("lobby"), {{S("bob"), member("Bob")}});
        QCOMPARE(loggedIn.size(), 1);
        QVERIFY(rig.chat->isLoggedIn());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(room->members()->rowCount(), 2);
        QCOMPARE(room->memberName(S("bob")), S("Bob"));
        QCOMPARE(rig.chat->status()->kind(), ConnectionStatus::Kind::Connected);
        // Later trouble is not a login error.
        rig.t()->serverClose(4001, S("App key not in use"));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(rig.chat->status()->kind(), ConnectionStatus::Kind::Failed);
    }

    void loginWithoutRoom()
    {
        Rig rig;
        QSignalSpy loggedIn(rig.chat.get(), &ChatController::loggedIn);
        rig.start();
        QCOMPARE(loggedIn.size(), 0);
        rig.accept();
        QCOMPARE(loggedIn.size(), 1);
    }

    void loginFailures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad key") << S("4001") << int(ChatController::LoginError::BadKey)
                                 << S("code 4001");
        QTest::newRow("other 40xx")
            << S("4003") << int(ChatController::LoginError::Other) << S("App is disabled");
        QTest::newRow("tls") << S("tls") << int(ChatController::LoginError::Tls)
                             << S("certificate has expired");
        QTest::newRow("auth refused")
            << S("refused") << int(ChatController::LoginError::AuthRefused) << S("Forbidden");
        QTest::newRow("bad response")
            << S("bad") << int(ChatController::LoginError::BadResponse) << S("not JSON");
        QTest::newRow("subscription rejected")
            << S("rejected") << int(ChatController::LoginError::AuthRefused)
            << S("Invalid signature");
    }

    void loginFailures()
    {
        QFETCH(QString, scenario);
        QFETCH(int, error);
        QFETCH(QString, message);
        Rig rig;
        QSignalSpy loggedIn(rig.chat.get(), &ChatController::loggedIn);
        QSignalSpy failed(rig.chat.get(), &ChatController::loginFailed);
        if (scenario == S("refused"))
            rig.auth.autoAnswer =
                [](const FakeAuthorizer::Request &) -> std::optional<FakeAuthorizer::Answer> {
                return FakeAuthorizer::error(AuthError::Kind::Refused, 403, S("Forbidden"));
            };
        if (scenario == S("bad"))
            rig.auth.autoAnswer =
                [](const FakeAuthorizer::Request &) -> std::optional<FakeAuthorizer::Answer> {
                return FakeAuthorizer::error(AuthError::Kind::BadResponse, 200, S("not JSON"));
            };
        rig.chat->joinRoom(S("lobby"));
        rig.start();
        if (scenario == S("4001")) {
            rig.t()->serverOpen();
            rig.t()->serverClose(4001, S("App key app-key not in use"));
        } else if (scenario == S("4003")) {
            rig.t()->serverOpen();
            rig.t()->serverClose(4003, S("App is disabled"));
        } else if (scenario == S("tls")) {
            rig.t()->fail(Transport::Failure::Tls, S("The certificate has expired"));
        } else if (scenario == S("rejected")) {
            rig.accept();
            rig.t()->serverSend(
                frames::pusherError(4009, S("Invalid signature: Expected HMAC SHA256"), lobby()));
        } else {
            rig.accept();
        }
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<ChatController::LoginError>(),
                 ChatController::LoginError(error));
        QVERIFY2(failed.at(0).at(1).toString().contains(message),
                 qPrintable(failed.at(0).at(1).toString()));
        // One sentence for what happened; the login page adds a title and what to do.
        QVERIFY2(failed.at(0).at(1).toString().endsWith(u'.'),
                 qPrintable(failed.at(0).at(1).toString()));
        if (error == int(ChatController::LoginError::BadKey)) // the title says it
            QVERIFY(!failed.at(0).at(1).toString().contains(S("app key"), Qt::CaseInsensitive));
        QCOMPARE(loggedIn.size(), 0);
        // The session is over: nothing retries in the background.
        QVERIFY(!rig.chat->isStarted());
        const int transports = rig.net.count();
        rig.clock.advance(60000);
        QCOMPARE(rig.net.count(), transports);
        QCOMPARE(failed.size(), 1);
        // ... and a new start() works.
        rig.auth.setAutoAnswerDefault();
        rig.start();
        rig.accept();
        rig.confirm();
        QCOMPARE(loggedIn.size(), 1);
    }

    // Item 6 of the review: problems that may pass keep the login going (with backoff), shown
    // to the user, and a network change or resume (checkNow) tries at once.
    void transientLoginProblemsKeepTrying_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::newRow("unreachable")
            << S("unreachable") << int(ChatController::LoginError::Unreachable)
            << S("Cannot reach chat.example:6001.");
        QTest::newRow("auth endpoint down")
            << S("transient") << int(ChatController::LoginError::Unreachable) << S("503");
        QTest::newRow("subscription not confirmed yet")
            << S("silent") << int(ChatController::LoginError::Other)
            << S("has not confirmed the room lobby");
    }

    void transientLoginProblemsKeepTrying()
    {
        QFETCH(QString, scenario);
        QFETCH(int, error);
        QFETCH(QString, message);
        Rig rig;
        QSignalSpy loggedIn(rig.chat.get(), &ChatController::loggedIn);
        QSignalSpy failed(rig.chat.get(), &ChatController::loginFailed);
        QSignalSpy retrying(rig.chat.get(), &ChatController::loginRetrying);
        if (scenario == S("transient"))
            rig.auth.autoAnswer =
                [](const FakeAuthorizer::Request &) -> std::optional<FakeAuthorizer::Answer> {
                return FakeAuthorizer::error(AuthError::Kind::Transient, 503,
                                             S("503 Service Unavailable"));
            };
        rig.chat->joinRoom(S("lobby"));
        rig.start();
        if (scenario == S("unreachable")) {
            rig.t()->fail(); // refused at TCP level, again and again
            rig.clock.advance(10000);
            for (int i = 0; i < 5; ++i)
                rig.t()->fail();
        } else if (scenario == S("transient")) {
            rig.accept();
        } else {
            rig.accept();
            rig.clock.advance(19999);
            QCOMPARE(retrying.size(), 0);
            rig.clock.advance(1);
        }
        QVERIFY(retrying.size() >= 1);
        QCOMPARE(retrying.at(0).at(0).value<ChatController::LoginError>(),
                 ChatController::LoginError(error));
        QVERIFY2(retrying.at(0).at(1).toString().endsWith(u'.'),
                 qPrintable(retrying.at(0).at(1).toString()));
        QVERIFY2(retrying.at(0).at(1).toString().contains(message),
                 qPrintable(retrying.at(0).at(1).toString()));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(loggedIn.size(), 0);
        QVERIFY(rig.chat->isStarted()); // still trying in the background

        if (scenario == S("unreachable")) {
            // The network comes back: an attempt at once, not after the remaining backoff.
            const int before = rig.net.count();
            rig.chat->connection()->checkNow();
            QCOMPARE(rig.net.count(), before + 1);
            rig.accept();
            rig.confirm();
        } else if (scenario == S("transient")) {
            rig.auth.setAutoAnswerDefault();
            for (int i = 0; i < 100 && !rig.chat->room(S("lobby"))->isSubscribed(); ++i) {
                if (!rig.clock.runNextTimer())
                    break;
                if (rig.t()->sentCount(S("pusher:subscribe")) > 0)
                    rig.confirm();
            }
        } else {
            rig.confirm();
        }
        QCOMPARE(loggedIn.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(rig.chat->isLoggedIn());
    }

    // Item 1: "sent" means the server has it. A written frame is not enough: the message stays
    // pending (and in the outbox) until a pong to a later ping confirms it; a link that dies
    // silently is detected by that ping, and the message goes out again on the next connection.
    void sentOnlyWhenTheServerConfirms()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.settle();
        const QString id = rig.chat->send(S("lobby"), S("hello"));
        QCOMPARE(rig.sentTexts(), QStringList{S("hello")}); // written at once
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QVERIFY(rig.outbox->contains(id));
        FakeClock::pumpEvents();
        QCOMPARE(rig.t()->sentCount(S("pusher:ping")), 1); // one ping for the batch
        // The link is dead: no pong, no frame. Within the confirmation deadline it is dropped.
        const int before = rig.net.count();
        rig.clock.advance(rig.options.confirmTimeoutMs);
        QVERIFY(rig.net.count() > before || rig.clock.nextDueInMs().has_value());
        while (rig.net.count() == before)
            QVERIFY(rig.clock.runNextTimer());
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending); // never claimed
        QVERIFY(rig.outbox->contains(id));
        rig.accept(S("1.2"));
        rig.confirm();
        QCOMPARE(rig.sentTexts(), (QStringList{S("hello"), S("hello")})); // sent again
        QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        rig.settle();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(!rig.outbox->contains(id));
        QVERIFY(rig.onDisk().isEmpty());
    }

    void aBatchSharesOnePing()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.settle();
        const int pingsBefore = rig.t()->sentCount(S("pusher:ping"));
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << rig.chat->send(S("lobby"), QStringLiteral("m%1").arg(i));
        FakeClock::pumpEvents();
        QCOMPARE(rig.t()->sentCount(S("pusher:ping")), pingsBefore + 1);
        rig.settle();
        for (const QString &id : ids)
            QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
    }

    // Item 4: a rate-limit refusal names no event: nothing is blamed, every unconfirmed message
    // goes out again after a pause, none is marked failed, and typing shares the paced budget.
    void rateLimitRefusalResendsEveryUnconfirmedMessage()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.settle();
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << rig.chat->send(S("lobby"), QStringLiteral("m%1").arg(i));
        QCOMPARE(rig.sentTexts().size(), 3);
        rig.t()->serverSend(frames::pusherError(
            4301, S("The rate limit for sending client events exceeded the quota."), lobby()));
        rig.settle(); // the pong to the batch's ping comes after the refusal
        for (const QString &id : ids)
            QCOMPARE(stateOf(room, id), ChatMessage::State::Pending);
        QCOMPARE(rig.sentTexts().size(), 3); // paused
        rig.clock.advance(1001);
        QCOMPARE(rig.sentTexts().size(), 6);
        rig.settle();
        for (const QString &id : ids)
            QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QVERIFY(rig.outbox->isEmpty());
    }

    void typingCountsInThePacedBudget()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        rig.settle();
        rig.clock.advance(5000);
        for (int i = 0; i < 10; ++i)
            rig.chat->send(S("lobby"), QStringLiteral("m%1").arg(i));
        rig.chat->notifyTyping(S("lobby"));
        // Ten client events within the window: the typing event waits, it does not go over.
        QCOMPARE(rig.net.allSentEvents(S("client-typing")).size(), 0);
        rig.clock.advance(1200);
        QCOMPARE(rig.net.allSentEvents(S("client-typing")).size(), 1);
    }

    // Item 16: hosted Pusher refuses client events without naming the channel.
    void refusalWithoutAChannelFailsTheUnconfirmedMessages()
    {
        Rig rig;
        Room *room = rig.loggedIn();
        rig.settle();
        QSignalSpy disabled(rig.chat.get(), &ChatController::clientEventsDisabled);
        const QString id = rig.chat->send(S("lobby"), S("hello"));
        rig.t()->serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), QString()));
        rig.settle();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Failed);
        QCOMPARE(disabled.size(), 1);
        QCOMPARE(rig.outbox->message(id)->state, ChatMessage::State::Failed);
    }

    // Item 5: joins never make anyone re-send messages sent in steady state.
    void joinsDoNotAmplify()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        rig.settle();
        const QString id = rig.chat->send(S("lobby"), S("once"));
        rig.settle();
        for (int i = 0; i < 3; ++i) {
            rig.t()->serverSend(frames::memberAdded(lobby(), S("carol"), member("Carol")));
            rig.t()->serverSend(frames::frame(S("pusher_internal:member_removed"),
                                              QJsonObject{{S("user_id"), S("carol")}}, lobby()));
            rig.settle();
            rig.clock.advance(1000);
        }
        QCOMPARE(rig.sentTexts(), QStringList{S("once")});
        QVERIFY(!id.isEmpty());
    }

    // ... while a message typed during an outage, flushed right after the reconnect, still
    // reaches a member who resubscribes a moment later: offered once, to the next joiner only.
    void outageMessagesAreOfferedOnceToTheNextJoiner()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}});
        rig.settle();
        rig.t()->fail();
        const QString id = rig.chat->send(S("lobby"), S("typed offline"));
        rig.reconnect();
        rig.confirm(); // bob has not resubscribed yet
        rig.settle();
        QCOMPARE(stateOf(room, id), ChatMessage::State::Sent);
        QCOMPARE(rig.sentTexts(), QStringList{S("typed offline")});
        rig.clock.advance(800);
        rig.t()->serverSend(frames::memberAdded(lobby(), S("bob"), member("Bob")));
        rig.settle();
        QCOMPARE(rig.sentTexts(), (QStringList{S("typed offline"), S("typed offline")}));
        // Once: another joiner gets nothing more.
        rig.t()->serverSend(frames::memberAdded(lobby(), S("carol"), member("Carol")));
        rig.settle();
        QCOMPARE(rig.sentTexts().size(), 2);
    }

    // The joiner's member_added can arrive before the pong that confirms the flushed message
    // (the server handled the message, then the join, then the ping): offered once confirmed.
    void aJoinerBeforeTheConfirmationStillGetsTheOutageMessage()
    {
        Rig rig;
        rig.loggedIn({{S("bob"), member("Bob")}});
        rig.settle();
        rig.t()->fail();
        rig.chat->send(S("lobby"), S("typed offline"));
        rig.reconnect();
        rig.confirm();
        QCOMPARE(rig.sentTexts(), QStringList{S("typed offline")});
        rig.t()->serverSend(frames::memberAdded(lobby(), S("bob"), member("Bob")));
        QCOMPARE(rig.sentTexts().size(), 1);
        rig.settle();
        QCOMPARE(rig.sentTexts(), (QStringList{S("typed offline"), S("typed offline")}));
        rig.settle();
        rig.t()->serverSend(frames::memberAdded(lobby(), S("carol"), member("Carol")));
        rig.settle();
        QCOMPARE(rig.sentTexts().size(), 2);
    }

    // Item 3: the name shown is the server-signed one of the member the server stamped.
    void senderNamesComeFromThePresenceSignature()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}});
        rig.receive(
            S("client-message"),
            QJsonObject{{S("id"), S("f1")},
                        {S("text"), S("trust me")},
                        {S("user"), QJsonObject{{S("id"), S("bob")}, {S("name"), S("Admin")}}}},
            S("bob"));
        // Someone who is not (or no longer) a member: the claim is shown, marked.
        rig.receive(
            S("client-message"),
            QJsonObject{{S("id"), S("f2")},
                        {S("text"), S("bye")},
                        {S("user"), QJsonObject{{S("id"), S("dave")}, {S("name"), S("Dave")}}}},
            S("dave"));
        // Typing with a forged name shows the member's signed name; a non-member is ignored.
        rig.receive(
            S("client-typing"),
            QJsonObject{{S("user"), QJsonObject{{S("id"), S("bob")}, {S("name"), S("Admin")}}}},
            S("bob"));
        rig.receive(
            S("client-typing"),
            QJsonObject{{S("user"), QJsonObject{{S("id"), S("eve")}, {S("name"), S("Eve")}}}},
            S("eve"));
        FakeClock::pumpEvents();
        QCOMPARE(room->messages()->at(0).senderName, S("Bob"));
        QVERIFY(room->messages()->at(0).senderVerified);
        QCOMPARE(room->messages()
                     ->data(room->messages()->index(0), MessageListModel::SenderNameRole)
                     .toString(),
                 S("Bob"));
        QVERIFY(!room->messages()->at(1).senderVerified);
        QCOMPARE(room->messages()
                     ->data(room->messages()->index(1), MessageListModel::SenderNameRole)
                     .toString(),
                 S("Dave (not in the room)"));
        QCOMPARE(room->typingUsers(), QStringList{S("Bob")});
    }

    // A member may announce a name of megabytes: each message from them carries a bounded copy
    // (it held the whole name before, so a flood from that member exhausted memory).
    void aHugeMemberNameIsBoundedOnEveryMessage()
    {
        Rig rig;
        const QString huge(1 << 20, u'B');
        Room *room = rig.loggedIn({{S("bob"), QJsonObject{{S("name"), huge}}}});
        for (int i = 0; i < 3; ++i)
            rig.receive(S("client-message"),
                        QJsonObject{{S("id"), S("h%1").arg(i)}, {S("text"), S("hi")}}, S("bob"));
        FakeClock::pumpEvents();
        QCOMPARE(room->messages()->rowCount(), 3);
        for (int i = 0; i < 3; ++i) {
            const QString name = room->messages()->at(i).senderName;
            QVERIFY2(name.size() <= 200, qPrintable(QString::number(name.size())));
            QVERIFY(name.startsWith(S("BBBB")));
            QVERIFY(room->messages()->at(i).senderVerified);
        }
        QVERIFY(room->memberName(S("bob")).size() <= 200);
    }

    void receivedTextIsBounded()
    {
        Rig rig;
        Room *room = rig.loggedIn({{S("bob"), member("Bob")}});
        rig.receive(S("client-message"),
                    QJsonObject{{S("id"), S("big")}, {S("text"), QString(100000, u'x')}}, S("bob"));
        FakeClock::pumpEvents();
        const QString text = room->messages()->at(0).text;
        QVERIFY(text.size() < 2700);
        QVERIFY(text.startsWith(QString(2500, u'x')));
        QVERIFY2(text.contains(S("97500 more characters")), qPrintable(text.right(60)));
    }

    // Item 7: a failed room can be retried without losing its unsent messages.
    void aFailedRoomCanBeRetried()
    {
        Rig rig;
        rig.loggedIn();
        rig.settle();
        rig.auth.autoAnswer =
            [](const FakeAuthorizer::Request &) -> std::optional<FakeAuthorizer::Answer> {
            return FakeAuthorizer::error(AuthError::Kind::Refused, 403, S("Forbidden"));
        };
        QSignalSpy roomError(rig.chat.get(), &ChatController::roomError);
        Room *dev = rig.chat->joinRoom(S("dev"));
        const QString id = rig.chat->send(S("dev"), S("wait for me"));
        FakeClock::pumpEvents();
        QCOMPARE(roomError.size(), 1);
        QVERIFY(!dev->lastError().isEmpty());
        QVERIFY(!rig.chat->retryRoom(S("lobby"))); // nothing to retry there
        rig.auth.setAutoAnswerDefault();
        QVERIFY(rig.chat->retryRoom(S("dev")));
        QVERIFY(dev->lastError().isEmpty());
        rig.confirm(S("dev"));
        QVERIFY(dev->isSubscribed());
        QCOMPARE(rig.sentTexts(), QStringList{S("wait for me")});
        rig.settle();
        QCOMPARE(stateOf(dev, id), ChatMessage::State::Sent);
    }
};

QTEST_GUILESS_MAIN(TestChatController)
#include "tst_chatcontroller.moc"
