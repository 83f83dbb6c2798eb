#include "MessageEdit.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace natter::ui {

namespace {
constexpr int kMaxLines = 6;
}

MessageEdit::MessageEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("messageEdit"));
    setAccessibleName(tr("Message"));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(document(), &QTextDocument::contentsChanged, this, [this] { updateGeometry(); });
}

int MessageEdit::heightForLines(int lines) const
{
    const QMargins m = contentsMargins();
    return fontMetrics().lineSpacing() * lines + int(document()->documentMargin() * 2) + m.top()
        + m.bottom() + 2;
}

QSize MessageEdit::sizeHint() const
{
    int lines = 0;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next())
        lines += qMax(1, b.layout() ? b.layout()->lineCount() : 1);
    return {QPlainTextEdit::sizeHint().width(), heightForLines(qBound(1, lines, kMaxLines))};
}

QSize MessageEdit::minimumSizeHint() const
{
    return {60, heightForLines(1)};
}

void MessageEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter
        && !(event->modifiers()
             & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        event->accept();
        emit submitted();
        return;
    }
    if (enter && (event->modifiers() & Qt::ShiftModifier)) {
        // A plain line break (QPlainTextEdit would insert U+2028 for Shift+Enter).
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace natter::ui
