// MemberListModel over Members, checked by QAbstractItemModelTester through every kind of change.
#include "pusher/MemberListModel.h"
#include "pusher/Members.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace natter::pusher;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Member member(const QString &id, const QString &name = {})
{
    QJsonObject info;
    if (!name.isEmpty())
        info.insert(QStringLiteral("name"), name);
    return {id, info};
}

QStringList ids(const MemberListModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row), MemberListModel::IdRole).toString();
    return out;
}

// Every structural signal the model emitted, in order.
struct ModelLog
{
    explicit ModelLog(MemberListModel *m)
    {
        QObject::connect(m, &QAbstractItemModel::modelAboutToBeReset, m,
                         [this] { log << S("aboutToReset"); });
        QObject::connect(m, &QAbstractItemModel::modelReset, m, [this] { log << S("reset"); });
        QObject::connect(m, &QAbstractItemModel::rowsAboutToBeInserted, m,
                         [this](const QModelIndex &, int a, int b) {
                             log << QStringLiteral("aboutToInsert %1-%2").arg(a).arg(b);
                         });
        QObject::connect(m, &QAbstractItemModel::rowsInserted, m,
                         [this](const QModelIndex &, int a, int b) {
                             log << QStringLiteral("inserted %1-%2").arg(a).arg(b);
                         });
        QObject::connect(m, &QAbstractItemModel::rowsAboutToBeRemoved, m,
                         [this](const QModelIndex &, int a, int b) {
                             log << QStringLiteral("aboutToRemove %1-%2").arg(a).arg(b);
                         });
        QObject::connect(m, &QAbstractItemModel::rowsRemoved, m,
                         [this](const QModelIndex &, int a, int b) {
                             log << QStringLiteral("removed %1-%2").arg(a).arg(b);
                         });
        QObject::connect(m, &QAbstractItemModel::dataChanged, m,
                         [this](const QModelIndex &a, const QModelIndex &b) {
                             log << QStringLiteral("changed %1-%2").arg(a.row()).arg(b.row());
                         });
        QObject::connect(m, &MemberListModel::countChanged, m, [this](int n) { counts << n; });
    }
    QStringList take() { return std::exchange(log, {}); }
    QStringList log;
    QList<int> counts;
};

} // namespace

class TestMemberListModel : public QObject
{
    Q_OBJECT
private slots:
    void emptyAndDetached()
    {
        MemberListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.count(), 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
        QVERIFY(!model.data(model.index(0), Qt::DisplayRole).isValid());
        model.setMembers(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void resetsAddsRemovesUpdates()
    {
        Members members;
        members.setMyId(S("2"));
        MemberListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelLog log(&model);
        model.setMembers(&members);
        QCOMPARE(log.take(), (QStringList{S("aboutToReset"), S("reset")}));
        QCOMPARE(model.rowCount(), 0);

        members.reset({member(S("1"), S("Ann")), member(S("2"), S("Bob")), member(S("3"))});
        QCOMPARE(log.take(), (QStringList{S("aboutToReset"), S("reset")}));
        QCOMPARE(ids(model), (QStringList{S("1"), S("2"), S("3")}));
        QCOMPARE(model.count(), 3);
        QCOMPARE(log.counts.last(), 3);

        QVERIFY(members.add(member(S("4"), S("Dee"))));
        QCOMPARE(log.take(), (QStringList{S("aboutToInsert 3-3"), S("inserted 3-3")}));
        QCOMPARE(ids(model), (QStringList{S("1"), S("2"), S("3"), S("4")}));
        QCOMPARE(log.counts.last(), 4);

        // Duplicate add with the same info: nothing at all.
        QVERIFY(!members.add(member(S("4"), S("Dee"))));
        QVERIFY(log.take().isEmpty());
        // Duplicate add with new info: an update of that row, no new row.
        QVERIFY(!members.add(member(S("4"), S("Dee Dee"))));
        QCOMPARE(log.take(), QStringList{S("changed 3-3")});
        QCOMPARE(model.data(model.index(3), Qt::DisplayRole).toString(), S("Dee Dee"));
        QCOMPARE(model.rowCount(), 4);

        // Remove from the middle: indexes of later rows shift.
        QVERIFY(members.remove(S("2")));
        QCOMPARE(log.take(), (QStringList{S("aboutToRemove 1-1"), S("removed 1-1")}));
        QCOMPARE(ids(model), (QStringList{S("1"), S("3"), S("4")}));
        QCOMPARE(members.indexOf(S("4")), 2);
        QCOMPARE(log.counts.last(), 3);
        QVERIFY(!members.remove(S("2")));
        QVERIFY(!members.remove(S("nobody")));
        QVERIFY(log.take().isEmpty());

        QVERIFY(members.remove(S("1")));
        QVERIFY(members.remove(S("4")));
        QCOMPARE(ids(model), QStringList{S("3")});
        log.take();

        // Re-adding a removed member appends it.
        QVERIFY(members.add(member(S("1"), S("Ann"))));
        QCOMPARE(ids(model), (QStringList{S("3"), S("1")}));
        QCOMPARE(members.indexOf(S("1")), 1);
        log.take();

        // Clear (connection dropped) is a reset to empty; a second clear is silent.
        members.clear();
        QCOMPARE(log.take(), (QStringList{S("aboutToReset"), S("reset")}));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(log.counts.last(), 0);
        members.clear();
        QVERIFY(log.take().isEmpty());

        // A rebuild with duplicate ids keeps the first.
        members.reset({member(S("a"), S("first")), member(S("b")), member(S("a"), S("second"))});
        QCOMPARE(ids(model), (QStringList{S("a"), S("b")}));
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), S("first"));
    }

