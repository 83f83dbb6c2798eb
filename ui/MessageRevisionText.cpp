#include "MessageRevisionText.h"

#include <chat/MessageListModel.h>

namespace natter::ui {

using natter::chat::MessageListModel;

QString MessageRevisionText::text(const QModelIndex &index)
{
    if (index.data(MessageListModel::DeletedRole).toBool())
        return MessageListModel::deletedText();
    const QString text = index.data(MessageListModel::TextRole).toString();
    if (index.data(MessageListModel::EditedAtRole).toDateTime().isValid())
        return text + u' ' + MessageListModel::editedMarker();
    return text;
}

QList<QTextLayout::FormatRange> MessageRevisionText::formats(const QModelIndex &index,
                                                             const QPalette &palette)
{
    QTextLayout::FormatRange range;
    range.format.setForeground(palette.color(QPalette::PlaceholderText));
    if (index.data(MessageListModel::DeletedRole).toBool()) {
        range.start = 0;
        range.length = int(MessageListModel::deletedText().size());
        range.format.setFontItalic(true);
        return {range};
    }
    if (!index.data(MessageListModel::EditedAtRole).toDateTime().isValid())
        return {};
    const QString marker = MessageListModel::editedMarker();
    range.start = int(index.data(MessageListModel::TextRole).toString().size()) + 1;
    range.length = int(marker.size());
    return {range};
}

} // namespace natter::ui
