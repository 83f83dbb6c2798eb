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

// JSON text written with ' for ", to keep the tests readable.
QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
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
        QVERIFY(PresenceAnnouncement::members(S(q("{'presence':[]}")), 10).isEmpty());
        // Truncated text is refused whole, as QJsonDocument refused it.
        const QString cut = announcement(5, true).chopped(3);
        QVERIFY(PresenceAnnouncement::members(cut, 10).isEmpty());
        QVERIFY(PresenceAnnouncement::members(announcement(5, true), 0).isEmpty());
    }

    void idsBeforeTheHashAsServersSendIt()
    {
        // soketi and Pusher send ids first: one pass, and the same list as the hash-first text
        // (QJsonDocument writes keys sorted: count, hash, ids).
        const QByteArray wire = q("{'presence':{'ids':['b','a','c'],'hash':{'a':{'name':'A'},"
                                  "'c':{'name':'C'},'b':{'name':'B'}},'count':3}}");
        const QList<Member> list = PresenceAnnouncement::membersFromUtf8(wire, 10);
        QCOMPARE(ids(list), (QStringList{S("b"), S("a"), S("c")}));
        for (const Member &m : list)
            QCOMPARE(m.info.value(S("name")).toString(), m.id.toUpper());
        QCOMPARE(ids(PresenceAnnouncement::membersFromUtf8(wire, 2)), (QStringList{S("b"), S("a")}));
        QCOMPARE(ids(PresenceAnnouncement::members(QString::fromUtf8(wire), 10)), ids(list));
        // An escaped key names the same member.
        const QByteArray escaped = q("{'presence':{'ids':['\\u00e9'],'hash':{'\\u00e9':{'n':1}}}}");
        const QList<Member> one = PresenceAnnouncement::membersFromUtf8(escaped, 10);
        QCOMPARE(ids(one), QStringList{S("\xc3\xa9")});
        QCOMPARE(one.first().info.value(S("n")).toInt(), 1);
    }

    void infoIsConvertedAsQJsonDocumentDid()
    {
        const QJsonObject info{{S("name"), S("Al \"the\" \\ \xe2\x82\xac")},
                               {S("age"), 42},
                               {S("big"), 9007199254740993.0},
                               {S("ratio"), -1.5e-3},
                               {S("ok"), true},
                               {S("none"), QJsonValue()},
                               {S("tags"), QJsonArray{S("x"), 1, QJsonArray{}, QJsonObject{}}},
                               {S("nested"), QJsonObject{{S("a"), QJsonObject{{S("b"), S("c")}}}}}};
        const QJsonObject presence{{S("ids"), QJsonArray{S("a")}},
                                   {S("hash"), QJsonObject{{S("a"), info}}}};
        const QList<Member> list = PresenceAnnouncement::members(text(presence), 10);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().info, info);
        QCOMPARE(QJsonDocument(list.first().info).toJson(), QJsonDocument(info).toJson());
        // A key twice inside info: the last one, as QJsonDocument kept it.
        const QByteArray twice = q("{'presence':{'ids':['a'],'hash':{'a':{'n':1,'n':2}}}}");
        QCOMPARE(
            PresenceAnnouncement::membersFromUtf8(twice, 10).first().info.value(S("n")).toInt(), 2);
    }

    void infoNestedTooDeeplyIsLeftOutNotTheMember()
    {
        const QByteArray deep = QByteArray(q("{'presence':{'ids':['a','b'],'hash':{'a':{'x':"))
            + QByteArray(100, '[') + QByteArray(100, ']') + q("},'b':{'name':'B'}}}}");
        const QList<Member> list = PresenceAnnouncement::membersFromUtf8(deep, 10);
        QCOMPARE(ids(list), (QStringList{S("a"), S("b")}));
        QVERIFY(list.at(0).info.isEmpty());
        QCOMPARE(list.at(1).info.value(S("name")).toString(), S("B"));
    }

    void malformedTextThatIsReadRefusesTheList()
    {
        const auto members = [](const QByteArray &wire) {
            return ids(PresenceAnnouncement::membersFromUtf8(wire, 2));
        };
        QCOMPARE(members(q("{'presence':{'ids':['a'],'hash':{'a':{'n':1}}}}")), QStringList{S("a")});
        QVERIFY(members(q("{'presence':{'ids':['a'],'hash':{'a':{'n':nope}}}}")).isEmpty());
        QVERIFY(members(q("{'presence':{'ids':['a',tru],'hash':{}}}")).isEmpty());
        QVERIFY(members(q("{'presence':{'ids':['a'],'hash':{'a':{'n':'\\x'}}}}")).isEmpty());
        QVERIFY(members(q("{'presence':{'ids':['\xff']}}")).isEmpty()); // not UTF-8
        QVERIFY(members(q("{'presence':{'ids':['a','b','c','d")).isEmpty()); // an open string
        // Past what is read (the members beyond the limit, the end of the text), only
        // simdjson's index pass looks: it is not read, so it costs nothing.
        QCOMPARE(members(q("{'presence':{'ids':['a','b','c',nope],'hash':{}},'x':[}")),
                 (QStringList{S("a"), S("b")}));
    }

    void longInfoTextIsCut()
    {
        // A 1 MB name (soketi_hostilepeers): cut to MaxInfoTextBytes, not inside a character.
        const QByteArray name = QByteArray("\xc3\xa9") + QByteArray(1 << 20, 'B');
        const QByteArray wire = q("{'presence':{'ids':['a','b'],'hash':{'a':{'name':'") + name
            + q("'},'b':{'name':'B'}}}}");
        const QList<Member> list = PresenceAnnouncement::membersFromUtf8(wire, 10);
        QCOMPARE(ids(list), (QStringList{S("a"), S("b")}));
        QCOMPARE(list.at(1).info.value(S("name")).toString(), S("B"));
        const QString a = list.at(0).info.value(S("name")).toString();
        QCOMPARE(a.toUtf8(), name.left(PresenceAnnouncement::MaxInfoTextBytes));
        // The cut would fall inside the two-byte character: the character goes.
        const QByteArray wire2 = q("{'presence':{'ids':['a'],'hash':{'a':{'name':'")
            + QByteArray(PresenceAnnouncement::MaxInfoTextBytes - 1, 'x') + name + q("'}}}}");
        const QString cut = PresenceAnnouncement::membersFromUtf8(wire2, 10)
                                .first()
                                .info.value(S("name"))
                                .toString();
        QCOMPARE(cut, QString(PresenceAnnouncement::MaxInfoTextBytes - 1, u'x'));
        // Ids are never cut: a cut id could name another member.
        const QByteArray longId(100000, 'i');
        const QList<Member> one = PresenceAnnouncement::membersFromUtf8(
            q("{'presence':{'ids':['") + longId + q("']}}"), 10);
        QCOMPARE(one.first().id.size(), longId.size());
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
