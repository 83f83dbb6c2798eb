#pragma once

#include <QString>

class QFont;
class QPainter;
class QPalette;
class QRect;

namespace natter::ui {

// The "New messages" line the message pane draws above the first message that was unread when
// the room was opened (MessageListModel::UnreadDividerRole): a hairline in the error colour with
// the words at its right end. Called by MessageDelegate.
class NewMessagesLine
{
public:
    static QString text();
    static int height(const QFont &font);
    static void paint(QPainter *painter, const QRect &rect, const QFont &font,
                      const QPalette &palette);
};

} // namespace natter::ui
