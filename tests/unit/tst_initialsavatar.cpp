// InitialsAvatar: the picture sent with every notification. Initials from the name, a colour
// that only depends on the sender's id (the same in every run and process), the requested size,
// and the initials actually painted.
#include "desktop/InitialsAvatar.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

using natter::desktop::InitialsAvatar;

class TestInitialsAvatar : public QObject
{
    Q_OBJECT

private slots:
    void initials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("initials");
        QTest::newRow("one word") << QStringLiteral("bob") << QStringLiteral("B");
        QTest::newRow("first and last")
            << QStringLiteral("Ada King Lovelace") << QStringLiteral("AL");
        QTest::newRow("extra spaces")
            << QStringLiteral("  ada   lovelace ") << QStringLiteral("AL");
        QTest::newRow("punctuation skipped") << QStringLiteral("(pj) _x") << QStringLiteral("PX");
        QTest::newRow("digits") << QStringLiteral("r2d2") << QStringLiteral("R");
        QTest::newRow("no letters") << QStringLiteral("-- !!") << QStringLiteral("?");
        QTest::newRow("empty") << QString() << QStringLiteral("?");
        QTest::newRow("non-latin") << QStringLiteral("élodie Ωmega") << QStringLiteral("ÉΩ");
        // U+1D400 MATHEMATICAL BOLD CAPITAL A: a letter outside the BMP stays a whole pair.
        QTest::newRow("surrogate pair")
            << QString::fromUtf8("\xF0\x9D\x90\x80x") << QString::fromUtf8("\xF0\x9D\x90\x80");
    }

    void initials()
    {
        QFETCH(QString, name);
        QFETCH(QString, initials);
        QCOMPARE(InitialsAvatar::initialsFor(name), initials);
    }

    void colourDependsOnTheIdOnly()
    {
        // The hue is the first two bytes of the id's MD5 modulo 360, the message list's rule:
        // computed here from the hash, not hard-coded, so a seeded hash (qHash) would fail.
        for (const QString &id :
             {QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("user-42")}) {
            const QByteArray md5 = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Md5);
            QCOMPARE(InitialsAvatar::hueFor(id), (quint8(md5.at(0)) << 8 | quint8(md5.at(1))) % 360);
            QCOMPARE(InitialsAvatar::colorFor(id), InitialsAvatar::colorFor(QString(id)));
            QCOMPARE(InitialsAvatar::colorFor(id).hslHue(), InitialsAvatar::hueFor(id));
        }
        QSet<int> hues;
        for (int i = 0; i < 20; ++i)
            hues.insert(InitialsAvatar::hueFor(QStringLiteral("user-%1").arg(i)));
        QVERIFY2(hues.size() >= 10, "ids should spread over the hues");
        // Same name, different ids: told apart by colour.
        const QImage a = InitialsAvatar::paint(QStringLiteral("bob-1"), QStringLiteral("Bob"));
        const QImage b = InitialsAvatar::paint(QStringLiteral("bob-2"), QStringLiteral("Bob"));
        QVERIFY(a != b);
    }

    void sizeAndShape()
    {
        for (int size : {16, 48, InitialsAvatar::DefaultSize}) {
            const QImage image = InitialsAvatar::paint(QStringLiteral("bob"), QStringLiteral("Bob"),
                                                       size);
            QCOMPARE(image.size(), QSize(size, size));
            QVERIFY(image.hasAlphaChannel());
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0); // outside the disc
            QCOMPARE(qAlpha(image.pixel(size - 1, size - 1)), 0);
            // Inside the disc, above the text: the sender's colour.
            QCOMPARE(QColor(image.pixel(size / 2, size / 10 + 1)).rgb(),
                     InitialsAvatar::colorFor(QStringLiteral("bob")).rgb());
        }
        QCOMPARE(InitialsAvatar::paint(QStringLiteral("x"), QStringLiteral("X")).size(),
                 QSize(InitialsAvatar::DefaultSize, InitialsAvatar::DefaultSize));
    }

    void initialsArePainted()
    {
        const QImage image = InitialsAvatar::paint(QStringLiteral("bob"), QStringLiteral("Bob"));
        int white = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                white += QColor(image.pixel(x, y)) == QColor(Qt::white) ? 1 : 0;
        }
        QVERIFY2(white > 20, qPrintable(QStringLiteral("%1 white pixels").arg(white)));
        // Other initials, other pixels (same colour: same id).
        QVERIFY(image != InitialsAvatar::paint(QStringLiteral("bob"), QStringLiteral("Zed")));
    }
};

QTEST_MAIN(TestInitialsAvatar)
#include "tst_initialsavatar.moc"
