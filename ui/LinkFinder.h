#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace natter::ui {

// Finds web links in plain message text (http://, https://, www.), so the message pane can make
// them clickable without ever interpreting the text as markup. Trailing punctuation and an
// unbalanced closing bracket are not part of a link ("see https://x.org/a)." -> https://x.org/a).
class LinkFinder
{
public:
    struct Link
    {
        int start = 0; // in UTF-16 code units
        int length = 0;
        QUrl url;
    };

    static QList<Link> find(const QString &text);
};

} // namespace natter::ui
