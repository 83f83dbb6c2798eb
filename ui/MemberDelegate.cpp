#include "MemberDelegate.h"

#include <pusher/MemberListModel.h>

#include <QIcon>
#include <QPainter>
#include <QWidget>

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

void MemberDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    using natter::pusher::MemberListModel;
    // A presence channel lists who is connected: online, unless the list is only the last known
    // one (the panel disables the view while reconnecting).
    const auto presence = option->state & QStyle::State_Enabled ? AvatarPainter::Presence::Online
                                                                : AvatarPainter::Presence::Offline;
    const qreal dpr = option->widget ? option->widget->devicePixelRatioF() : 1.0;
    option->icon = QIcon(m_avatars.pixmap(index.data(MemberListModel::IdRole).toString(),
                                          index.data(MemberListModel::NameRole).toString(),
                                          option->palette, AvatarSize, dpr, presence));
    option->decorationSize = QSize(AvatarSize, AvatarSize);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

QSize MemberDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // No width of its own: the list lays the row out at its viewport's width.
    return {0, QStyledItemDelegate::sizeHint(option, index).height()};
}

} // namespace natter::ui
