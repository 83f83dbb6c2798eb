#include "MentionHighlight.h"

#include "ThemeColors.h"

#include <QPainter>

namespace natter::ui {

QColor MentionHighlight::background(const QPalette &palette)
{
    // The warning yellow, fainter, over the base: apart from the own-message (highlight) tint.
    return ThemeColors::mix(palette.color(QPalette::Base), ThemeColors::warningBackground(palette),
                            0.7);
}

QColor MentionHighlight::accent(const QPalette &palette)
{
    return palette.color(QPalette::Link);
}

void MentionHighlight::paintBackground(QPainter *painter, const QRect &body,
                                       const QPalette &palette) const
{
    painter->fillRect(body, background(palette));
    painter->fillRect(QRect(body.left(), body.top(), 3, body.height()), accent(palette));
}

QList<QTextLayout::FormatRange> MentionHighlight::formats(const QString &text,
                                                          const QPalette &palette) const
{
    QList<QTextLayout::FormatRange> out;
    for (const natter::chat::MentionRule::Span &span : m_rule.find(text)) {
        QTextLayout::FormatRange range;
        range.start = span.start;
        range.length = span.length;
        range.format.setFontWeight(QFont::Bold);
        range.format.setForeground(accent(palette));
        out.append(range);
    }
    return out;
}

} // namespace natter::ui
