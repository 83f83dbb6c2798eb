// Tool tips fed with peer-controlled text (user ids, server error text) show it literally: Qt
// guesses rich text for tool tips, so raw "<b>x</b>" would be bold and "<img src=...>" an image.
#include "MemberProxyModel.h"
#include "PlainToolTip.h"

#include <pusher/MemberListModel.h>
#include <pusher/Members.h>

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTextDocument>

using namespace natter::pusher;
using natter::ui::MemberProxyModel;
using natter::ui::plainToolTip;

namespace {

// What a rich-text tool tip shows, as text.
QString rendered(const QString &toolTip)
{
    QTextDocument document;
    if (Qt::mightBeRichText(toolTip))
        document.setHtml(toolTip);
    else
        document.setPlainText(toolTip);
    return document.toPlainText();
}

} // namespace

class TestPlainToolTip : public QObject
{
    Q_OBJECT
private slots:
    void rendersLiterally_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("bold") << QStringLiteral("<b>x</b>");
        QTest::newRow("image") << QStringLiteral("<img src=\"http://evil.example/track.png\">");
        QTest::newRow("entities") << QStringLiteral("a &amp; b &lt; c");
        QTest::newRow("lines and spaces") << QStringLiteral("two  spaces\n<i>second</i> line");
        QTest::newRow("plain") << QStringLiteral("just text");
    }

    void rendersLiterally()
    {
        QFETCH(QString, text);
        const QString tip = plainToolTip(text);
        // Always rich text, so Qt never guesses; its content is the text, nothing more.
        QVERIFY(Qt::mightBeRichText(tip));
        QCOMPARE(rendered(tip), text);
        QVERIFY(!tip.contains(QLatin1String("<img")));
        QVERIFY(!tip.contains(QLatin1String("<b>")));
    }

    void emptyStaysEmpty() { QVERIFY(plainToolTip(QString()).isEmpty()); }

    void memberToolTipShowsTheIdLiterally_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("bold") << QStringLiteral("<b>x</b>");
        QTest::newRow("image") << QStringLiteral("<img src=http://evil.example/x.png>");
        QTest::newRow("link") << QStringLiteral("<a href='https://evil.example'>admin</a>");
    }

    void memberToolTipShowsTheIdLiterally()
    {
        QFETCH(QString, id);
        Members members;
        members.reset({{id, QJsonObject{{QStringLiteral("name"), QStringLiteral("<b>x</b>")}}},
                       {QStringLiteral("2"), {}}});
        MemberListModel source;
        source.setMembers(&members);
        MemberProxyModel proxy;
        QAbstractItemModelTester tester(&proxy);
        proxy.setSourceModel(&source);
        QModelIndex row;
        for (int i = 0; i < proxy.rowCount(); ++i) {
            if (proxy.index(i, 0).data(MemberListModel::IdRole).toString() == id)
                row = proxy.index(i, 0);
        }
        QVERIFY(row.isValid());
        const QString tip = row.data(Qt::ToolTipRole).toString();
        // The full name (the row may be elided, issue 12), then the id when it differs.
        const QString name = QStringLiteral("<b>x</b>");
        QCOMPARE(rendered(tip), id == name ? id : name + u'\n' + id);
        QVERIFY(Qt::mightBeRichText(tip));
        QVERIFY(!tip.contains(id));
        // The name shows through DisplayRole, which item views draw as plain text.
        QCOMPARE(row.data(Qt::DisplayRole).toString(), QStringLiteral("<b>x</b>"));
    }
};

QTEST_MAIN(TestPlainToolTip)
#include "tst_plaintooltip.moc"
