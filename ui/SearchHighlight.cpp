#include "SearchHighlight.h"

#include "ThemeColors.h"

#include <chat/MessageFinder.h>
#include <chat/MessageListModel.h>

#include <QModelIndex>
#include <QPainter>
#include <QPalette>
#include <QTextLayout>

namespace natter::ui {

using natter::chat::MessageFinder;
using natter::chat::MessageListModel;

QColor SearchHighlight::matchColor(const QPalette &palette, bool current)
{
    // Amber for the current match, a paler yellow for the others, laid over the base colour.
    const QColor base = palette.color(QPalette::Base);
    return current ? ThemeColors::mix(base, QColor(0xff, 0x9f, 0x1a), 0.75)
                   : ThemeColors::mix(base, QColor(0xf5, 0xd0, 0x3b), 0.45);
}

void SearchHighlight::paint(QPainter *painter, const QTextLayout &layout, const QPointF &origin,
                            const QModelIndex &index, const MessageFinder &finder,
                            const QPalette &palette)
{
    const QString id = index.data(MessageListModel::IdRole).toString();
    if (!finder.isMatch(id))
        return;
    const QString text = index.data(MessageListModel::TextRole).toString();
    const QColor color = matchColor(palette, id == finder.currentId());
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->setRenderHint(QPainter::Antialiasing);
    for (const auto &[start, length] : MessageFinder::matchRanges(text, finder.query())) {
        const int end = start + length;
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            const int lineEnd = line.textStart() + line.textLength();
            if (end <= line.textStart() || start >= lineEnd)
                continue;
            // A match that wraps is painted piece by piece, one per line.
            const qreal x1 = line.cursorToX(qMax(start, line.textStart()));
            const qreal x2 = line.cursorToX(qMin(end, lineEnd));
            const QRectF r(origin.x() + qMin(x1, x2), origin.y() + line.y(), qAbs(x2 - x1),
                           line.height());
            painter->drawRoundedRect(r.adjusted(-1, 0, 1, 0), 2, 2);
        }
    }
    painter->restore();
}

} // namespace natter::ui
