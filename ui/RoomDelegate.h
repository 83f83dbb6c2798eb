#pragma once

#include <QStyledItemDelegate>

namespace natter::ui {

// One row of the room sidebar: "# name", bold with an unread badge when there is something new.
class RoomDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace natter::ui
