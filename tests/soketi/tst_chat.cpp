// The chat layer against a real soketi: two ChatControllers (alice and bob, signed locally) in
// one room see each other and exchange messages both ways; against a soketi with client
// messages disabled, sending surfaces as clientEventsDisabled and a Failed message.
#include "SoketiServer.h"

#include "chat/ChatController.h"
#include "chat/MessageListModel.h"
#include "chat/Outbox.h"
#include "chat/Room.h"

#include <pusher/Channel.h>
#include <pusher/Client.h>
#include <pusher/Event.h>
#include <pusher/LocalSigner.h>
#include <pusher/MemberListModel.h>
#include <pusher/Members.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using natter::pusher::LocalSigner;

namespace {

constexpr int kWait = 10000;

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// One user's session: signer, outbox and controller.
struct User
{
    User(const QTemporaryDir &dir, const QString &id, const QString &name)
        : signer(QString::fromLatin1(SoketiServer::Key), QByteArray(SoketiServer::Secret), id,
                 QJsonObject{{S("name"), name}})
        , outbox(dir.filePath(S("outbox-soketi-%1.json").arg(id)))
        , chat(&outbox)
        , id(id)
        , name(name)
    {
    }

    bool login(const SoketiServer &server, const QString &room)
    {
        QSignalSpy loggedIn(&chat, &ChatController::loggedIn);
        QSignalSpy failed(&chat, &ChatController::loginFailed);
        chat.joinRoom(room);
        chat.start(server.connectionOptions(), &signer, id, name);
        if (!QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, kWait))
            qWarning() << id << "did not log in in time";
        if (!failed.isEmpty())
            qWarning() << id << "login failed:" << failed.at(0).at(1).toString();
        return !loggedIn.isEmpty();
    }

    LocalSigner signer;
    Outbox outbox;
    ChatController chat;
    QString id;
    QString name;
};

bool hasMember(Room *room, const QString &id)
{
    return room->memberList()->indexOf(id) >= 0;
}

} // namespace

