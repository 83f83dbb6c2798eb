#pragma once

#include <chat/MentionRule.h>

#include <QColor>
#include <QList>
#include <QPalette>
#include <QTextLayout>

class QPainter;
class QRect;

namespace natter::ui {

// How the message pane shows a message that mentions the user: a warm tint behind it with an
// accent bar on the left, and each "@name" of the user in bold, in the accent colour. Called by
// MessageDelegate; the rule is MentionRule, the same the room list and notifications use.
class MentionHighlight
{
public:
    static QColor background(const QPalette &palette);
    static QColor accent(const QPalette &palette);
    void paintBackground(QPainter *painter, const QRect &body, const QPalette &palette) const;
    // Formats for the message's QTextLayout: the user's mentions, bold and in the accent colour.
    QList<QTextLayout::FormatRange> formats(const QString &text, const QPalette &palette) const;

    void setName(const QString &name) { m_rule = natter::chat::MentionRule(name); }
    QString name() const { return m_rule.name(); }

private:
    natter::chat::MentionRule m_rule;
};

} // namespace natter::ui