    void memberCountIsBounded()
    {
        Members members;
        MemberListModel model;
        // The tester walks the whole model after every change: O(n²) for 10,000 single adds,
        // so it watches the resets and the edges only.
        auto tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMembers(&members);
        QSignalSpy truncated(&members, &Members::truncatedChanged);
        QList<Member> many;
        for (int i = 0; i < Members::MaxMembers + 50; ++i)
            many << member(QString::number(i));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("left out")));
        members.reset(many);
        QCOMPARE(members.count(), Members::MaxMembers);
        QCOMPARE(model.rowCount(), Members::MaxMembers);
        QVERIFY(members.isTruncated());
        QCOMPARE(truncated.size(), 1);
        // The server's order decides who is kept: the first ones.
        QVERIFY(members.get(QString::number(Members::MaxMembers - 1)));
        QVERIFY(!members.get(QString::number(Members::MaxMembers)));
        QVERIFY(!members.add(member(S("late"))));
        QCOMPARE(members.count(), Members::MaxMembers);
        // Room again after a leave, but the list stays marked incomplete until the next rebuild.
        QVERIFY(members.remove(S("0")));
        QVERIFY(members.add(member(S("late"))));
        QVERIFY(members.isTruncated());
        members.reset({member(S("a"))});
        QVERIFY(!members.isTruncated());
        QCOMPARE(truncated.size(), 2);
        // One by one the same: added members stop at the cap, with one warning.
        tester.reset();
        for (int i = 1; i < Members::MaxMembers - 1; ++i)
            QVERIFY(members.add(member(QString::number(i))));
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(members.add(member(QString::number(Members::MaxMembers - 1))));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("left out")));
        QVERIFY(!members.add(member(S("one too many"))));
        QVERIFY(!members.add(member(S("two too many"))));
        QCOMPARE(members.count(), Members::MaxMembers);
        QVERIFY(members.isTruncated());
        QCOMPARE(truncated.size(), 3);
    }

    void displayNameLengthIsBounded()
    {
        Members members;
        const QString huge(1 << 20, u'n');
        const QString longId(5000, u'i');
        // 198 ASCII characters, then emoji: a cut at 199 would split a surrogate pair.
        const QString emoji = QString(198, u'a') + QString::fromUtf8("\U0001F600").repeated(10);
        members.reset({member(S("big"), huge), member(longId), member(S("e"), emoji),
                       member(S("short"), S("Ann"))});
        MemberListModel model;
        model.setMembers(&members);
        const QString big = model.data(model.index(0), MemberListModel::NameRole).toString();
        QVERIFY2(big.size() <= MemberListModel::MaxNameLength,
                 qPrintable(QString::number(big.size())));
        QVERIFY(big.startsWith(QString(100, u'n')));
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), big);
        const QString id = model.data(model.index(1), Qt::DisplayRole).toString();
        QVERIFY(id.size() <= MemberListModel::MaxNameLength);
        QCOMPARE(model.data(model.index(1), MemberListModel::IdRole).toString(), longId);
        const QString e = model.data(model.index(2), MemberListModel::NameRole).toString();
        QVERIFY(e.size() <= MemberListModel::MaxNameLength);
        QVERIFY(!e.isEmpty());
        for (qsizetype i = 0; i < e.size(); ++i) {
            if (e.at(i).isHighSurrogate())
                QVERIFY(i + 1 < e.size() && e.at(i + 1).isLowSurrogate());
        }
        QCOMPARE(model.data(model.index(3), MemberListModel::NameRole).toString(), S("Ann"));
    }

    void roles()
    {
        Members members;
        members.setMyId(S("me"));
        members.reset({member(S("me"), S("Myself")),
                       member(S("42")),
                       {S("x"), QJsonObject{{S("name"), S("")}, {S("avatar"), S("a.png")}}}});
        MemberListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMembers(&members);
        const QModelIndex me = model.index(0);
        const QModelIndex anon = model.index(1);
        const QModelIndex x = model.index(2);
        QCOMPARE(model.data(me, Qt::DisplayRole).toString(), S("Myself"));
        QCOMPARE(model.data(me, MemberListModel::NameRole).toString(), S("Myself"));
        QCOMPARE(model.data(me, MemberListModel::IdRole).toString(), S("me"));
        QCOMPARE(model.data(me, MemberListModel::IsMeRole).toBool(), true);
        QCOMPARE(model.data(anon, MemberListModel::IsMeRole).toBool(), false);
        // The display name falls back to the id (no name, or an empty one).
        QCOMPARE(model.data(anon, Qt::DisplayRole).toString(), S("42"));
        QCOMPARE(model.data(anon, MemberListModel::NameRole).toString(), S("42"));
        QCOMPARE(model.data(x, Qt::DisplayRole).toString(), S("x"));
        const QVariantMap info = model.data(x, MemberListModel::InfoRole).toMap();
        QCOMPARE(info.value(S("avatar")).toString(), S("a.png"));
        QVERIFY(!model.data(me, Qt::DecorationRole).isValid());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
        QVERIFY(!model.data(model.index(3), Qt::DisplayRole).isValid());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
        QVERIFY(!model.data(QModelIndex(), Qt::DisplayRole).isValid());

        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.value(MemberListModel::IdRole), QByteArray("memberId"));
        QCOMPARE(names.value(MemberListModel::NameRole), QByteArray("name"));
        QCOMPARE(names.value(MemberListModel::InfoRole), QByteArray("info"));
        QCOMPARE(names.value(MemberListModel::IsMeRole), QByteArray("isMe"));
        QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));

        // IsMe follows the id we are told (set before the rebuild that follows an auth).
        members.setMyId(S("42"));
        QCOMPARE(model.data(anon, MemberListModel::IsMeRole).toBool(), true);
        QCOMPARE(model.data(me, MemberListModel::IsMeRole).toBool(), false);
    }

    void switchingAndDetaching()
    {
        Members a;
        a.reset({member(S("1")), member(S("2"))});
        Members b;
        b.reset({member(S("9"))});
        MemberListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelLog log(&model);
        model.setMembers(&a);
        QCOMPARE(model.rowCount(), 2);
        model.setMembers(&b);
        QCOMPARE(ids(model), QStringList{S("9")});
        QCOMPARE(log.counts, (QList<int>{2, 1}));
        // The old members no longer drive the model.
        log.take();
        a.add(member(S("3")));
        a.remove(S("1"));
        a.clear();
        QVERIFY(log.take().isEmpty());
        QCOMPARE(model.rowCount(), 1);
        // Detach.
        model.setMembers(nullptr);
        QCOMPARE(model.rowCount(), 0);
        log.take();
        b.add(member(S("10")));
        QVERIFY(log.take().isEmpty());
        QCOMPARE(model.rowCount(), 0);
        // Attaching the same object twice does not double the connections.
        model.setMembers(&b);
        model.setMembers(&b);
        log.take();
        b.add(member(S("11")));
        QCOMPARE(log.take(), (QStringList{S("aboutToInsert 2-2"), S("inserted 2-2")}));
    }

    void membersDestroyed()
    {
        auto members = std::make_unique<Members>();
        members->reset({member(S("1")), member(S("2")), member(S("3"))});
        MemberListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMembers(members.get());
        // A view holding an index into the model.
        QPersistentModelIndex held(model.index(2));
        QVERIFY(held.isValid());
        // The row count must not drop behind the model's back: until the reset is announced,
        // the model still reports the old rows.
        QList<int> rowsSeen; // rowCount() at each aboutToBeReset and each reset
        QObject::connect(&model, &QAbstractItemModel::modelAboutToBeReset, &model,
                         [&] { rowsSeen << model.rowCount(); });
        QObject::connect(&model, &QAbstractItemModel::modelReset, &model,
                         [&] { rowsSeen << model.rowCount(); });
        members.reset();
        QVERIFY(rowsSeen.size() >= 2);
        QCOMPARE(rowsSeen.first(), 3);
        for (int i = 2; i < rowsSeen.size(); i += 2)
            QCOMPARE(rowsSeen.at(i), rowsSeen.at(i - 1)); // nothing changed between resets
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!held.isValid());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
        QVERIFY(!model.data(model.index(0), Qt::DisplayRole).isValid());
        // The model is usable again afterwards.
        Members other;
        other.reset({member(S("z"))});
        model.setMembers(&other);
        QCOMPARE(ids(model), QStringList{S("z")});
    }

    void manyChangesUnderTheTester()
    {
        Members members;
        MemberListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMembers(&members);
        // A deterministic churn of adds, removes, updates and rebuilds.
        quint32 seed = 7;
        auto next = [&seed](quint32 bound) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) % bound;
        };
        for (int i = 0; i < 2000; ++i) {
            const QString id = QString::number(next(40));
            switch (next(10)) {
            case 0:
                if (next(4) == 0) {
                    QList<Member> list;
                    for (quint32 k = 0, n = next(10); k < n; ++k)
                        list << member(QString::number(next(40)));
                    members.reset(list);
                }
                break;
            case 1:
            case 2:
            case 3:
                members.remove(id);
                break;
            case 4:
                members.add(member(id, QStringLiteral("n%1").arg(next(3))));
                break;
            default:
                members.add(member(id));
                break;
            }
            QCOMPARE(model.rowCount(), members.count());
            for (int row = 0; row < members.count(); ++row)
                QCOMPARE(members.indexOf(members.at(row).id), row);
        }
        QCOMPARE(ids(model).size(), members.count());
    }
};

QTEST_GUILESS_MAIN(TestMemberListModel)
#include "tst_memberlistmodel.moc"
