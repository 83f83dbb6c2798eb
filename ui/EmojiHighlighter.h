#pragma once

#include <QSyntaxHighlighter>

namespace natter::ui {

// Gives the emoji typed or pasted into a text field the colour emoji font (see EmojiText): a
// format on the layout only, the text itself stays plain.
class EmojiHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // `family`: the colour emoji family (EmojiText::colorFamily()); empty: does nothing.
    EmojiHighlighter(QTextDocument *document, const QString &family);

protected:
    void highlightBlock(const QString &text) override;

private:
    QString m_family;
};

} // namespace natter::ui
