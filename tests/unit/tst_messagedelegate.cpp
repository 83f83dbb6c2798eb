// MessageDelegate sizes (grouping, day separators, the failed line, wrapping), link hit tests,
// LinkFinder, and MemberProxyModel (order, "(you)") under QAbstractItemModelTester.
#include "LinkFinder.h"
#include "MemberProxyModel.h"
#include "MessageDelegate.h"
#include "MessageView.h"

#include <chat/ChatMessage.h>
#include <chat/MessageListModel.h>
#include <pusher/MemberListModel.h>
#include <pusher/Members.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::MessageListModel;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ChatMessage message(const QString &id, const QString &sender, const QString &text,
                    const QDateTime &at, ChatMessage::State state = ChatMessage::State::Received)
{
    ChatMessage m;
    m.id = id;
    m.room = S("lobby");
    m.senderId = sender;
    m.senderName = sender;
    m.text = text;
    m.sentAt = at;
    m.state = state;
    return m;
}

struct Rig
{
    Rig()
    {
        view.resize(500, 600);
        view.setMessages(&model);
        view.show();
    }
    QStyleOptionViewItem option() const
    {
        QStyleOptionViewItem o;
        o.initFrom(view.viewport());
        o.widget = &view;
        o.font = view.font();
        return o;
    }
    int height(int row) const
    {
        return view.messageDelegate()->sizeHint(option(), model.index(row)).height();
    }

    MessageListModel model;
    MessageView view;
};

} // namespace

class TestMessageDelegate : public QObject
{
    Q_OBJECT

private slots:
    void groupingAndSeparators()
    {
        Rig rig;
        const QDateTime day1 = QDateTime(QDate(2024, 3, 1), QTime(10, 0), Qt::LocalTime).toUTC();
        rig.model.append(message(S("1"), S("bob"), S("first"), day1)); // separator + header
        rig.model.append(message(S("2"), S("bob"), S("second"), day1.addSecs(60))); // grouped
        rig.model.append(message(S("3"), S("carol"), S("third"), day1.addSecs(120))); // header
        rig.model.append(
            message(S("4"), S("carol"), S("next day"), day1.addDays(1))); // separator + header
        QVERIFY(rig.model.index(1).data(MessageListModel::GroupedRole).toBool());
        QVERIFY(!rig.model.index(2).data(MessageListModel::GroupedRole).toBool());
        const int first = rig.height(0), grouped = rig.height(1), header = rig.height(2),
                  nextDay = rig.height(3);
        QVERIFY2(grouped < header, qPrintable(QStringLiteral("%1 %2").arg(grouped).arg(header)));
        QVERIFY(header < first);
        QCOMPARE(nextDay, first);
        QVERIFY(grouped >= rig.view.fontMetrics().height());
    }

    void failedLineAndWrapping()
    {
        Rig rig;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        rig.model.append(message(S("1"), S("me"), S("short"), now, ChatMessage::State::Sent));
        rig.model.append(message(S("2"), S("me"), S("short"), now, ChatMessage::State::Sent));
        const int sent = rig.height(1);
        rig.model.setState(S("2"), ChatMessage::State::Failed, S("refused"));
        QVERIFY(rig.height(1) > sent);
        rig.model.setState(S("2"), ChatMessage::State::Pending);
        QCOMPARE(rig.height(1), sent);

        const QString longText = QString(S("word ")).repeated(200);
        rig.model.append(message(S("3"), S("me"), longText, now));
        const int wide = rig.height(2);
        rig.view.resize(250, 600);
        QVERIFY(rig.height(2) > wide);
        // Explicit line breaks count.
        rig.model.append(message(S("4"), S("me"), S("a\nb\nc"), now));
        rig.model.append(message(S("5"), S("me"), S("a"), now));
        QVERIFY(rig.height(3) >= rig.height(4) + 2 * rig.view.fontMetrics().height() - 2);
    }

