#pragma once

#include <QColor>
#include <QPointF>

class QModelIndex;
class QPainter;
class QPalette;
class QTextLayout;

namespace natter::chat {
class MessageFinder;
}

namespace natter::ui {

// Paints the find-in-room matches of one message behind its text (MessageDelegate calls it before
// drawing the text layout): every occurrence of the query gets a soft highlight, those of the
// current match a strong one. Colours are mixed from the palette so the text stays readable in
// light and dark themes.
class SearchHighlight
{
public:
    // `layout` is the message's laid-out text at `origin`; its offsets are those of the text.
    static void paint(QPainter *painter, const QTextLayout &layout, const QPointF &origin,
                      const QModelIndex &index, const natter::chat::MessageFinder &finder,
                      const QPalette &palette);
    static QColor matchColor(const QPalette &palette, bool current);
};

} // namespace natter::ui
