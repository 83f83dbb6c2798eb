// Edit and delete between Natter and the official pusher-js client on a real soketi: a pusher-js
// peer sees Natter's client-edit / client-delete with Natter's user_id; Natter applies the
// peer's edit of its own message and ignores its forged edit of Natter's message. An edit and a
// delete made offline survive a restart (a new controller on the same outbox file) and reach the
// peer, stamped with Natter's user_id, once connected.
#include "NodeProcess.h"
#include "SoketiServer.h"

#include "chat/ChatController.h"
#include "chat/MessageListModel.h"
#include "chat/Outbox.h"
#include "chat/Room.h"

#include <pusher/LocalSigner.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using natter::pusher::LocalSigner;

namespace {
constexpr int kWait = 15000;

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

class TestEdits : public QObject
{
    Q_OBJECT
private:
    SoketiServer m_soketi;

    static bool isEvent(const QJsonObject &o, const QString &event)
    {
        return o.value(S("type")).toString() == QLatin1String("event")
            && o.value(S("event")).toString() == event;
    }

private slots:
    void initTestCase() { QVERIFY2(m_soketi.start(), qPrintable(m_soketi.error())); }

    void pusherJsPeerSeesEditsAndDeletes()
    {
        QTemporaryDir dir;
        LocalSigner signer(QString::fromLatin1(SoketiServer::Key), QByteArray(SoketiServer::Secret),
                           S("alice"), QJsonObject{{S("name"), S("Alice")}});
        Outbox outbox(dir.filePath(S("outbox.json")));
        ChatController chat(&outbox);
        QSignalSpy loggedIn(&chat, &ChatController::loggedIn);
        Room *room = chat.joinRoom(S("edits"));
        chat.start(m_soketi.connectionOptions(), &signer, S("alice"), S("Alice"));
        QTRY_VERIFY_WITH_TIMEOUT(!loggedIn.isEmpty(), kWait);

        NodeProcess peer;
        QVERIFY2(peer.start(
                     S("pusherjs-peer.js"),
                     {S("--host"), S("127.0.0.1"), S("--port"), QString::number(m_soketi.port()),
                      S("--key"), QString::fromLatin1(SoketiServer::Key), S("--secret"),
                      QString::fromLatin1(SoketiServer::Secret), S("--channel"), S("presence-edits"),
                      S("--user-id"), S("bob"), S("--user-info"), S("{\"name\":\"Bob\"}")}),
                 qPrintable(peer.describe()));
        QVERIFY2(peer.waitForType(S("subscribed"), kWait) >= 0, qPrintable(peer.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(!room->memberName(S("bob")).isEmpty(), kWait);

        const QString id = chat.send(S("edits"), S("helo"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(room->messages()->at(0).state, ChatMessage::State::Sent, kWait);
        QVERIFY(peer.waitFor([](const QJsonObject &o) { return isEvent(o, S("client-message")); },
                             kWait)
                >= 0);

        QString error;
        QVERIFY2(chat.editMessage(id, S("hello"), &error), qPrintable(error));
        const int edit = peer.waitFor(
            [](const QJsonObject &o) { return isEvent(o, S("client-edit")); }, kWait);
        QVERIFY2(edit >= 0, qPrintable(peer.describe()));
        const QJsonObject editLine = peer.lines().at(edit);
        QCOMPARE(editLine.value(S("user_id")).toString(), S("alice"));
        QCOMPARE(editLine.value(S("data")).toObject().value(S("id")).toString(), id);
        QCOMPARE(editLine.value(S("data")).toObject().value(S("text")).toString(), S("hello"));

        // Bob cannot edit Alice's message: soketi stamps his user_id on it.
        peer.send(S("trigger client-edit {\"id\":\"%1\",\"text\":\"bob was here\"}").arg(id));
        // Bob edits his own message: that one is applied.
        peer.send(S("trigger client-message {\"id\":\"b1\",\"text\":\"yo\"}"));
        QTRY_COMPARE_WITH_TIMEOUT(room->messages()->rowCount(), 2, kWait);
        peer.send(S("trigger client-edit {\"id\":\"b1\",\"text\":\"yo all\"}"));
        QTRY_COMPARE_WITH_TIMEOUT(room->messages()->at(1).text, S("yo all"), kWait);
        // Events from one sender arrive in order: the forged edit came first and was ignored.
        QCOMPARE(room->messages()->at(0).text, S("hello"));
        QVERIFY(room->messages()->at(1).editedAt.isValid());

        QVERIFY2(chat.deleteMessage(id, &error), qPrintable(error));
        const int removal = peer.waitFor(
            [](const QJsonObject &o) { return isEvent(o, S("client-delete")); }, kWait);
        QVERIFY2(removal >= 0, qPrintable(peer.describe()));
        QCOMPARE(peer.lines().at(removal).value(S("user_id")).toString(), S("alice"));
        QCOMPARE(peer.lines().at(removal).value(S("data")).toObject(), (QJsonObject{{S("id"), id}}));
        QVERIFY(room->messages()->at(0).deleted);
        chat.stop();
    }

    void offlineEditAndDeleteSurviveARestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(S("outbox.jsonl"));
        LocalSigner signer(QString::fromLatin1(SoketiServer::Key), QByteArray(SoketiServer::Secret),
                           S("alice"), QJsonObject{{S("name"), S("Alice")}});
        auto outbox = std::make_unique<Outbox>(file);
        auto chat = std::make_unique<ChatController>(outbox.get());
        QSignalSpy loggedIn(chat.get(), &ChatController::loggedIn);
        Room *room = chat->joinRoom(S("restart"));
        chat->start(m_soketi.connectionOptions(), &signer, S("alice"), S("Alice"));
        QTRY_VERIFY_WITH_TIMEOUT(!loggedIn.isEmpty(), kWait);
        const QString kept = chat->send(S("restart"), S("helo"));
        const QString dropped = chat->send(S("restart"), S("wrong room"));
        QTRY_VERIFY_WITH_TIMEOUT(room->messages()->at(0).state == ChatMessage::State::Sent
                                     && room->messages()->at(1).state == ChatMessage::State::Sent,
                                 kWait);

        // Offline: no connection at all. Both changes wait; then Natter quits.
        chat->stop();
        QString error;
        QVERIFY2(chat->editMessage(kept, S("hello"), &error), qPrintable(error));
        QVERIFY2(chat->deleteMessage(dropped, &error), qPrintable(error));
        chat.reset();
        outbox.reset();

        NodeProcess peer;
        QVERIFY2(
            peer.start(S("pusherjs-peer.js"),
                       {S("--host"), S("127.0.0.1"), S("--port"), QString::number(m_soketi.port()),
                        S("--key"), QString::fromLatin1(SoketiServer::Key), S("--secret"),
                        QString::fromLatin1(SoketiServer::Secret), S("--channel"),
                        S("presence-restart"), S("--user-id"), S("bob"), S("--user-info"),
                        S("{\"name\":\"Bob\"}")}),
            qPrintable(peer.describe()));
        QVERIFY2(peer.waitForType(S("subscribed"), kWait) >= 0, qPrintable(peer.describe()));

        // The next start: the room comes back with both changes shown as pending.
        outbox = std::make_unique<Outbox>(file);
        QCOMPARE(outbox->editCount(), 2);
        chat = std::make_unique<ChatController>(outbox.get());
        QSignalSpy again(chat.get(), &ChatController::loggedIn);
        chat->start(m_soketi.connectionOptions(), &signer, S("alice"), S("Alice"));
        room = chat->room(S("restart"));
        QVERIFY(room);
        QCOMPARE(room->messages()->rowCount(), 2);
        QCOMPARE(room->messages()->at(0).text, S("hello"));
        QCOMPARE(room->messages()->at(0).state, ChatMessage::State::Pending);
        QVERIFY(room->messages()->at(1).deleted);
        QTRY_VERIFY_WITH_TIMEOUT(!again.isEmpty(), kWait);

        const int edit = peer.waitFor(
            [](const QJsonObject &o) { return isEvent(o, S("client-edit")); }, kWait);
        QVERIFY2(edit >= 0, qPrintable(peer.describe()));
        const QJsonObject editLine = peer.lines().at(edit);
        QCOMPARE(editLine.value(S("user_id")).toString(), S("alice"));
        QCOMPARE(editLine.value(S("data")).toObject().value(S("id")).toString(), kept);
        QCOMPARE(editLine.value(S("data")).toObject().value(S("text")).toString(), S("hello"));
        const int removal = peer.waitFor(
            [](const QJsonObject &o) { return isEvent(o, S("client-delete")); }, kWait);
        QVERIFY2(removal >= 0, qPrintable(peer.describe()));
        QCOMPARE(peer.lines().at(removal).value(S("user_id")).toString(), S("alice"));
        QCOMPARE(peer.lines().at(removal).value(S("data")).toObject(),
                 (QJsonObject{{S("id"), dropped}}));
        // Confirmed by soketi: retired from the outbox, shown as sent.
        QTRY_COMPARE_WITH_TIMEOUT(outbox->editCount(), 0, kWait);
        QCOMPARE(room->messages()->at(0).state, ChatMessage::State::Sent);
        QCOMPARE(room->messages()->at(1).state, ChatMessage::State::Sent);
        chat->stop();
    }

    void cleanupTestCase() { m_soketi.stop(); }
};

QTEST_MAIN(TestEdits)
#include "tst_edits.moc"