    void linkHitTest()
    {
        Rig rig;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        rig.model.append(
            message(S("1"), S("bob"), S("see https://example.com/a?b=c for more"), now));
        QCoreApplication::processEvents();
        const QModelIndex index = rig.view.model()->index(0, 0);
        QStyleOptionViewItem o = rig.option();
        o.rect = rig.view.visualRect(index);
        QUrl found;
        for (int y = o.rect.top(); y < o.rect.bottom() && found.isEmpty(); y += 2) {
            for (int x = o.rect.left(); x < o.rect.right(); x += 3) {
                const auto hit = rig.view.messageDelegate()->hitTest(o, index, QPoint(x, y));
                if (hit.kind == MessageDelegate::HitKind::Link) {
                    found = hit.url;
                    // Clicking it asks to open it.
                    QSignalSpy opened(&rig.view, &MessageView::linkActivated);
                    QTest::mouseClick(rig.view.viewport(), Qt::LeftButton, {}, QPoint(x, y));
                    QCOMPARE(opened.size(), 1);
                    QCOMPARE(opened.at(0).at(0).toUrl(), QUrl(S("https://example.com/a?b=c")));
                    break;
                }
            }
        }
        QCOMPARE(found, QUrl(S("https://example.com/a?b=c")));
    }

    void longHistoryIsWindowed()
    {
        Rig rig;
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-5000);
        for (int i = 0; i < 1200; ++i)
            rig.model.append(message(QString::number(i), i % 3 ? S("bob") : S("carol"),
                                     S("line %1").arg(i), t0.addSecs(i)));
        QCoreApplication::processEvents();
        QAbstractItemModel *shown = rig.view.model();
        QVERIFY2(shown->rowCount() < 800, qPrintable(QString::number(shown->rowCount())));
        QCOMPARE(shown->index(shown->rowCount() - 1, 0).data(MessageListModel::TextRole).toString(),
                 S("line 1199"));
        QScrollBar *bar = rig.view.verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        // Scrolling to the top shows older messages, and what was at the top stays in view.
        const int before = shown->rowCount();
        const QString topText = shown->index(0, 0).data(MessageListModel::TextRole).toString();
        bar->setValue(0);
        QCoreApplication::processEvents();
        QCOMPARE(shown->rowCount(), before + 200);
        QVERIFY(bar->value() > 0);
        const QModelIndex top = rig.view.indexAt(QPoint(10, 10));
        QVERIFY(qAbs(top.row() - 200) <= 1);
        QCOMPARE(shown->index(200, 0).data(MessageListModel::TextRole).toString(), topText);
        // While reading, new messages do not trim the window.
        for (int i = 1200; i < 1600; ++i)
            rig.model.append(
                message(QString::number(i), S("bob"), S("line %1").arg(i), t0.addSecs(i)));
        QCOMPARE(shown->rowCount(), before + 200 + 400);
        rig.view.scrollToNewest();
        rig.model.append(message(S("last"), S("bob"), S("last"), t0.addSecs(2000)));
        QVERIFY(shown->rowCount() < before + 600);
    }

    void linkFinder_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("urls");
        QTest::newRow("none") << S("no links here") << QStringList{};
        QTest::newRow("plain") << S("go to https://qt.io now") << QStringList{S("https://qt.io")};
        QTest::newRow("trailing dot")
            << S("see http://a.org/x.") << QStringList{S("http://a.org/x")};
        QTest::newRow("in parens")
            << S("(https://a.org/wiki/X_(y)) ok") << QStringList{S("https://a.org/wiki/X_(y)")};
        QTest::newRow("www") << S("www.example.com, then")
                             << QStringList{S("https://www.example.com")};
        QTest::newRow("two") << S("https://a.b/1 https://c.d/2")
                             << QStringList{S("https://a.b/1"), S("https://c.d/2")};
        QTest::newRow("not javascript") << S("javascript:alert(1)") << QStringList{};
        QTest::newRow("markup stays out")
            << S("<a href=\"https://x.y/\">z</a>") << QStringList{S("https://x.y/")};
    }

    void linkFinder()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, urls);
        QStringList found;
        for (const LinkFinder::Link &l : LinkFinder::find(text)) {
            found << l.url.toString();
            QVERIFY(l.start >= 0 && l.start + l.length <= text.size());
        }
        QCOMPARE(found, urls);
    }

    void linkFinderIsLinear_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("urls");
        const int n = 100000;
        const QStringList one{S("https://a.org/x")};
        QTest::newRow("100k )") << S("https://a.org/x") + QString(n, u')') << one;
        QTest::newRow("100k ]") << S("https://a.org/x") + QString(n, u']') << one;
        QTest::newRow("100k .") << S("https://a.org/x") + QString(n, u'.') << one;
        QTest::newRow("100k :") << S("https://a.org/x") + QString(n, u':') << one;
        QTest::newRow("100k ).") << S("https://a.org/x") + S(").").repeated(n / 2) << one;
        // Balanced brackets stay part of the link, up to LinkFinder's length limit.
        const QString balanced = S("https://a.org/x") + QString(4000, u'(') + QString(4000, u')');
        QTest::newRow("8k balanced") << balanced << QStringList{balanced};
        QTest::newRow("100k ( then )")
            << S("https://a.org/x") + QString(n / 2, u'(') + QString(n / 2, u')') << QStringList{};
        QTest::newRow("100k links")
            << S("https://a.b/ ").repeated(n / 12) + S("x") << QStringList();
        QTest::newRow("1 MB word") << QString(1 << 20, u'a') << QStringList{};
        QTest::newRow("1 MB word after http")
            << S("http ") + QString(1 << 20, u'a') << QStringList{};
        QTest::newRow("1 MB link") << S("https://a.org/") + QString(1 << 20, u'a') << QStringList{};
        QTest::newRow("1 MB host") << S("https://") + QString(1 << 20, u'a') << QStringList{};
        QTest::newRow("http: repeated") << S("http:").repeated(n / 5) << QStringList{};
        QTest::newRow("www. repeated") << S("www.").repeated(n / 4) << QStringList{};
    }

    void linkFinderIsLinear()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, urls);
        QElapsedTimer timer;
        timer.start();
        const QList<LinkFinder::Link> links = LinkFinder::find(text);
        const qint64 ms = timer.elapsed();
        qInfo("%lld ms for %lld characters", ms, qlonglong(text.size()));
        // Generous for a loaded machine: the linear scan takes a few ms, the quadratic one
        // seconds to minutes.
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        if (qstrcmp(QTest::currentDataTag(), "100k links") == 0) {
            QCOMPARE(links.size(), 100000 / 12);
            return;
        }
        QStringList found;
        for (const LinkFinder::Link &l : links) {
            found << l.url.toString();
            QVERIFY(l.start >= 0 && l.start + l.length <= text.size());
        }
        QCOMPARE(found, urls);
    }

    void heightCacheIsBounded()
    {
        Rig rig;
        rig.view.hide(); // only the delegate's own cache matters here
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-100000);
        const int n = MessageDelegate::MaxCachedHeights + 2000;
        for (int i = 0; i < n; ++i)
            rig.model.append(
                message(QString::number(i), S("bob"), S("hi %1").arg(i), t0.addSecs(i)));
        const QStyleOptionViewItem o = rig.option();
        MessageDelegate *delegate = rig.view.messageDelegate();
        const int first = delegate->sizeHint(o, rig.model.index(0)).height();
        for (int i = 0; i < n; ++i)
            QVERIFY(delegate->sizeHint(o, rig.model.index(i)).height() > 0);
        QVERIFY2(delegate->cachedHeightCount() <= MessageDelegate::MaxCachedHeights,
                 qPrintable(QString::number(delegate->cachedHeightCount())));
        // Still right after eviction: the first row is measured again, the same.
        QCOMPARE(delegate->sizeHint(o, rig.model.index(0)).height(), first);
    }

    void memberProxy()
    {
        natter::pusher::Members members;
        natter::pusher::MemberListModel source;
        MemberProxyModel proxy;
        QAbstractItemModelTester tester(&proxy);
        proxy.setSourceModel(&source);
        source.setMembers(&members);
        members.setMyId(S("m"));
        members.reset({{S("z"), QJsonObject{{S("name"), S("zed")}}},
                       {S("m"), QJsonObject{{S("name"), S("Me")}}},
                       {S("a"), QJsonObject{{S("name"), S("Anna")}}},
                       {S("b"), QJsonObject{}}});
        QStringList names;
        for (int i = 0; i < proxy.rowCount(); ++i)
            names << proxy.index(i, 0).data().toString();
        // You pinned first (issue 12), then by name.
        QCOMPARE(names, (QStringList{S("Me (you)"), S("Anna"), S("b"), S("zed")}));
        members.add({S("c"), QJsonObject{{S("name"), S("carl")}}});
        QCOMPARE(proxy.index(3, 0).data().toString(), S("carl"));
        members.remove(S("a"));
        QCOMPARE(proxy.rowCount(), 4);
        QCOMPARE(proxy.index(0, 0).data().toString(), S("Me (you)"));
        QCOMPARE(proxy.index(1, 0).data().toString(), S("b"));
    }
};

QTEST_MAIN(TestMessageDelegate)
#include "tst_messagedelegate.moc"
