#include "AvatarPainter.h"

#include "ThemeColors.h"

#include <desktop/InitialsAvatar.h>

#include <QPainter>

namespace natter::ui {

using natter::desktop::InitialsAvatar;

AvatarPainter::AvatarPainter()
{
    m_cache.setMaxCost(MaxCached);
}

QColor AvatarPainter::discColor(const QPalette &palette, const QString &userId)
{
    return ThemeColors::senderColor(palette, userId);
}

QColor AvatarPainter::inkColor(const QColor &disc)
{
    const QColor white(Qt::white);
    const QColor black(Qt::black);
    return ThemeColors::contrastRatio(disc, white) >= ThemeColors::contrastRatio(disc, black)
        ? white
        : black;
}

QColor AvatarPainter::presenceColor(const QPalette &palette, Presence presence)
{
    if (presence == Presence::Offline)
        return ThemeColors::dimText(palette);
    // Green, at the lightness that stands out from the theme's base.
    return QColor::fromHslF(140 / 360.0f, 0.65f, ThemeColors::isDark(palette) ? 0.55f : 0.40f);
}

QRectF AvatarPainter::presenceDot(qreal size)
{
    const qreal d = qMax(6.0, size * 0.36);
    return {size - d, size - d, d, d};
}

QPixmap AvatarPainter::pixmap(const QString &userId, const QString &name, const QPalette &palette,
                              int size, qreal devicePixelRatio, Presence presence) const
{
    // Rows are painted on every scroll step and while messages stream in: a hit costs a hash,
    // no colour search (senderColor) and no initials.
    const QColor base = palette.color(QPalette::Base);
    const Key key{userId, name, size, devicePixelRatio, base.rgba(), presence};
    if (const QPixmap *known = m_cache.object(key))
        return *known;
    const QColor disc = discColor(palette, userId);

    const int physical = qMax(1, qRound(size * devicePixelRatio));
    QImage image = InitialsAvatar::paint(name, disc, inkColor(disc), physical);
    if (presence != Presence::None) {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF dot = presenceDot(physical);
        // A ring of the background colour keeps the dot apart from the disc.
        const qreal ring = qMax(1.0, physical / 16.0);
        p.setPen(Qt::NoPen);
        p.setBrush(base);
        p.drawEllipse(dot);
        p.setBrush(presenceColor(palette, presence));
        p.drawEllipse(dot.adjusted(ring, ring, -ring, -ring));
    }
    auto *picture = new QPixmap(QPixmap::fromImage(image));
    picture->setDevicePixelRatio(devicePixelRatio);
    ++m_paints;
    const QPixmap result = *picture;
    m_cache.insert(key, picture);
    return result;
}

void AvatarPainter::draw(QPainter *painter, const QRect &rect, const QString &userId,
                         const QString &name, const QPalette &palette, Presence presence) const
{
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(
        rect.topLeft(),
        pixmap(userId, name, palette, qMin(rect.width(), rect.height()), dpr, presence));
}

void AvatarPainter::clear()
{
    m_cache.clear();
}

} // namespace natter::ui
