#include "NewMessagesLine.h"

#include "ThemeColors.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

namespace natter::ui {

namespace {
constexpr int kPad = 14; // as the message text's margin

QFont lineFont(const QFont &font)
{
    QFont f = font;
    f.setBold(true);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.86);
    return f;
}
} // namespace

QString NewMessagesLine::text()
{
    return QCoreApplication::translate("NewMessagesLine", "New messages");
}

int NewMessagesLine::height(const QFont &font)
{
    return QFontMetrics(lineFont(font)).height() + 12;
}

void NewMessagesLine::paint(QPainter *painter, const QRect &rect, const QFont &font,
                            const QPalette &palette)
{
    const QFont f = lineFont(font);
    const QFontMetrics fm(f);
    const QString words = text();
    const QColor color = ThemeColors::error(palette);
    const int textW = fm.horizontalAdvance(words);
    const int right = rect.right() - kPad;
    const int cy = rect.center().y();
    painter->save();
    painter->setPen(QPen(color, 1));
    painter->drawLine(rect.left() + kPad, cy, right - textW - 8, cy);
    painter->setFont(f);
    painter->drawText(QRect(right - textW, rect.top(), textW, rect.height()),
                      Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, words);
    painter->restore();
}

} // namespace natter::ui
