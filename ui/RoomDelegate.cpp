#include "RoomDelegate.h"

#include "ThemeColors.h"

#include <chat/RoomListModel.h>

#include <QApplication>
#include <QPainter>

namespace natter::ui {

using natter::chat::RoomListModel;

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(QStringLiteral("#lobby")) + 40, fm.height() + 12};
}

void RoomDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Selection and hover background as the style paints it.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled
        ? (option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive)
        : QPalette::Disabled;
    const QColor text = option.palette.color(group,
                                             selected ? QPalette::HighlightedText : QPalette::Text);
    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    const QString name = index.data(RoomListModel::NameRole).toString();

    painter->save();
    QRect r = option.rect.adjusted(10, 0, -8, 0);
    QFont f = option.font;
    f.setBold(unread > 0);
    const QFontMetrics fm(f);

    // Unread badge, right-aligned.
    if (unread > 0) {
        QFont bf = option.font;
        bf.setBold(true);
        if (bf.pointSizeF() > 0)
            bf.setPointSizeF(bf.pointSizeF() * 0.85);
        const QFontMetrics bfm(bf);
        const QString count = unread > 999 ? QStringLiteral("999+") : QString::number(unread);
        const int h = bfm.height() + 2;
        const int w = qMax(h, bfm.horizontalAdvance(count) + 12);
        const QRect badge(r.right() - w, r.center().y() - h / 2 + 1, w, h);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? option.palette.color(group, QPalette::HighlightedText)
                                   : option.palette.color(group, QPalette::Highlight));
        painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
        painter->setFont(bf);
        painter->setPen(selected ? option.palette.color(group, QPalette::Highlight)
                                 : option.palette.color(group, QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter | Qt::TextSingleLine, count);
        r.setRight(badge.left() - 6);
    }
    // Mentions of the user among them: an "@N" badge of its own, in the link colour.
    if (const int mentions = index.data(RoomListModel::MentionsRole).toInt(); mentions > 0) {
        QFont bf = option.font;
        bf.setBold(true);
        if (bf.pointSizeF() > 0)
            bf.setPointSizeF(bf.pointSizeF() * 0.85);
        const QFontMetrics bfm(bf);
        const QString count = QLatin1Char('@') + QString::number(qMin(mentions, 999));
        const int h = bfm.height() + 2;
        const QRect badge(r.right() - (bfm.horizontalAdvance(count) + 10),
                          r.center().y() - h / 2 + 1, bfm.horizontalAdvance(count) + 10, h);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(
            option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Link));
        painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
        painter->setFont(bf);
        painter->setPen(
            option.palette.color(group, selected ? QPalette::Highlight : QPalette::Base));
        painter->drawText(badge, Qt::AlignCenter | Qt::TextSingleLine, count);
        r.setRight(badge.left() - 4);
    }

    painter->setFont(f);
    painter->setPen(selected ? text : ThemeColors::dimText(option.palette));
    const QString hash = QStringLiteral("#");
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, hash);
    r.setLeft(r.left() + fm.horizontalAdvance(hash) + 3);
    painter->setPen(text);
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(name, Qt::ElideRight, r.width()));
    // Keyboard focus on the list: a frame around the current room, so Tab shows where it is.
    if (option.state & QStyle::State_HasFocus) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(selected ? text : option.palette.color(group, QPalette::Highlight), 2));
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
    }
    painter->restore();
}

} // namespace natter::ui
