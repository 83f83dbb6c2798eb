#include "QuotePainter.h"

#include "ThemeColors.h"

#include <chat/MessageListModel.h>

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionViewItem>

namespace natter::ui {

using natter::chat::MessageListModel;

namespace {

QFont quoteFont(const QFont &font)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    else
        f.setPixelSize(qMax(8, int(f.pixelSize() * 0.9)));
    return f;
}

} // namespace

QString QuotePainter::notLoadedText()
{
    return QCoreApplication::translate("natter::ui::QuotePainter", "Reply to a message not loaded");
}

int QuotePainter::height(const QFont &font)
{
    return QFontMetrics(quoteFont(font)).height() + 4;
}

QString QuotePainter::text(const QModelIndex &index)
{
    const QString author = index.data(MessageListModel::ReplyAuthorRole).toString();
    if (!index.data(MessageListModel::ReplyLoadedRole).toBool() || author.isEmpty())
        return notLoadedText();
    return author + QStringLiteral(": ") + index.data(MessageListModel::ReplyTextRole).toString();
}

void QuotePainter::paint(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option,
                         const QModelIndex &index)
{
    const QPalette &pal = option.palette;
    const QColor dim = ThemeColors::dimText(pal);
    painter->save();
    painter->fillRect(QRect(rect.left(), rect.top() + 1, 3, rect.height() - 2),
                      ThemeColors::mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.35));
    const QRect area = rect.adjusted(9, 0, 0, 0);
    const QFont f = quoteFont(option.font);
    const QFontMetrics fm(f);
    const bool loaded = index.data(MessageListModel::ReplyLoadedRole).toBool();
    const QString author = index.data(MessageListModel::ReplyAuthorRole).toString();
    if (!loaded || author.isEmpty()) {
        QFont italic = f;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(dim);
        painter->drawText(
            area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            QFontMetrics(italic).elidedText(notLoadedText(), Qt::ElideRight, area.width()));
        painter->restore();
        return;
    }
    QFont bold = f;
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    // The name keeps at most half the width; the line gets the rest.
    const QString name = bfm.elidedText(author, Qt::ElideRight, area.width() / 2);
    const int nameW = bfm.horizontalAdvance(name);
    painter->setFont(bold);
    painter->setPen(
        ThemeColors::senderColor(pal, index.data(MessageListModel::ReplyAuthorIdRole).toString()));
    painter->drawText(QRect(area.left(), area.top(), nameW + 1, area.height()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, name);
    const QRect lineRect = area.adjusted(nameW + 8, 0, 0, 0);
    painter->setFont(f);
    painter->setPen(dim);
    painter->drawText(lineRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(index.data(MessageListModel::ReplyTextRole).toString(),
                                    Qt::ElideRight, qMax(0, lineRect.width())));
    painter->restore();
}

} // namespace natter::ui
