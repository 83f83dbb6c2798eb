// The ChatController test rig shared by tst_chatcontroller and tst_chatrooms: the controller on
// FakeClock + FakeNetwork + FakeAuthorizer, with helpers to confirm, receive and reconnect.
#pragma once

#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "chat/ChatController.h"
#include "chat/ConnectionStatus.h"
#include "chat/MessageListModel.h"
#include "chat/Outbox.h"
#include "chat/OutboxJournal.h"
#include "chat/Room.h"
#include "chat/RoomListModel.h"

#include <pusher/Client.h>
#include <pusher/Connection.h>
#include <pusher/MemberListModel.h>
#include <pusher/PresenceChannel.h>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using natter::pusher::AuthError;
using natter::pusher::ConnectionOptions;
using natter::pusher::Transport;

namespace chatcontrollerrig {

inline QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

inline QString lobby()
{
    return S("presence-lobby");
}

inline QJsonObject member(const char *name)
{
    return QJsonObject{{S("name"), S(name)}};
}

struct Rig
{
    explicit Rig(const QString &outboxFile = {})
    {
        auth.userId = S("alice");
        auth.userName = S("Alice");
        auth.setAutoAnswerDefault();
        file = outboxFile.isEmpty() ? dir.filePath(S("outbox-test-alice.json")) : outboxFile;
        outbox = std::make_unique<Outbox>(file);
        chat = std::make_unique<ChatController>(outbox.get());
        options.key = S("app-key");
        options.host = S("chat.example");
        options.port = 6001;
        options.tls = false;
    }

    void start() { chat->start(options, &auth, S("alice"), S("Alice"), &clock, net.factory()); }
    FakeTransport *t() const { return net.last(); }
    // Opens the socket and completes the handshake; auth answers are delivered.
    void accept(const QString &socketId = S("1.1"))
    {
        t()->accept(socketId);
        FakeClock::pumpEvents();
    }
    // The server confirms presence-<room> with these members (alice always included).
    void confirm(const QString &room = S("lobby"), const QJsonObject &others = {})
    {
        FakeClock::pumpEvents(); // auth answers first, as a real server would see them
        QJsonArray ids{S("alice")};
        QJsonObject hash{{S("alice"), member("Alice")}};
        for (auto it = others.begin(); it != others.end(); ++it) {
            ids.append(it.key());
            hash.insert(it.key(), it.value());
        }
        t()->serverSend(frames::presenceSucceeded(S("presence-") + room, ids, hash));
        FakeClock::pumpEvents();
    }
    // The server answers the pings so far (which confirms the client events written before
    // them): what a live server does within a round trip.
    void settle()
    {
        FakeClock::pumpEvents(); // the confirmation ping is posted, not sent at once
        t()->serverPong();
        FakeClock::pumpEvents();
    }
    // Start, join lobby, connect, subscribe: logged in.
    Room *loggedIn(const QJsonObject &others = {})
    {
        Room *room = chat->joinRoom(S("lobby"));
        start();
        accept();
        confirm(S("lobby"), others);
        return room;
    }
    // The socket dies; the next attempt is accepted (and auth answered), not yet confirmed.
    void reconnect(const QString &socketId = S("1.2"))
    {
        const int before = net.count();
        t()->fail();
        while (net.count() == before)
            QVERIFY(clock.runNextTimer());
        accept(socketId);
    }
    // A client event from the server (inline object data, as soketi sends it).
    void receive(const QString &event, const QJsonValue &data, const QString &userId,
                 const QString &channel = S("presence-lobby"))
    {
        t()->serverSend(frames::frame(event, data, channel, userId));
    }
    QList<QJsonObject> clientMessages() const { return net.allSentEvents(S("client-message")); }
    QStringList sentTexts() const
    {
        QStringList out;
        for (const QJsonObject &o : clientMessages())
            out.append(o.value(S("data")).toObject().value(S("text")).toString());
        return out;
    }
    // What a restart would find in the file (a second Outbox cannot open it: this one holds the
    // lock).
    QList<ChatMessage> onDisk() const
    {
        outbox->flush();
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? OutboxJournal::parse(f.readAll()).messages
                                           : QList<ChatMessage>();
    }

    QTemporaryDir dir;
    QString file;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat; // last: destroyed first
};

inline ChatMessage::State stateOf(Room *room, const QString &id)
{
    return room->messages()->at(room->messages()->rowOf(id)).state;
}

} // namespace chatcontrollerrig

using namespace chatcontrollerrig;
