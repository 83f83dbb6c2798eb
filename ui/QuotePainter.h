#pragma once

#include <QRect>
#include <QString>

class QFont;
class QModelIndex;
class QPainter;
class QStyleOptionViewItem;

namespace natter::ui {

// The one-line quote above a reply's text: an accent bar, the original's author (bold, in their
// colour) and its first line, elided; "Reply to a message not loaded" when the original is not
// in the room's model. Everything comes from the model's Reply*Role data, which the model takes
// from the original it holds, never from the reply's payload. Drawn as plain text.
class QuotePainter
{
public:
    // The row height the quote takes (above the text), for a message font.
    static int height(const QFont &font);
    static void paint(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option,
                      const QModelIndex &index);
    // What the quote says, unelided (for tests and the accessible text).
    static QString text(const QModelIndex &index);
    static QString notLoadedText();
};

} // namespace natter::ui
