// The member list of a subscription_succeeded, read only as far as the cap (PresenceAnnouncement):
// order, duplicates, numeric ids and info as the QJsonDocument version had them, and the cap.
#include "pusher/PresenceAnnouncement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace natter::pusher;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

QString text(const QJsonObject &presence)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{S("presence"), presence}}).toJson(QJsonDocument::Compact));
}

QStringList ids(const QList<Member> &members)
{
    QStringList list;
    for (const Member &m : members)
        list << m.id;
    return list;
}

// n members m0..m(n-1), ids listed in reverse so that order is not the hash's by accident.
QString announcement(int n, bool withIds)
{
    QJsonArray idList;
    QJsonObject hash;
    for (int i = n - 1; i >= 0; --i) {
        const QString id = QStringLiteral("m%1").arg(i);
        idList.append(id);
        hash.insert(id, QJsonObject{{S("name"), QStringLiteral("Member %1").arg(i)}});
    }
    QJsonObject presence{{S("hash"), hash}, {S("count"), n}};
    if (withIds)
        presence.insert(S("ids"), idList);
    return text(presence);
}

} // namespace

class TestPresenceAnnouncement : public QObject
{
    Q_OBJECT

private slots:
    void idsOrderIsKeptUpToTheLimit()
    {
        const QList<Member> list = PresenceAnnouncement::members(announcement(50, true), 11);
        QCOMPARE(list.size(), 11);
        QCOMPARE(list.first().id, S("m49"));
        QCOMPARE(list.last().id, S("m39"));
        for (const Member &m : list)
            QCOMPARE(m.info.value(S("name")).toString(), S("Member ") + m.id.mid(1));
    }

    void withoutIdsTheHashIsCappedToo()
    {
        const QList<Member> list = PresenceAnnouncement::members(announcement(50, false), 7);
        QCOMPARE(list.size(), 7);
        const QStringList kept = ids(list);
        QCOMPARE(QSet<QString>(kept.begin(), kept.end()).size(), 7);
        for (const Member &m : list)
            QCOMPARE(m.info.value(S("name")).toString(), S("Member ") + m.id.mid(1));
        // An empty ids array counts as none.
        QJsonObject presence{{S("ids"), QJsonArray{}},
                             {S("hash"), QJsonObject{{S("a"), QJsonObject{}}}}};
        QCOMPARE(ids(PresenceAnnouncement::members(text(presence), 5)), QStringList{S("a")});
    }

    void fewerMembersThanTheLimitAreAllKept()
    {
        QCOMPARE(PresenceAnnouncement::members(announcement(3, true), 10).size(), 3);
        QCOMPARE(PresenceAnnouncement::members(announcement(3, false), 10).size(), 3);
    }

    void duplicatesEmptyAndNumericIds()
    {
        const QJsonObject presence{
            {S("ids"), QJsonArray{S("a"), S(""), 42, S("a"), QJsonValue(), S("b"), S("c")}},
            {S("hash"),
             QJsonObject{{S("a"), QJsonObject{{S("name"), S("A")}}},
                         {S("42"), QJsonObject{{S("name"), S("Answer")}}},
                         {S("b"), S("not an object")}}}};
        const QList<Member> list = PresenceAnnouncement::members(text(presence), 3);
        // Duplicates and unusable ids do not use up the limit.
        QCOMPARE(ids(list), (QStringList{S("a"), S("42"), S("b")}));
        QCOMPARE(list.at(0).info.value(S("name")).toString(), S("A"));
        QCOMPARE(list.at(1).info.value(S("name")).toString(), S("Answer"));
        QVERIFY(list.at(2).info.isEmpty()); // not an object: no info
        // Listed but without a hash entry: kept, without info.
        const QList<Member> all = PresenceAnnouncement::members(text(presence), 10);
        QCOMPARE(ids(all).last(), S("c"));
        QVERIFY(all.last().info.isEmpty());
    }

    void notAnAnnouncementGivesNoMembers()
    {
        QVERIFY(PresenceAnnouncement::members(QString(), 10).isEmpty());
        QVERIFY(PresenceAnnouncement::members(S("not json"), 10).isEmpty());
        QVERIFY(PresenceAnnouncement::members(S("[1,2]"), 10).isEmpty());
        QVERIFY(PresenceAnnouncement::members(S(R"({"presence":[]})"), 10).isEmpty());
        // Truncated text is refused whole, as QJsonDocument refused it.
        const QString cut = announcement(5, true).chopped(3);
        QVERIFY(PresenceAnnouncement::members(cut, 10).isEmpty());
        QVERIFY(PresenceAnnouncement::members(announcement(5, true), 0).isEmpty());
    }

    void aHugeAnnouncementKeepsTheFirstMembers()
    {
        // 100,000 announced, the cap keeps the first 10,001 in the ids' order.
        const QList<Member> list = PresenceAnnouncement::members(announcement(100000, true), 10001);
        QCOMPARE(list.size(), 10001);
        QCOMPARE(list.first().id, S("m99999"));
        QCOMPARE(list.last().id, S("m89999"));
        QCOMPARE(list.last().info.value(S("name")).toString(), S("Member 89999"));
    }
};

QTEST_GUILESS_MAIN(TestPresenceAnnouncement)
#include "tst_presenceannouncement.moc"
