// NotificationText: markup escaping for servers with body-markup, truncation at word boundaries
// that never splits a surrogate pair.
#include "desktop/NotificationText.h"

#include <QTest>

namespace Text = natter::desktop::NotificationText;

class TestNotificationText : public QObject
{
    Q_OBJECT

private slots:
    void escapesMarkup()
    {
        QCOMPARE(
            Text::escapeMarkup(QStringLiteral("<b>x</b> & <a href=\"u\">y</a>")),
            QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href=&quot;u&quot;&gt;y&lt;/a&gt;"));
        QCOMPARE(Text::escapeMarkup(QStringLiteral("plain")), QStringLiteral("plain"));
    }

    void shortTextIsUntouched()
    {
        QCOMPARE(Text::truncate(QStringLiteral("hello"), 5), QStringLiteral("hello"));
        QCOMPARE(Text::truncate(QStringLiteral("hello"), 0), QString());
    }

    void cutsAtAWordBoundaryWithAnEllipsis()
    {
        const QString text = QStringLiteral("the quick brown fox jumps over the lazy dog");
        const QString cut = Text::truncate(text, 20);
        QVERIFY(cut.size() <= 20);
        QCOMPARE(cut, QStringLiteral("the quick brown fox") + QChar(0x2026));
    }

    void longWordIsCutHard()
    {
        const QString cut = Text::truncate(QString(50, QLatin1Char('a')), 10);
        QCOMPARE(cut.size(), 10);
        QVERIFY(cut.endsWith(QChar(0x2026)));
    }

    void neverSplitsASurrogatePair()
    {
        // U+1F600 is two UTF-16 units; a cut between them would leave a lone surrogate.
        const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80");
        const QString text = QString(8, QLatin1Char('a')) + emoji + QStringLiteral("bbbb");
        const QString cut = Text::truncate(text, 10);
        QVERIFY(cut.size() <= 10);
        for (int i = 0; i < cut.size(); ++i) {
            if (cut.at(i).isHighSurrogate())
                QVERIFY(i + 1 < cut.size() && cut.at(i + 1).isLowSurrogate());
        }
    }

    void singleLineCollapsesBreaks()
    {
        QCOMPARE(Text::singleLine(QStringLiteral(" a\n\nb\tc ")), QStringLiteral("a b c"));
    }
};

QTEST_GUILESS_MAIN(TestNotificationText)
#include "tst_notificationtext.moc"
