#pragma once

#include <QString>

namespace natter::ui {

// Qt shows a tool tip as rich text whenever the string looks like HTML, so a peer's user id or
// a server's error text could bring its own markup (and remote images) into a tool tip. This
// turns any text into rich text whose content is exactly that text; empty stays empty, which
// keeps the tool tip hidden.
QString plainToolTip(const QString &text);

} // namespace natter::ui
