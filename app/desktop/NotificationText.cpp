#include "NotificationText.h"

namespace natter::desktop::NotificationText {

QString escapeMarkup(const QString &plain)
{
    return plain.toHtmlEscaped();
}

QString truncate(const QString &text, int maxChars)
{
    if (maxChars <= 0)
        return {};
    if (text.size() <= maxChars)
        return text;
    static const QChar ellipsis(0x2026);
    int cut = maxChars - 1;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    // A word boundary in the last fifth reads better than a cut word; further back loses text.
    for (int i = cut; i > cut - cut / 5 && i > 0; --i) {
        if (text.at(i).isSpace()) {
            cut = i;
            break;
        }
    }
    QString head = text.left(cut);
    while (!head.isEmpty() && head.back().isSpace())
        head.chop(1);
    return head + ellipsis;
}

QString singleLine(const QString &text)
{
    return text.simplified();
}

} // namespace natter::desktop::NotificationText
