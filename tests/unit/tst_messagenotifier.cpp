// MessageNotifier on a FakeNotifier and a FakeClock: the permission prompt comes first and the
// triggering message is shown right after Allow; one notification per room, updated in place and
// closed when the room is read; actions (open, mark read, block origin, reply); bursts become one
// summary per room; sounds at most every 2 s.
#include "FakeClock.h"
#include "FakeNotifier.h"

#include "chat/ChatMessage.h"
#include "chat/Room.h"
#include "desktop/InitialsAvatar.h"
#include "notify/MessageNotifier.h"
#include "notify/NotificationPreferences.h"
#include "notify/PermissionStore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::Room;
using natter::desktop::Notification;
using natter::notify::MessageNotifier;
using natter::notify::NotificationPreferences;
using natter::notify::Permission;
using natter::notify::PermissionStore;
using natter::notify::RoomMode;

namespace {

const QString Origin = QStringLiteral("127.0.0.1:6001/app-key");

ChatMessage msg(const QString &room, const QString &sender, const QString &text)
{
    static int n = 0;
    ChatMessage m;
    m.id = QStringLiteral("m%1").arg(++n);
    m.room = room;
    m.senderId = sender.toLower();
    m.senderName = sender;
    m.text = text;
    m.state = ChatMessage::State::Received;
    return m;
}

void flushDeletes()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

} // namespace

