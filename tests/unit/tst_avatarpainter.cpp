// AvatarPainter (issue 12): the window's initials avatars are painted once per person, size and
// theme and then come from its cache, which stays bounded; the disc has the sender's colour and
// readable initials; the presence dot is green, grey when offline.
#include "AvatarPainter.h"
#include "ThemeColors.h"

#include <desktop/InitialsAvatar.h>

#include <QPainter>
#include <QTest>

using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::Text, QColor(230, 230, 230));
    p.setColor(QPalette::Window, QColor(40, 40, 40));
    return p;
}

} // namespace

class TestAvatarPainter : public QObject
{
    Q_OBJECT

private slots:
    void paintedOnceThenCached()
    {
        AvatarPainter avatars;
        const QPalette pal;
        const QPixmap first = avatars.pixmap(S("bob"), S("Bob"), pal, 32);
        QCOMPARE(avatars.paintCount(), 1);
        for (int i = 0; i < 100; ++i) {
            const QPixmap again = avatars.pixmap(S("bob"), S("Bob"), pal, 32);
            QCOMPARE(again.cacheKey(), first.cacheKey());
        }
        QCOMPARE(avatars.paintCount(), 1);
        QCOMPARE(avatars.cachedCount(), 1);
        // Another size, device pixel ratio, presence or theme is another picture.
        avatars.pixmap(S("bob"), S("Bob"), pal, 40);
        avatars.pixmap(S("bob"), S("Bob"), pal, 32, 2.0);
        avatars.pixmap(S("bob"), S("Bob"), pal, 32, 1.0, AvatarPainter::Presence::Online);
        avatars.pixmap(S("bob"), S("Bob"), darkPalette(), 32);
        QCOMPARE(avatars.paintCount(), 5);
        // A new name (new initials, perhaps) is a new picture.
        avatars.pixmap(S("bob"), S("Robert"), pal, 32);
        QCOMPARE(avatars.paintCount(), 6);
        avatars.clear();
        QCOMPARE(avatars.cachedCount(), 0);
        avatars.pixmap(S("bob"), S("Bob"), pal, 32);
        QCOMPARE(avatars.paintCount(), 7);
    }

    void cacheIsBounded()
    {
        AvatarPainter avatars;
        const QPalette pal;
        for (int i = 0; i < AvatarPainter::MaxCached * 3; ++i)
            avatars.pixmap(S("user-%1").arg(i), S("User %1").arg(i), pal, 24);
        QCOMPARE(avatars.cachedCount(), AvatarPainter::MaxCached);
        QCOMPARE(avatars.paintCount(), AvatarPainter::MaxCached * 3);
        // The most recent are kept, the oldest went first.
        const int before = avatars.paintCount();
        const int last = AvatarPainter::MaxCached * 3 - 1;
        avatars.pixmap(S("user-%1").arg(last), S("User %1").arg(last), pal, 24);
        QCOMPARE(avatars.paintCount(), before);
        avatars.pixmap(S("user-0"), S("User 0"), pal, 24);
        QCOMPARE(avatars.paintCount(), before + 1);
    }

    void discInSenderColourWithReadableInitials_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void discInSenderColourWithReadableInitials()
    {
        QFETCH(bool, dark);
        const QPalette pal = dark ? darkPalette() : QPalette();
        AvatarPainter avatars;
        for (const QString &id : {S("alice"), S("bob"), S("dave"), S("user-42")}) {
            const QImage image = avatars.pixmap(id, id, pal, 48).toImage();
            QCOMPARE(image.size(), QSize(48, 48));
            const QColor disc = ThemeColors::senderColor(pal, id);
            // Left of centre, inside the disc and clear of the initials.
            QCOMPARE(image.pixelColor(5, 24).rgb(), disc.rgb());
            QCOMPARE(image.pixelColor(0, 0).alpha(), 0); // outside the disc
            QVERIFY(ThemeColors::contrastRatio(AvatarPainter::inkColor(disc), disc) >= 4.5);
            // The initials are painted (ink pixels in the middle).
            int ink = 0;
            for (int y = 12; y < 36; ++y) {
                for (int x = 12; x < 36; ++x)
                    ink += image.pixelColor(x, y).rgb() == AvatarPainter::inkColor(disc).rgb();
            }
            QVERIFY2(ink > 10, qPrintable(id));
        }
    }

    void presenceDot()
    {
        AvatarPainter avatars;
        const QPalette pal;
        const int size = 48;
        const QPointF centre = AvatarPainter::presenceDot(size).center();
        const QImage online = avatars
                                  .pixmap(S("bob"), S("Bob"), pal, size, 1.0,
                                          AvatarPainter::Presence::Online)
                                  .toImage();
        QCOMPARE(online.pixelColor(centre.toPoint()).rgb(),
                 AvatarPainter::presenceColor(pal, AvatarPainter::Presence::Online).rgb());
        const QImage offline = avatars
                                   .pixmap(S("bob"), S("Bob"), pal, size, 1.0,
                                           AvatarPainter::Presence::Offline)
                                   .toImage();
        QCOMPARE(offline.pixelColor(centre.toPoint()).rgb(),
                 AvatarPainter::presenceColor(pal, AvatarPainter::Presence::Offline).rgb());
        const QImage none = avatars.pixmap(S("bob"), S("Bob"), pal, size).toImage();
        QVERIFY(none.pixelColor(centre.toPoint()).rgb()
                != AvatarPainter::presenceColor(pal, AvatarPainter::Presence::Online).rgb());
        QVERIFY(AvatarPainter::presenceColor(pal, AvatarPainter::Presence::Online).hsvSaturation()
                > 100);
    }

    void hiDpiPictureHasPhysicalPixels()
    {
        AvatarPainter avatars;
        const QPixmap p = avatars.pixmap(S("bob"), S("Bob"), QPalette(), 24, 2.0);
        QCOMPARE(p.size(), QSize(48, 48));
        QCOMPARE(p.devicePixelRatio(), 2.0);
        QCOMPARE(p.deviceIndependentSize(), QSizeF(24, 24));
    }
};

QTEST_MAIN(TestAvatarPainter)
#include "tst_avatarpainter.moc"
