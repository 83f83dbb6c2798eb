#include "EmojiHighlighter.h"

#include "EmojiText.h"

namespace natter::ui {

EmojiHighlighter::EmojiHighlighter(QTextDocument *document, const QString &family)
    : QSyntaxHighlighter(document)
    , m_family(family)
{
}

void EmojiHighlighter::highlightBlock(const QString &text)
{
    if (m_family.isEmpty())
        return;
    QTextCharFormat format;
    format.setFontFamilies({m_family});
    for (const EmojiText::Run &run : EmojiText::runs(text))
        setFormat(run.start, run.length, format);
}

} // namespace natter::ui
