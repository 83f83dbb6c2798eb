#pragma once

#include <QStyledItemDelegate>

namespace natter::ui {

// One row of Who's Online. Rows are exactly as wide as the list, so a long name is elided with
// "…" (the full name is in the tool tip) instead of widening the row behind a horizontal scroll
// bar; the current row shows a focus frame while the list has the keyboard focus.
class MemberDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace natter::ui
