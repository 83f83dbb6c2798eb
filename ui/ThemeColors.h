#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace natter::ui {

// Colours derived from the current palette only (never fixed RGB values), so light and dark
// themes both work: tints are mixes of palette roles, accents keep the palette's lightness.
class ThemeColors
{
public:
    // a*(1-t) + b*t, per channel.
    static QColor mix(const QColor &a, const QColor &b, qreal t);
    static bool isDark(const QPalette &palette);
    // Secondary text (timestamps, hints): text faded towards the base.
    static QColor dimText(const QPalette &palette);
    // Error text and markers: a red with the contrast of the palette's text.
    static QColor error(const QPalette &palette);
    // Warning banner background: a yellow tint of the window colour.
    static QColor warningBackground(const QPalette &palette);
    // Background of own messages: a faint highlight tint of the base colour.
    static QColor ownBackground(const QPalette &palette);
    // A stable per-sender accent: one of senderPalette(), picked by the id.
    static QColor senderColor(const QPalette &palette, const QString &senderId);
    // Sender colours: hues far apart (so that names next to each other differ at a glance), each
    // made just dark (light theme) or light (dark theme) enough for text on the base colour.
    static QList<QColor> senderPalette(const QPalette &palette);
    // WCAG 2 contrast ratio, 1 (none) to 21 (black on white).
    static qreal contrastRatio(const QColor &a, const QColor &b);
    // What text needs (WCAG AA, normal text).
    static constexpr qreal MinTextContrast = 4.5;
    // Sets one role of a widget's own palette (call again on QEvent::PaletteChange of the parent).
    static void setColor(QWidget *widget, QPalette::ColorRole role, const QColor &color);
};

} // namespace natter::ui
