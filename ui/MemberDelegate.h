#pragma once

#include "AvatarPainter.h"

#include <QStyledItemDelegate>

namespace natter::ui {

// One row of Who's Online. Rows are exactly as wide as the list, so a long name is elided with
// "…" (the full name is in the tool tip) instead of widening the row behind a horizontal scroll
// bar; the current row shows a focus frame while the list has the keyboard focus. Each member has
// an initials avatar with a green dot (everyone listed is online; grey while the list is stale).
class MemberDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int AvatarSize = 24;
    const AvatarPainter &avatars() const { return m_avatars; }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    AvatarPainter m_avatars;
};

} // namespace natter::ui
