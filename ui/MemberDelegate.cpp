#include "MemberDelegate.h"

#include <QPainter>

namespace natter::ui {

void MemberDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    opt.textElideMode = Qt::ElideRight;
    // The style's own focus rectangle shows only after a keyboard focus change, in some styles
    // never: ours below always does.
    opt.state &= ~QStyle::State_HasFocus;
    QStyledItemDelegate::paint(painter, opt, index);
    if (option.state & QStyle::State_HasFocus) {
        painter->save();
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
        painter->restore();
    }
}

QSize MemberDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // No width of its own: the list lays the row out at its viewport's width.
    return {0, QStyledItemDelegate::sizeHint(option, index).height()};
}

} // namespace natter::ui
