#include "ThemeColors.h"

#include <QCryptographicHash>
#include <QWidget>

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

QColor ThemeColors::senderColor(const QPalette &palette, const QString &senderId)
{
    const QByteArray hash = QCryptographicHash::hash(senderId.toUtf8(), QCryptographicHash::Md5);
    const int hue = (quint8(hash.at(0)) << 8 | quint8(hash.at(1))) % 360;
    return accent(palette, hue, 0.55);
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
