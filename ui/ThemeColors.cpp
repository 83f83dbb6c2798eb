#include "ThemeColors.h"

#include <QCryptographicHash>
#include <QWidget>

#include <cmath>
#include <iterator>

namespace natter::ui {

QColor ThemeColors::mix(const QColor &a, const QColor &b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(
        float(x.redF() * (1 - t) + y.redF() * t), float(x.greenF() * (1 - t) + y.greenF() * t),
        float(x.blueF() * (1 - t) + y.blueF() * t), float(x.alphaF() * (1 - t) + y.alphaF() * t));
}

bool ThemeColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor ThemeColors::dimText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.42);
}

namespace {

// A colour of the given hue whose lightness sits at the text colour's side of the base: dark
// text on light themes, light text on dark ones.
QColor accent(const QPalette &palette, int hue, qreal saturation)
{
    const bool dark = ThemeColors::isDark(palette);
    const qreal lightness = dark ? 0.70 : 0.36;
    return QColor::fromHslF(float(hue / 360.0), float(saturation), float(lightness));
}

} // namespace

QColor ThemeColors::error(const QPalette &palette)
{
    return accent(palette, 2, 0.70);
}

QColor ThemeColors::warningBackground(const QPalette &palette)
{
    const QColor yellow = QColor::fromHslF(45 / 360.0f, 0.9f, isDark(palette) ? 0.35f : 0.6f);
    return mix(palette.color(QPalette::Window), yellow, 0.30);
}

QColor ThemeColors::ownBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.09);
}

namespace {

// Ten hues, spread where the eye tells them apart best (more of them in the greens and blues
// than an even split would give), in an order that keeps common neighbours apart.
constexpr int kSenderHues[] = {50, 95, 145, 180, 205, 235, 275, 315, 0, 28};

qreal channel(qreal c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

qreal luminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// The hue at the first lightness, going away from the base, that reads as text on it.
QColor readableHue(const QColor &base, bool dark, int hue)
{
    const qreal target = ThemeColors::MinTextContrast + 0.1;
    QColor color;
    for (int step = 0; step <= 60; ++step) {
        const qreal lightness = dark ? 0.55 + step * 0.0075 : 0.45 - step * 0.0075;
        color = QColor::fromHslF(float(hue / 360.0), 0.70f, float(qBound(0.0, lightness, 1.0)));
        if (ThemeColors::contrastRatio(color, base) >= target)
            break;
    }
    return color;
}

} // namespace

qreal ThemeColors::contrastRatio(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QList<QColor> ThemeColors::senderPalette(const QPalette &palette)
{
    QList<QColor> colors;
    for (int hue : kSenderHues)
        colors.append(readableHue(palette.color(QPalette::Base), isDark(palette), hue));
    return colors;
}

QColor ThemeColors::senderColor(const QPalette &palette, const QString &senderId)
{
    const QByteArray hash = QCryptographicHash::hash(senderId.toUtf8(), QCryptographicHash::Md5);
    const int index = (quint8(hash.at(0)) << 8 | quint8(hash.at(1))) % int(std::size(kSenderHues));
    return readableHue(palette.color(QPalette::Base), isDark(palette), kSenderHues[index]);
}

void ThemeColors::setColor(QWidget *widget, QPalette::ColorRole role, const QColor &color)
{
    QPalette p = widget->palette();
    if (p.color(role) == color)
        return;
    p.setColor(role, color);
    widget->setPalette(p);
}

} // namespace natter::ui