class TestMessageNotifier : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_n)), QSettings::IniFormat);
        m_clock = std::make_unique<FakeClock>();
        m_permissions = std::make_unique<PermissionStore>(m_settings.get());
        m_preferences = std::make_unique<NotificationPreferences>(m_settings.get());
        m_fake = std::make_unique<FakeNotifier>();
        m_notifier = std::make_unique<MessageNotifier>(m_permissions.get(), m_preferences.get(),
                                                       m_clock.get());
        m_notifier->setNotifier(m_fake.get());
        m_notifier->setOrigin(Origin);
        m_notifier->setUserName(QStringLiteral("Alice"));
        m_notifier->setFocusedRoom(QStringLiteral("home"));
        m_lobby = std::make_unique<Room>(QStringLiteral("lobby"), nullptr);
        m_dev = std::make_unique<Room>(QStringLiteral("dev"), nullptr);
    }

    void cleanup()
    {
        m_notifier.reset();
        m_lobby.reset();
        m_dev.reset();
        m_fake.reset();
        flushDeletes();
    }

    void promptFirstThenTheTriggeringMessageAfterAllow()
    {
        QSignalSpy asked(m_permissions.get(), &PermissionStore::permissionRequested);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("hello"));
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), Origin);
        QCOMPARE(m_fake->showCount(), 0);
        m_clock->advance(100);
        receive(m_lobby.get(), QStringLiteral("Carol"), QStringLiteral("there"));
        QCOMPARE(asked.count(), 1); // asked once
        m_permissions->answer(Origin, Permission::Allowed);
        QCOMPARE(m_fake->created.size(), 1);
        auto *n = m_fake->created.first().data();
        QCOMPARE(n->shows.size(), 1);
        const auto &shown = n->shows.last();
        QCOMPARE(shown.title, QStringLiteral("Carol and Bob in #lobby"));
        QCOMPARE(shown.body, QStringLiteral("Bob: hello\nCarol: there"));
        QCOMPARE(shown.origin, Origin);
        QCOMPARE(shown.category, QStringLiteral("im.received"));
        QCOMPARE(shown.soundName, QStringLiteral("message-new-instant"));
        const QList<Notification::Action> expected{
            {QStringLiteral("default"), QStringLiteral("Open")},
            {QStringLiteral("mark-read"), QStringLiteral("Mark as read")},
            {QStringLiteral("block-origin"), QStringLiteral("Block notifications from ") + Origin},
            {QStringLiteral("inline-reply"), QStringLiteral("Reply")}};
        QCOMPARE(shown.actions, expected);
    }

    // A flood before the prompt is answered is counted, not kept: memory stays bounded.
    void messagesWaitingForTheAnswerAreBounded()
    {
        for (int i = 0; i < 1000; ++i)
            receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("m%1").arg(i));
        QCOMPARE(m_notifier->waitingCount(), MessageNotifier::MaxWaiting);
        m_permissions->answer(Origin, Permission::Allowed);
        QCOMPARE(m_fake->created.size(), 1);
        const auto &shown = m_fake->created.first()->shows.last();
        QVERIFY2(shown.body.contains(QStringLiteral("m999")), qPrintable(shown.body));
        QVERIFY2(shown.body.contains(QStringLiteral("1000")), qPrintable(shown.body));
        QCOMPARE(m_notifier->waitingCount(), 0);
    }

    void blockOrNotNowInThePromptShowsNothing_data()
    {
        QTest::addColumn<Permission>("answer");
        QTest::newRow("block") << Permission::Denied;
        QTest::newRow("not now") << Permission::NotAsked;
    }

    void blockOrNotNowInThePromptShowsNothing()
    {
        QFETCH(Permission, answer);
        QSignalSpy asked(m_permissions.get(), &PermissionStore::permissionRequested);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("hello"));
        m_permissions->answer(Origin, answer);
        m_clock->advance(5000);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("again"));
        QCOMPARE(m_fake->created.size(), 0);
        QCOMPARE(asked.count(), 1);
    }

    void onePerRoomUpdatedInPlace()
    {
        allow();
        const QStringList senders{QStringLiteral("Bob"), QStringLiteral("Carol"),
                                  QStringLiteral("Dave"), QStringLiteral("Eve")};
        for (const auto &s : senders) {
            receive(m_lobby.get(), s, QStringLiteral("hi from ") + s);
            m_clock->advance(1000);
        }
        QCOMPARE(m_fake->created.size(), 1);
        auto *n = m_fake->created.first().data();
        QCOMPARE(n->shows.size(), 4);
        QCOMPARE(n->shows.last().title, QStringLiteral("Eve and 3 others in #lobby"));
        QCOMPARE(n->shows.last().body,
                 QStringLiteral("4 new messages\nCarol: hi from Carol\n"
                                "Dave: hi from Dave\nEve: hi from Eve"));
        receive(m_dev.get(), QStringLiteral("Bob"), QStringLiteral("other room"));
        QCOMPARE(m_fake->created.size(), 2);
        QCOMPARE(m_notifier->notificationFor(QStringLiteral("dev")), m_fake->created.at(1).data());
    }

    void showsTheLastSendersAvatar()
    {
        allow();
        using natter::desktop::InitialsAvatar;
        const auto colourOf = [](const QImage &image) {
            return QColor(image.pixel(image.width() / 2, image.height() / 10 + 1)).rgb();
        };
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("one"));
        auto *n = m_fake->created.first().data();
        QImage image = n->shows.last().image;
        QCOMPARE(image.size(), QSize(InitialsAvatar::DefaultSize, InitialsAvatar::DefaultSize));
        QCOMPARE(colourOf(image), InitialsAvatar::colorFor(QStringLiteral("bob")).rgb());
        m_clock->advance(1000);
        receive(m_lobby.get(), QStringLiteral("Carol"), QStringLiteral("two"));
        QCOMPARE(n->shows.size(), 2);
        QCOMPARE(colourOf(n->shows.last().image),
                 InitialsAvatar::colorFor(QStringLiteral("carol")).rgb());
    }

    void closedWhenTheRoomIsRead()
    {
        allow();
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("one"));
        auto *n = m_fake->created.first().data();
        QVERIFY(n->isShown());
        m_lobby->setActive(true); // the user opened the room
        QCOMPARE(n->closeCount, 1);
        QVERIFY(!m_notifier->notificationFor(QStringLiteral("lobby")));
        flushDeletes();
        QVERIFY(m_fake->alive().isEmpty()); // not kept around after closing
        m_lobby->setActive(false);
        m_clock->advance(3000);
        receive(m_lobby.get(), QStringLiteral("Carol"), QStringLiteral("two"));
        QCOMPARE(m_fake->created.size(), 2);
        QCOMPARE(m_fake->created.last()->shows.last().title, QStringLiteral("Carol in #lobby"));
    }

    void ownAndFocusedRoomAndMutedAreNotNotified()
    {
        allow();
        ChatMessage own = msg(QStringLiteral("lobby"), QStringLiteral("Alice"), QStringLiteral("x"));
        own.own = true;
        own.state = ChatMessage::State::Sent;
        m_notifier->onMessageReceived(m_lobby.get(), own);
        m_notifier->setFocusedRoom(QStringLiteral("lobby"));
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("seen"));
        m_notifier->setFocusedRoom({});
        m_preferences->setRoomMode(Origin, QStringLiteral("lobby"), RoomMode::Muted);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("muted"));
        m_preferences->setRoomMode(Origin, QStringLiteral("lobby"), RoomMode::Mentions);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("no name"));
        QCOMPARE(m_fake->created.size(), 0);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("alice: look"));
        QCOMPARE(m_fake->created.size(), 0); // a mention is "@name" (MentionRule)
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("@alice: look"));
        QCOMPARE(m_fake->created.size(), 1);
    }

    void defaultActionOpensTheRoomWithTheToken()
    {
        allow();
        QSignalSpy open(m_notifier.get(), &MessageNotifier::activateRoomRequested);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("one"));
        m_fake->created.first()->simulateAction(QStringLiteral("default"), "token-1");
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("lobby"));
        QCOMPARE(open.at(0).at(1).toByteArray(), QByteArray("token-1"));
        QVERIFY(!m_notifier->notificationFor(QStringLiteral("lobby")));
    }

    void markReadAndReply()
    {
        allow();
        QSignalSpy read(m_notifier.get(), &MessageNotifier::markReadRequested);
        QSignalSpy reply(m_notifier.get(), &MessageNotifier::replyRequested);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("one"));
        auto *n = m_fake->created.first().data();
        n->simulateReply(QStringLiteral("answer"));
        QCOMPARE(reply.count(), 1);
        QCOMPARE(reply.at(0).at(0).toString(), QStringLiteral("lobby"));
        QCOMPARE(reply.at(0).at(1).toString(), QStringLiteral("answer"));
        n->simulateAction(QStringLiteral("mark-read"));
        QCOMPARE(read.count(), 1);
        QCOMPARE(n->closeCount, 1);
    }

    void blockActionDeniesTheOriginAndClosesEverything()
    {
        allow();
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("one"));
        receive(m_dev.get(), QStringLiteral("Bob"), QStringLiteral("two"));
        auto *lobby = m_fake->created.at(0).data();
        auto *dev = m_fake->created.at(1).data();
        lobby->simulateAction(QStringLiteral("block-origin"));
        QCOMPARE(m_permissions->checkPermission(Origin), Permission::Denied);
        QCOMPARE(lobby->closeCount, 1);
        QCOMPARE(dev->closeCount, 1);
        m_clock->advance(5000);
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("three"));
        QCOMPARE(m_fake->created.size(), 2);
    }

    void dismissedStartsAFreshNotification()
    {
        allow();
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("one"));
        m_fake->created.first()->simulateDismiss();
        m_clock->advance(3000);
        receive(m_lobby.get(), QStringLiteral("Carol"), QStringLiteral("two"));
        QCOMPARE(m_fake->created.size(), 2);
        QCOMPARE(m_fake->created.last()->shows.last().title, QStringLiteral("Carol in #lobby"));
        QCOMPARE(m_fake->created.last()->shows.last().body, QStringLiteral("Carol: two"));
    }

    void burstBecomesOneSummaryPerRoom()
    {
        allow();
        Room third(QStringLiteral("third"), nullptr);
        Room *rooms[] = {m_lobby.get(), m_dev.get(), &third};
        for (int i = 0; i < 300; ++i) {
            receive(rooms[i % 3], QStringLiteral("Bob"), QStringLiteral("n%1").arg(i));
            m_clock->advance(3);
        }
        // The first 5 were shown before the burst was recognised; the rest are held.
        QCOMPARE(m_fake->showCount(), 5);
        m_clock->advance(NotificationPolicyWindow());
        QCOMPARE(m_fake->created.size(), 3);
        QCOMPARE(m_fake->showCount(), 8); // + one summary per room
        for (const auto &n : m_fake->created) {
            QVERIFY(n->shows.last().body.startsWith(QStringLiteral("100 new messages\n")));
        }
        int sounds = 0;
        for (const auto &n : m_fake->created) {
            for (const auto &s : n->shows)
                sounds += !s.soundName.isEmpty();
        }
        QCOMPARE(sounds, 2); // the first message, then the summary 2 s later
    }

    void replayAfterReconnectIsSummarised()
    {
        allow();
        m_notifier->onReconnected();
        for (int i = 0; i < 3; ++i) {
            receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("queued %1").arg(i));
            m_clock->advance(100);
        }
        QCOMPARE(m_fake->showCount(), 0); // held: three messages is no burst by itself
        m_clock->advance(2000);
        QCOMPARE(m_fake->showCount(), 1);
        QCOMPARE(m_fake->created.first()->shows.last().body,
                 QStringLiteral("Bob: queued 0\nBob: queued 1\nBob: queued 2"));
    }

    void soundOnlyEveryTwoSecondsAndNotWhenOff()
    {
        allow();
        receive(m_lobby.get(), QStringLiteral("Bob"), QStringLiteral("a"));
        m_clock->advance(500);
        receive(m_dev.get(), QStringLiteral("Bob"), QStringLiteral("b"));
        QCOMPARE(m_fake->created.at(0)->shows.last().soundName,
                 QStringLiteral("message-new-instant"));
        QVERIFY(m_fake->created.at(1)->shows.last().soundName.isEmpty());
        m_preferences->setSoundEnabled(false);
        m_clock->advance(5000);
        receive(m_dev.get(), QStringLiteral("Bob"), QStringLiteral("c"));
        QVERIFY(m_fake->created.at(1)->shows.last().soundName.isEmpty());
    }

    void markupStaysPlainText()
    {
        allow();
        receive(m_lobby.get(), QStringLiteral("<i>Bob</i>"), QStringLiteral("<b>x</b> & y"));
        const auto &shown = m_fake->created.first()->shows.last();
        QCOMPARE(shown.body, QStringLiteral("<i>Bob</i>: <b>x</b> & y"));
    }

    void longTextIsTruncated()
    {
        allow();
        receive(m_lobby.get(), QString(100, QLatin1Char('B')), QString(1000, QLatin1Char('x')));
        const auto &shown = m_fake->created.first()->shows.last();
        QVERIFY(shown.body.size() <= MessageNotifier::MaxLineChars);
        QVERIFY(shown.title.size() <= MessageNotifier::MaxNameChars + 20);
    }

    static qint64 NotificationPolicyWindow() { return 2001; }

    // A gap fill after a reconnect brings 50 messages at once: one notification for the room,
    // shown once, with the count and the last lines; one sound; no burst left behind.
    void fetchedMessagesAreSummarisedInOneNotification()
    {
        allow();
        QList<ChatMessage> fetched;
        for (int i = 0; i < 50; ++i) {
            ChatMessage m = msg(QStringLiteral("lobby"),
                                i % 2 ? QStringLiteral("Bob") : QStringLiteral("Carol"),
                                QStringLiteral("missed %1").arg(i));
            m.historical = true;
            fetched.append(m);
        }
        m_notifier->onMessagesFetched(m_lobby.get(), fetched);
        QCOMPARE(m_fake->created.size(), 1);
        auto *n = m_fake->created.first().data();
        QCOMPARE(n->shows.size(), 1);
        QCOMPARE(n->shows.last().title, QStringLiteral("Bob and Carol in #lobby"));
        QCOMPARE(n->shows.last().body,
                 QStringLiteral("50 new messages\nBob: missed 47\n"
                                "Carol: missed 48\nBob: missed 49"));
        QCOMPARE(n->shows.last().soundName, QStringLiteral("message-new-instant"));
        // Nothing was counted as a burst: the next live message updates it at once.
        m_clock->advance(3000);
        receive(m_lobby.get(), QStringLiteral("Dave"), QStringLiteral("live"));
        QCOMPARE(m_fake->created.size(), 1);
        QCOMPARE(n->shows.size(), 2);
        QVERIFY(n->shows.last().body.startsWith(QStringLiteral("51 new messages")));
    }

    void fetchedMessagesOfTheFocusedRoomOrOwnAreNotNotified()
    {
        allow();
        ChatMessage own = msg(QStringLiteral("home"), QStringLiteral("Alice"), QStringLiteral("x"));
        own.own = true;
        own.state = ChatMessage::State::Sent;
        Room home(QStringLiteral("home"), nullptr);
        m_notifier->onMessagesFetched(
            &home,
            {msg(QStringLiteral("home"), QStringLiteral("Bob"), QStringLiteral("seen")), own});
        m_notifier->onMessagesFetched(m_lobby.get(), {own});
        QCOMPARE(m_fake->created.size(), 0);
    }

    // Before the permission answer: one prompt, and after Allow one notification counting all.
    void fetchedMessagesWaitForThePromptAndAreCounted()
    {
        QSignalSpy asked(m_permissions.get(), &PermissionStore::permissionRequested);
        QList<ChatMessage> fetched;
        for (int i = 0; i < 50; ++i)
            fetched.append(msg(QStringLiteral("lobby"), QStringLiteral("Bob"),
                               QStringLiteral("missed %1").arg(i)));
        m_notifier->onMessagesFetched(m_lobby.get(), fetched);
        QCOMPARE(asked.count(), 1);
        QVERIFY(m_notifier->waitingCount() <= MessageNotifier::MaxLines);
        m_permissions->answer(Origin, Permission::Allowed);
        QCOMPARE(m_fake->created.size(), 1);
        QCOMPARE(m_fake->created.first()->shows.size(), 1);
        QVERIFY2(m_fake->created.first()->shows.last().body.startsWith(
                     QStringLiteral("50 new messages")),
                 qPrintable(m_fake->created.first()->shows.last().body));
    }

private:
    void allow() { m_permissions->setPermission(Origin, Permission::Allowed); }

    void receive(Room *room, const QString &sender, const QString &text)
    {
        m_notifier->onMessageReceived(room, msg(room->name(), sender, text));
    }

    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<PermissionStore> m_permissions;
    std::unique_ptr<NotificationPreferences> m_preferences;
    std::unique_ptr<FakeNotifier> m_fake;
    std::unique_ptr<MessageNotifier> m_notifier;
    std::unique_ptr<Room> m_lobby;
    std::unique_ptr<Room> m_dev;
};

QTEST_GUILESS_MAIN(TestMessageNotifier)
#include "tst_messagenotifier.moc"
