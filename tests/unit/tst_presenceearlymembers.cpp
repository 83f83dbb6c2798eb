// Presence member events that overtake our own subscription_succeeded, as a soketi cluster on
// the Redis adapter sends them when members on two nodes join at the same moment
// (tests/scaleout/tst_scaleout.cpp): they are applied on top of the member list, not dropped.
#include "ClientRig.h"
#include "Frames.h"

#include "pusher/AuthResponse.h"
#include "pusher/Members.h"
#include "pusher/PresenceChannel.h"

#include <QRegularExpression>
#include <QTest>

using namespace natter::pusher;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

const QString Room = QStringLiteral("presence-room");

AuthResponse presenceAuth(const QString &userId)
{
    AuthResponse r;
    r.auth = S("KEY:sig");
    r.channelData = QStringLiteral(R"({"user_id":"%1","user_info":{}})").arg(userId);
    return r;
}

QStringList ids(const Members *members)
{
    QStringList list;
    members->each([&list](const Member &m) { list << m.id; });
    return list;
}

} // namespace

class TestPresenceEarlyMembers : public QObject
{
    Q_OBJECT

private slots:
    void eventsBetweenSubscribeAndSucceededAreApplied()
    {
        ClientRig rig;
        rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(Room);
        QVERIFY(rig.auth.respond(0, presenceAuth(S("me"))));
        QCOMPARE(c->state(), Channel::State::Pending); // pusher:subscribe is out
        QList<Member> added;
        QList<Member> removed;
        QObject::connect(c, &PresenceChannel::memberAdded, c, [&](const Member &m) { added << m; });
        QObject::connect(c, &PresenceChannel::memberRemoved, c,
                         [&](const Member &m) { removed << m; });

        // Joined on another node while our list was being built there: not in the list.
        rig.serverSend(frames::memberAdded(Room, S("late"), QJsonObject{{S("name"), S("Late")}}));
        // Already in the list: no duplicate, no signal.
        rig.serverSend(frames::memberAdded(Room, S("b")));
        // Left after the list was built: the list still has them.
        rig.serverSend(frames::memberRemoved(Room, S("gone")));
        QCOMPARE(c->members()->count(), 0); // nothing before the list itself

        rig.serverSend(frames::presenceSucceeded(Room, QJsonArray{S("me"), S("b"), S("gone")},
                                                 QJsonObject{{S("me"), QJsonObject{}},
                                                             {S("b"), QJsonObject{}},
                                                             {S("gone"), QJsonObject{}}}));
        QCOMPARE(c->state(), Channel::State::Subscribed);
        QCOMPARE(ids(c->members()), (QStringList{S("me"), S("b"), S("late")}));
        QVERIFY(c->members()->get(S("late")));
        QCOMPARE(c->members()->get(S("late"))->info.value(QLatin1String("name")).toString(),
                 S("Late"));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().id, S("late"));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().id, S("gone"));
    }

    void earlyEventsDoNotOutliveTheirSubscription()
    {
        ClientRig rig;
        rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(Room);
        QVERIFY(rig.auth.respond(0, presenceAuth(S("me"))));
        rig.serverSend(frames::memberAdded(Room, S("stale")));

        // The connection drops before the list came: the next subscription starts clean.
        rig.reconnect(S("2.2"));
        QVERIFY(rig.auth.respond(rig.auth.lastIndexFor(Room), presenceAuth(S("me"))));
        rig.serverSend(frames::presenceSucceeded(Room, QJsonArray{S("me")},
                                                 QJsonObject{{S("me"), QJsonObject{}}}));
        QCOMPARE(c->state(), Channel::State::Subscribed);
        QCOMPARE(ids(c->members()), QStringList{S("me")});

        // Once subscribed, member events apply at once as always.
        rig.serverSend(frames::memberAdded(Room, S("c")));
        QCOMPARE(ids(c->members()), (QStringList{S("me"), S("c")}));
    }

    void aLargeListIsReadOnTheNextTurnAndItsChannelsEventsWait()
    {
        ClientRig rig;
        rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(Room);
        QVERIFY(rig.auth.respond(0, presenceAuth(S("me"))));
        QStringList seen; // what observers saw, in order, with the member count at the time
        QObject::connect(c, &Channel::subscribed, c,
                         [&] { seen << S("subscribed %1").arg(c->members()->count()); });
        QObject::connect(c, &PresenceChannel::memberAdded, c,
                         [&](const Member &m) { seen << S("added ") + m.id; });
        QObject::connect(c, &Channel::eventReceived, c, [&](const Event &e) {
            seen << S("%1 %2").arg(e.event).arg(c->members()->count());
        });

        // 300 KB: over the size read in the frame's own turn.
        const QJsonObject big{{S("name"), QString(300 * 1024, u'x')}};
        rig.serverSend(
            frames::presenceSucceeded(Room, QJsonArray{S("me"), S("big")},
                                      QJsonObject{{S("me"), QJsonObject{}}, {S("big"), big}}));
        // What the same socket read brings next must not overtake the list.
        rig.serverSend(frames::memberAdded(Room, S("late")));
        rig.serverSend(
            frames::frame(S("client-hello"), frames::json(QJsonObject{}), Room, S("big")));
        QCOMPARE(c->state(), Channel::State::Pending);
        QCOMPARE(c->members()->count(), 0);
        QVERIFY(seen.isEmpty());

        QTRY_COMPARE(c->state(), Channel::State::Subscribed);
        QCOMPARE(seen, (QStringList{S("subscribed 2"), S("added late"), S("client-hello 3")}));
        QCOMPARE(ids(c->members()), (QStringList{S("me"), S("big"), S("late")}));
    }

    void aLargeListThatIsNotAWellFormedStringGivesNoMembers()
    {
        // Left escaped by FrameParser, so only found when unescaped: the subscription still
        // completes, with no members, and what waited behind it is applied.
        ClientRig rig;
        rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(Room);
        QVERIFY(rig.auth.respond(0, presenceAuth(S("me"))));
        const QString padding(300 * 1024, u'x');
        rig.serverSend(S("{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"%1\","
                         "\"data\":\"{\\\"presence\\\":{\\\"ids\\\":[\\\"me\\\"],\\\"x\\\":"
                         "\\\"\\q%2\\\"}}\"}")
                           .arg(Room, padding));
        rig.serverSend(frames::memberAdded(Room, S("late")));
        QCOMPARE(c->state(), Channel::State::Pending);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(S("member list of .* is not a well-formed")));
        QTRY_COMPARE(c->state(), Channel::State::Subscribed);
        QCOMPARE(ids(c->members()), QStringList{S("late")});
    }

    void aLargeListLeftForLaterIsDroppedWithItsConnection()
    {
        ClientRig rig;
        rig.connect();
        PresenceChannel *c = rig.client->subscribePresence(Room);
        QVERIFY(rig.auth.respond(0, presenceAuth(S("me"))));
        const QJsonObject big{{S("name"), QString(300 * 1024, u'x')}};
        rig.serverSend(
            frames::presenceSucceeded(Room, QJsonArray{S("me"), S("stale")},
                                      QJsonObject{{S("me"), QJsonObject{}}, {S("stale"), big}}));
        rig.serverSend(frames::memberAdded(Room, S("stale2")));

        // The connection drops before the list was read: it is never applied, nor what waited.
        rig.reconnect(S("2.2"));
        QVERIFY(rig.auth.respond(rig.auth.lastIndexFor(Room), presenceAuth(S("me"))));
        QTest::qWait(20);
        QCOMPARE(c->state(), Channel::State::Pending);
        QCOMPARE(c->members()->count(), 0);
        rig.serverSend(frames::presenceSucceeded(Room, QJsonArray{S("me")},
                                                 QJsonObject{{S("me"), QJsonObject{}}}));
        QCOMPARE(c->state(), Channel::State::Subscribed); // small: at once, as before
        QTest::qWait(20);
        QCOMPARE(ids(c->members()), QStringList{S("me")});
    }
};

QTEST_MAIN(TestPresenceEarlyMembers)
#include "tst_presenceearlymembers.moc"
