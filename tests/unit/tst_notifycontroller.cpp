// MessageNotifier on a real ChatController over a FakeTransport (FakeClock, FakeNotifier): members
// joining and leaving never notify, a message does; after the connection drops and comes back,
// what arrives is held and summarised (the replay rule), driven by the controller's own status.
#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeNotifier.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "chat/ChatController.h"
#include "chat/Outbox.h"
#include "chat/Room.h"
#include "notify/MessageNotifier.h"
#include "notify/NotificationPreferences.h"
#include "notify/PermissionStore.h"

#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using natter::chat::ChatController;
using natter::chat::Outbox;
using natter::notify::MessageNotifier;
using natter::notify::Permission;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const QString Origin = S("chat.example:6001/app-key");

struct Rig
{
    Rig()
    {
        auth.userId = S("alice");
        auth.userName = S("Alice");
        auth.setAutoAnswerDefault();
        settings = std::make_unique<QSettings>(dir.filePath(S("n.conf")), QSettings::IniFormat);
        permissions = std::make_unique<natter::notify::PermissionStore>(settings.get());
        permissions->setPermission(Origin, Permission::Allowed);
        preferences = std::make_unique<natter::notify::NotificationPreferences>(settings.get());
        outbox = std::make_unique<Outbox>(dir.filePath(S("outbox.json")));
        chat = std::make_unique<ChatController>(outbox.get());
        notifier = std::make_unique<MessageNotifier>(permissions.get(), preferences.get(), &clock);
        notifier->setNotifier(&fake);
        notifier->setOrigin(Origin);
        notifier->setController(chat.get());
        options.key = S("app-key");
        options.host = S("chat.example");
        options.port = 6001;
        options.tls = false;
    }

    FakeTransport *t() const { return net.last(); }
    void confirm(const QString &room, const QJsonObject &others = {})
    {
        FakeClock::pumpEvents();
        QJsonArray ids{S("alice")};
        QJsonObject hash{{S("alice"), QJsonObject{{S("name"), S("Alice")}}}};
        for (auto it = others.begin(); it != others.end(); ++it) {
            ids.append(it.key());
            hash.insert(it.key(), it.value());
        }
        t()->serverSend(frames::presenceSucceeded(S("presence-") + room, ids, hash));
        FakeClock::pumpEvents();
    }
    void loggedIn()
    {
        chat->joinRoom(S("lobby"));
        chat->joinRoom(S("dev"));
        chat->start(options, &auth, S("alice"), S("Alice"), &clock, net.factory());
        t()->accept(S("1.1"));
        FakeClock::pumpEvents();
        // bob is a member: the names shown are the server-signed ones of members.
        const QJsonObject bob{{S("bob"), QJsonObject{{S("name"), S("Bob")}}}};
        confirm(S("lobby"), bob);
        confirm(S("dev"), bob);
        chat->setActiveRoom(S("lobby"));
    }
    void message(const QString &room, const QString &id, const QString &text)
    {
        t()->serverSend(frames::frame(
            S("client-message"),
            QJsonObject{{S("id"), id},
                        {S("text"), text},
                        {S("user"), QJsonObject{{S("id"), S("bob")}, {S("name"), S("Bob")}}}},
            S("presence-") + room, S("bob")));
        FakeClock::pumpEvents();
    }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    FakeNotifier fake;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<natter::notify::PermissionStore> permissions;
    std::unique_ptr<natter::notify::NotificationPreferences> preferences;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<MessageNotifier> notifier; // last: destroyed first
};

} // namespace

class TestNotifyController : public QObject
{
    Q_OBJECT

private slots:
    void joinsAndLeavesNeverNotify()
    {
        Rig rig;
        rig.loggedIn();
        rig.t()->serverSend(frames::memberAdded(S("presence-dev"), S("carol"),
                                                QJsonObject{{S("name"), S("Carol")}}));
        rig.t()->serverSend(frames::memberRemoved(S("presence-dev"), S("carol")));
        FakeClock::pumpEvents();
        QCOMPARE(rig.fake.showCount(), 0);
        rig.message(S("dev"), S("m1"), S("hello"));
        QCOMPARE(rig.fake.showCount(), 1);
        QCOMPARE(rig.fake.created.first()->shows.last().title, S("Bob in #dev"));
        // The shown room (lobby) is not notified only when the window has focus: here it has not.
        rig.notifier->setFocusedRoom(S("lobby"));
        rig.clock.advance(3000);
        rig.message(S("lobby"), S("m2"), S("seen"));
        QCOMPARE(rig.fake.showCount(), 1);
    }

    void messagesAfterAReconnectAreSummarised()
    {
        Rig rig;
        rig.loggedIn();
        rig.message(S("dev"), S("m1"), S("before"));
        QCOMPARE(rig.fake.showCount(), 1);
        rig.clock.advance(5000);
        // The socket dies; the controller reconnects on its own (back-off on the fake clock).
        const int before = rig.net.count();
        rig.t()->fail();
        while (rig.net.count() == before)
            QVERIFY(rig.clock.runNextTimer());
        rig.t()->accept(S("1.2"));
        FakeClock::pumpEvents();
        const QJsonObject bob{{S("bob"), QJsonObject{{S("name"), S("Bob")}}}};
        rig.confirm(S("lobby"), bob);
        rig.confirm(S("dev"), bob);
        rig.message(S("dev"), S("m2"), S("queued while you were away"));
        rig.message(S("dev"), S("m3"), S("and this"));
        QCOMPARE(rig.fake.showCount(), 1); // held
        rig.clock.advance(2001);
        QCOMPARE(rig.fake.showCount(), 2); // one summary
        QCOMPARE(rig.fake.created.size(), 1); // the same notification, updated
        QCOMPARE(rig.fake.created.first()->shows.last().body,
                 S("Bob: before\nBob: queued while you were away\nBob: and this"));
    }
};

QTEST_GUILESS_MAIN(TestNotifyController)
#include "tst_notifycontroller.moc"
