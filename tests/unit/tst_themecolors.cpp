// Sender colours (issue 12, defect 12): every colour reads as text on the base colour (WCAG AA,
// 4.5:1) in a light and a dark palette, and the names people see side by side get clearly
// different hues.
#include "ThemeColors.h"

#include <QGuiApplication>
#include <QTest>

using natter::ui::ThemeColors;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(255, 255, 255));
    p.setColor(QPalette::Window, QColor(239, 239, 239));
    p.setColor(QPalette::Text, QColor(0, 0, 0));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2e));
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x38));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return p;
}

int hueDistance(const QColor &a, const QColor &b)
{
    const int d = std::abs(a.toHsl().hslHue() - b.toHsl().hslHue()) % 360;
    return std::min(d, 360 - d);
}

} // namespace

class TestThemeColors : public QObject
{
    Q_OBJECT

private slots:
    void contrastRatioIsWcag()
    {
        QCOMPARE(qRound(ThemeColors::contrastRatio(Qt::black, Qt::white) * 10), 210);
        QCOMPARE(ThemeColors::contrastRatio(Qt::white, Qt::white), 1.0);
        // #777 on white is the classic just-failing grey (4.48:1).
        QVERIFY(ThemeColors::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
        QVERIFY(ThemeColors::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
    }

    void everySenderColourIsReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << darkPalette();
    }
    void everySenderColourIsReadable()
    {
        QFETCH(QPalette, palette);
        const QColor base = palette.color(QPalette::Base);
        const QList<QColor> colors = ThemeColors::senderPalette(palette);
        QVERIFY(colors.size() >= 8);
        for (const QColor &c : colors) {
            const qreal ratio = ThemeColors::contrastRatio(c, base);
            QVERIFY2(ratio >= 4.5,
                     qPrintable(S("%1 on %2: %3:1").arg(c.name(), base.name()).arg(ratio)));
        }
        // Whoever sends, the colour is one of these (and so readable).
        for (int i = 0; i < 300; ++i) {
            const QColor c = ThemeColors::senderColor(palette, S("user-%1").arg(i));
            QVERIFY(ThemeColors::contrastRatio(c, base) >= 4.5);
        }
        // The entries themselves differ in hue.
        for (qsizetype i = 0; i < colors.size(); ++i) {
            for (qsizetype j = i + 1; j < colors.size(); ++j)
                QVERIFY(hueDistance(colors.at(i), colors.at(j)) >= 20);
        }
    }

    void commonNamesGetDistinctHues_data() { everySenderColourIsReadable_data(); }
    void commonNamesGetDistinctHues()
    {
        QFETCH(QPalette, palette);
        const QStringList names{S("alice"), S("bob"), S("carol"), S("dave")};
        int closest = 360;
        for (qsizetype i = 0; i < names.size(); ++i) {
            for (qsizetype j = i + 1; j < names.size(); ++j) {
                const QColor a = ThemeColors::senderColor(palette, names.at(i));
                const QColor b = ThemeColors::senderColor(palette, names.at(j));
                const int d = hueDistance(a, b);
                QVERIFY2(d >= 45,
                         qPrintable(S("%1 %2 and %3 %4: hues %5 degrees apart")
                                        .arg(names.at(i), a.name(), names.at(j), b.name())
                                        .arg(d)));
                closest = std::min(closest, d);
            }
        }
        qInfo("closest hues of alice/bob/carol/dave: %d degrees", closest);
        // Stable: the same id always gets the same colour.
        QCOMPARE(ThemeColors::senderColor(palette, S("alice")),
                 ThemeColors::senderColor(palette, S("alice")));
    }
};

QTEST_MAIN(TestThemeColors)
#include "tst_themecolors.moc"
