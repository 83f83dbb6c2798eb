// The Who's Online order (ui/MemberProxyModel) over a large member list: correct through every
// kind of change, and sorting 10,000 members reads each one from the model a few times, not on
// every comparison (that made the window stall for a third of a second on a 100,000-member
// announcement; see soketi_hostilepeers).
#include "MemberProxyModel.h"

#include <pusher/MemberListModel.h>
#include <pusher/Members.h>

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace natter::pusher;
using natter::ui::MemberProxyModel;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Member member(const QString &id, const QString &name)
{
    return {id, QJsonObject{{QStringLiteral("name"), name}}};
}

// Counts what the proxy reads from the member list.
class CountingModel : public QIdentityProxyModel
{
public:
    mutable qint64 reads = 0;
    QVariant data(const QModelIndex &index, int role) const override
    {
        ++reads;
        return QIdentityProxyModel::data(index, role);
    }
};

QStringList shownIds(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(MemberListModel::IdRole).toString();
    return out;
}

// The order the proxy must show, worked out independently: me first, then by name ignoring
// case, then by id.
QStringList expectedIds(const Members &members)
{
    QList<Member> all = members.all();
    std::stable_sort(all.begin(), all.end(), [&](const Member &a, const Member &b) {
        const bool meA = a.id == members.myId(), meB = b.id == members.myId();
        if (meA != meB)
            return meA;
        const int c = QString::compare(a.info.value(QLatin1String("name")).toString(),
                                       b.info.value(QLatin1String("name")).toString(),
                                       Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        return a.id < b.id;
    });
    QStringList out;
    for (const Member &m : std::as_const(all))
        out << m.id;
    return out;
}

} // namespace

class TestMemberProxyModel : public QObject
{
    Q_OBJECT
private slots:
    void sortingManyMembersReadsEachOnlyAFewTimes()
    {
        Members members;
        MemberListModel list;
        list.setMembers(&members);
        CountingModel counting;
        counting.setSourceModel(&list);
        MemberProxyModel proxy;
        proxy.setSourceModel(&counting);

        QList<Member> many;
        const int n = Members::MaxMembers;
        for (int i = 0; i < n; ++i) // names in an order far from sorted
            many << member(QStringLiteral("u%1").arg(i),
                           QStringLiteral("Name %1").arg((i * 7919) % n));
        members.setMyId(S("u500"));
        counting.reads = 0;
        members.reset(many);
        QCOMPARE(proxy.rowCount(), n); // sorts
        // A sort compares ~n log2 n = 130,000 pairs; reading the rows for each comparison took
        // 4-6 reads per comparison (≈ 700,000). Three roles per row (me, name, id) suffice.
        QVERIFY2(counting.reads <= 4 * n, qPrintable(QString::number(counting.reads)));
        QCOMPARE(proxy.index(0, 0).data(MemberListModel::IdRole).toString(), S("u500"));
        QCOMPARE(shownIds(proxy), expectedIds(members));
    }

    void orderFollowsEveryChange()
    {
        Members members;
        MemberListModel list;
        list.setMembers(&members);
        MemberProxyModel proxy;
        proxy.setSourceModel(&list);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        members.setMyId(S("me"));
        members.reset({member(S("me"), S("Zed")), member(S("b"), S("bob")),
                       member(S("a"), S("Alice")), member(S("c"), S("carol"))});
        QCOMPARE(shownIds(proxy), (QStringList{S("me"), S("a"), S("b"), S("c")}));

        // Inserted rows shift the remembered keys of the rows after them.
        members.add(member(S("d"), S("Aaron")));
        members.add(member(S("e"), S("Bea")));
        QCOMPARE(shownIds(proxy), expectedIds(members));
        // Removing shifts them back.
        members.remove(S("b"));
        members.remove(S("a"));
        QCOMPARE(shownIds(proxy), expectedIds(members));
        // A renamed member (a second connection with new info) moves to its new place.
        members.add(member(S("c"), S("Aardvark")));
        QCOMPARE(shownIds(proxy), (QStringList{S("me"), S("c"), S("d"), S("e")}));
        // A rebuild forgets every key.
        members.reset(
            {member(S("x"), S("xavier")), member(S("me"), S("Zed")), member(S("w"), S("Wanda"))});
        QCOMPARE(shownIds(proxy), (QStringList{S("me"), S("w"), S("x")}));
        // Names that differ only in case: by id, whatever the locale does with case.
        members.reset(
            {member(S("2"), S("ann")), member(S("1"), S("Ann")), member(S("me"), S("Zed"))});
        QCOMPARE(shownIds(proxy), (QStringList{S("me"), S("1"), S("2")}));
    }
};

QTEST_MAIN(TestMemberProxyModel)
#include "tst_memberproxymodel.moc"
