// NotificationPolicy on a FakeClock: own messages, the focused room, per-room modes (mentions:
// "@name" as a whole word), do not disturb (for an hour, then back), bursts (more than 5 in 2 s,
// and the replay window after a reconnect) and at most one sound per 2 s.
#include "FakeClock.h"

#include "chat/ChatMessage.h"
#include "notify/NotificationPolicy.h"

#include <QTest>

using natter::chat::ChatMessage;
using natter::notify::NotificationPolicy;
using natter::notify::RoomMode;
using Reason = NotificationPolicy::Reason;

namespace {

ChatMessage msg(const QString &room, const QString &text, bool own = false)
{
    ChatMessage m;
    m.id = QStringLiteral("id-") + text;
    m.room = room;
    m.senderId = own ? QStringLiteral("me") : QStringLiteral("bob");
    m.senderName = own ? QStringLiteral("Me") : QStringLiteral("Bob");
    m.text = text;
    m.own = own;
    m.state = own ? ChatMessage::State::Sent : ChatMessage::State::Received;
    return m;
}

} // namespace

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<bool>("own");
        QTest::addColumn<QString>("room");
        QTest::addColumn<QString>("focused");
        QTest::addColumn<RoomMode>("mode");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Reason>("reason");
        const QString lobby = QStringLiteral("lobby");
        const QString other = QStringLiteral("other");
        QTest::newRow("background room")
            << false << lobby << other << RoomMode::All << QStringLiteral("hi") << Reason::Notify;
        QTest::newRow("window not focused") << false << lobby << QString() << RoomMode::All
                                            << QStringLiteral("hi") << Reason::Notify;
        QTest::newRow("own message")
            << true << lobby << other << RoomMode::All << QStringLiteral("hi") << Reason::Own;
        QTest::newRow("focused room") << false << lobby << lobby << RoomMode::All
                                      << QStringLiteral("hi") << Reason::FocusedRoom;
        QTest::newRow("muted") << false << lobby << other << RoomMode::Muted
                               << QStringLiteral("hi alice") << Reason::Muted;
        QTest::newRow("mentions, named") << false << lobby << other << RoomMode::Mentions
                                         << QStringLiteral("hey @Alice, look") << Reason::Notify;
        QTest::newRow("mentions, not named") << false << lobby << other << RoomMode::Mentions
                                             << QStringLiteral("hey all") << Reason::NotMentioned;
        // MentionRule: only "@name" is a mention, as the message pane and room list show it.
        QTest::newRow("mentions, name without @")
            << false << lobby << other << RoomMode::Mentions << QStringLiteral("hey Alice, look")
            << Reason::NotMentioned;
        QTest::newRow("mentions, name inside a word")
            << false << lobby << other << RoomMode::Mentions
            << QStringLiteral("malice aforethought") << Reason::NotMentioned;
    }

    void table()
    {
        QFETCH(bool, own);
        QFETCH(QString, room);
        QFETCH(QString, focused);
        QFETCH(RoomMode, mode);
        QFETCH(QString, text);
        QFETCH(Reason, reason);
        FakeClock clock;
        NotificationPolicy policy(&clock);
        const auto verdict = policy.evaluate(msg(room, text, own), mode, focused,
                                             QStringLiteral("Alice"));
        QCOMPARE(verdict.reason, reason);
    }

    void mentionsAreWholeWordsCaseInsensitive()
    {
        QVERIFY(NotificationPolicy::mentions(QStringLiteral("@ALICE!"), QStringLiteral("alice")));
        QVERIFY(NotificationPolicy::mentions(QStringLiteral("@alice: hi"), QStringLiteral("Alice")));
        QVERIFY(!NotificationPolicy::mentions(QStringLiteral("@alices"), QStringLiteral("Alice")));
        QVERIFY(!NotificationPolicy::mentions(QStringLiteral("ALICE!"), QStringLiteral("alice")));
        QVERIFY(NotificationPolicy::mentions(QStringLiteral("hi @a.b (x)"), QStringLiteral("a.b")));
        QVERIFY(!NotificationPolicy::mentions(QStringLiteral("hi @axb"), QStringLiteral("a.b")));
        QVERIFY(!NotificationPolicy::mentions(QStringLiteral("anything"), QString()));
    }

    void doNotDisturbForAnHour()
    {
        FakeClock clock;
        NotificationPolicy policy(&clock);
        policy.setDoNotDisturbFor(60 * 60 * 1000);
        QVERIFY(policy.isDoNotDisturb());
        QCOMPARE(policy
                     .evaluate(msg(QStringLiteral("r"), QStringLiteral("a")), RoomMode::All, {},
                               QStringLiteral("Alice"))
                     .reason,
                 Reason::DoNotDisturb);
        clock.advance(60 * 60 * 1000 - 1);
        QVERIFY(policy.isDoNotDisturb());
        clock.advance(1);
        QVERIFY(!policy.isDoNotDisturb());
        QCOMPARE(policy
                     .evaluate(msg(QStringLiteral("r"), QStringLiteral("b")), RoomMode::All, {},
                               QStringLiteral("Alice"))
                     .reason,
                 Reason::Notify);
        policy.setDoNotDisturbFor(1000);
        policy.clearDoNotDisturb();
        QVERIFY(!policy.isDoNotDisturb());
    }

    void moreThanFiveInTwoSecondsIsABurst()
    {
        FakeClock clock;
        NotificationPolicy policy(&clock);
        auto eval = [&](int i) {
            return policy.evaluate(msg(QStringLiteral("r"), QString::number(i)), RoomMode::All, {},
                                   QStringLiteral("Alice"));
        };
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(eval(i).reason, Reason::Notify);
            clock.advance(300);
        }
        // The sixth within 2 s (at 1500 ms) starts the burst; it lasts until 2 s of quiet.
        QVERIFY(eval(5).held());
        QVERIFY(policy.inBurst());
        clock.advance(1900);
        QVERIFY(eval(6).held());
        clock.advance(1999);
        QVERIFY(policy.inBurst());
        clock.advance(1);
        QVERIFY(!policy.inBurst());
        QCOMPARE(eval(7).reason, Reason::Notify);
    }

    void fiveSpreadOutIsNotABurst()
    {
        FakeClock clock;
        NotificationPolicy policy(&clock);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(policy
                         .evaluate(msg(QStringLiteral("r"), QString::number(i)), RoomMode::All, {},
                                   QStringLiteral("Alice"))
                         .reason,
                     Reason::Notify);
            clock.advance(401); // 5 per 2 s at most
        }
    }

    void replayAfterReconnectIsHeld()
    {
        FakeClock clock;
        NotificationPolicy policy(&clock);
        policy.startBurst();
        QVERIFY(policy
                    .evaluate(msg(QStringLiteral("r"), QStringLiteral("old")), RoomMode::All, {},
                              QStringLiteral("Alice"))
                    .held());
        // The replay window ends after 2 s without messages.
        clock.advance(2000);
        QVERIFY(!policy.inBurst());
    }

    void atMostOneSoundPerTwoSeconds()
    {
        FakeClock clock;
        NotificationPolicy policy(&clock);
        QVERIFY(policy.takeSound());
        clock.advance(500);
        QVERIFY(!policy.takeSound());
        clock.advance(1499);
        QVERIFY(!policy.takeSound());
        clock.advance(1);
        QVERIFY(policy.takeSound());
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"
