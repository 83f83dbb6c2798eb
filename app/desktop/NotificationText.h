#pragma once

#include <QString>

namespace natter::desktop {

// Text shaping for notification servers: they show a few short lines, and some interpret markup.
namespace NotificationText {

// Escapes & < > (and quotes) so a server with "body-markup" shows the text as typed.
QString escapeMarkup(const QString &plain);
// At most `maxChars` characters (an ellipsis included), cut at a word boundary when one is near,
// never inside a surrogate pair; line breaks are kept.
QString truncate(const QString &text, int maxChars);
// Collapses runs of whitespace (including line breaks) into single spaces.
QString singleLine(const QString &text);

} // namespace NotificationText

} // namespace natter::desktop