class TestChat : public QObject
{
    Q_OBJECT
private:
    SoketiServer m_soketi;
    SoketiServer m_noClientEvents;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_soketi.start(), qPrintable(m_soketi.error()));
        m_noClientEvents.setEnv(S("SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES"), S("false"));
        QVERIFY2(m_noClientEvents.start(), qPrintable(m_noClientEvents.error()));
    }

    void twoUsersChat()
    {
        User alice(m_dir, S("alice"), S("Alice"));
        User bob(m_dir, S("bob"), S("Bob"));
        QVERIFY(alice.login(m_soketi, S("lobby")));
        QVERIFY(bob.login(m_soketi, S("lobby")));
        Room *a = alice.chat.room(S("lobby"));
        Room *b = bob.chat.room(S("lobby"));
        // Each sees the other in the member model, with the signed name.
        QTRY_VERIFY_WITH_TIMEOUT(hasMember(a, S("bob")), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(hasMember(b, S("alice")), kWait);
        QCOMPARE(a->members()->rowCount(), 2);
        QCOMPARE(b->members()->rowCount(), 2);
        QCOMPARE(a->memberName(S("bob")), S("Bob"));

        QSignalSpy bobGot(&bob.chat, &ChatController::messageReceived);
        QSignalSpy aliceGot(&alice.chat, &ChatController::messageReceived);
        const QString id = alice.chat.send(S("lobby"), S("hi bob \u263A"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(bobGot.size(), 1, kWait);
        const ChatMessage m = bobGot.at(0).at(1).value<ChatMessage>();
        QCOMPARE(m.id, id);
        QCOMPARE(m.text, S("hi bob \u263A"));
        QCOMPARE(m.senderId, S("alice")); // stamped by the server
        QCOMPARE(m.senderName, S("Alice"));
        QCOMPARE(m.room, S("lobby"));
        // Sent once soketi answered the ping that followed it (it read the message).
        QTRY_COMPARE_WITH_TIMEOUT(int(a->messages()->at(a->messages()->rowOf(id)).state),
                                  int(ChatMessage::State::Sent), kWait);
        QVERIFY(alice.outbox.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(b->messages()->rowCount(), 1, kWait);
        QCOMPARE(b->unread(), 1); // bob's window shows no room as active

        const QString reply = bob.chat.send(S("lobby"), S("hello alice"));
        QTRY_COMPARE_WITH_TIMEOUT(aliceGot.size(), 1, kWait);
        QCOMPARE(aliceGot.at(0).at(1).value<ChatMessage>().id, reply);
        QCOMPARE(aliceGot.at(0).at(1).value<ChatMessage>().senderId, S("bob"));
        QTRY_COMPARE_WITH_TIMEOUT(a->messages()->rowCount(), 2, kWait);
        QCOMPARE(a->messages()->at(1).text, S("hello alice"));

        // Typing notices arrive as names.
        alice.chat.notifyTyping(S("lobby"));
        QTRY_COMPARE_WITH_TIMEOUT(b->typingUsers(), QStringList{S("Alice")}, kWait);

        // Bob leaves: alice's member list follows.
        bob.chat.leaveRoom(S("lobby"));
        QTRY_VERIFY_WITH_TIMEOUT(!hasMember(a, S("bob")), kWait);
    }

    // Review item 5: members joining never make anyone re-send what was sent in steady state
    // (it was re-sent to the whole room on every join: a flapping member multiplied traffic).
    // A raw watcher counts the client-message events that reach the room.
    void joinsDoNotResendMessages()
    {
        LocalSigner watcherSigner(QString::fromLatin1(SoketiServer::Key),
                                  QByteArray(SoketiServer::Secret), S("watcher"),
                                  QJsonObject{{S("name"), S("Watcher")}});
        natter::pusher::Client watcher(m_soketi.connectionOptions(), &watcherSigner);
        int raw = 0;
        natter::pusher::Channel *w = watcher.subscribe(S("presence-late"));
        QVERIFY(w);
        w->bind(S("client-message"), &watcher, [&raw](const natter::pusher::Event &) { ++raw; });
        watcher.connect();
        QTRY_VERIFY_WITH_TIMEOUT(w->isSubscribed(), kWait);

        User erin(m_dir, S("erin"), S("Erin"));
        QVERIFY(erin.login(m_soketi, S("late")));
        Room *a = erin.chat.room(S("late"));
        const QString id = erin.chat.send(S("late"), S("said once"));
        QTRY_COMPARE_WITH_TIMEOUT(int(a->messages()->at(a->messages()->rowOf(id)).state),
                                  int(ChatMessage::State::Sent), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(raw, 1, kWait);

        for (int i = 0; i < 3; ++i) {
            User joiner(m_dir, S("j%1").arg(i), S("Joiner %1").arg(i));
            QVERIFY(joiner.login(m_soketi, S("late")));
            QTRY_VERIFY_WITH_TIMEOUT(hasMember(a, S("j%1").arg(i)), kWait);
            joiner.chat.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!hasMember(a, S("j%1").arg(i)), kWait);
        }
        QTest::qWait(500);
        QCOMPARE(raw, 1);
    }

    void clientEventsDisabledOnTheServer()
    {
        User alice(m_dir, S("carol"), S("Carol"));
        QVERIFY(alice.login(m_noClientEvents, S("lobby")));
        Room *room = alice.chat.room(S("lobby"));
        QSignalSpy disabled(&alice.chat, &ChatController::clientEventsDisabled);
        const QString id = alice.chat.send(S("lobby"), S("nobody will see this"));
        QTRY_COMPARE_WITH_TIMEOUT(disabled.size(), 1, kWait);
        QVERIFY2(disabled.at(0).at(0).toString().contains(S("client messaging")),
                 qPrintable(disabled.at(0).at(0).toString()));
        const ChatMessage m = room->messages()->at(room->messages()->rowOf(id));
        QCOMPARE(m.state, ChatMessage::State::Failed);
        QVERIFY(!m.error.isEmpty());
        QCOMPARE(alice.outbox.message(id)->state, ChatMessage::State::Failed); // kept for a retry
        QVERIFY(alice.chat.discard(id));
        QVERIFY(alice.outbox.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
