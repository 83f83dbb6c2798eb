#pragma once

#include <QIcon>
#include <QString>

namespace natter::ui {

// A monochrome icon from resources/icons/NAME.svg, painted at paint time in the palette's text
// colour (disabled: the disabled text colour), so it follows dark mode and stays crisp at any
// device pixel ratio. The SVG's own colours are ignored; only its shape (alpha) counts.
class SymbolicIcon
{
public:
    static QIcon get(const QString &name);
    // The full-colour application icon.
    static QIcon appIcon();
    // Registers the icon resources of the static natter_ui library (idempotent).
    static void ensureResources();
};

} // namespace natter::ui
