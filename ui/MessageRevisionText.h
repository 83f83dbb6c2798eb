#pragma once

#include <QList>
#include <QModelIndex>
#include <QPalette>
#include <QString>
#include <QTextLayout>

namespace natter::ui {

// What the message pane shows for a message its author changed: the text and a greyed
// "(edited)" after it, or a greyed, italic "This message was deleted." instead of it.
// MessageDelegate lays out text() and adds formats(); everything stays plain text.
class MessageRevisionText
{
public:
    static QString text(const QModelIndex &index);
    // Formats for the edited marker or the deleted placeholder (none for an unchanged message).
    static QList<QTextLayout::FormatRange> formats(const QModelIndex &index,
                                                   const QPalette &palette);
};

} // namespace natter::ui
