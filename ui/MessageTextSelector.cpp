#include "MessageTextSelector.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextDocument>

namespace natter::ui {

MessageTextSelector::MessageTextSelector(QWidget *viewport)
    : QPlainTextEdit(viewport)
{
    setObjectName(QStringLiteral("messageTextSelector"));
    setAccessibleName(tr("Message text"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    // The delegate draws the text at the rect's top left with no margins: so must this.
    document()->setDocumentMargin(0);
    setViewportMargins(0, 0, 0, 0);
    setContentsMargins(0, 0, 0, 0);
    hide();
}

void MessageTextSelector::open(const QModelIndex &index, const QString &text, const QRect &rect,
                               const QFont &font, const QColor &background)
{
    m_index = index;
    setFont(font);
    QPalette pal = palette();
    pal.setColor(QPalette::Base, background);
    setPalette(pal);
    setPlainText(text);
    // One line more than the text needs: no scrolling inside, whatever the rounding.
    setGeometry(rect.adjusted(0, 0, 0, fontMetrics().height() / 2));
    verticalScrollBar()->setValue(0);
    show();
    raise();
}

QString MessageTextSelector::selectedText() const
{
    // QTextCursor::selectedText() uses U+2029 between paragraphs.
    return textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n');
}

void MessageTextSelector::place(const QRect &textRect)
{
    if (!textRect.isValid()) {
        dismiss();
        return;
    }
    setGeometry(QRect(textRect.topLeft(), QSize(textRect.width(), height())));
}

void MessageTextSelector::forwardMouse(const QWidget *from, QMouseEvent *event)
{
    QWidget *target = viewport();
    const QPointF local = target->mapFrom(from, event->position());
    QMouseEvent forwarded(event->type(), local, event->globalPosition(), event->button(),
                          event->buttons(), event->modifiers());
    QCoreApplication::sendEvent(target, &forwarded);
}

void MessageTextSelector::dismiss()
{
    if (!isVisible() || m_dismissing)
        return;
    m_dismissing = true;
    m_index = QPersistentModelIndex();
    // Closed from the keyboard: the focus goes back to the list, not on along the Tab chain.
    QWidget *list = parentWidget() ? parentWidget()->parentWidget() : nullptr;
    if (hasFocus() && list)
        list->setFocus(Qt::OtherFocusReason);
    hide();
    clear();
    m_dismissing = false;
    emit dismissed();
}

void MessageTextSelector::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        QApplication::clipboard()->setText(textCursor().hasSelection() ? selectedText()
                                                                       : toPlainText());
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void MessageTextSelector::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    // Its own menu keeps it open; going anywhere else closes it.
    if (event->reason() != Qt::PopupFocusReason)
        dismiss();
}

void MessageTextSelector::contextMenuEvent(QContextMenuEvent *event)
{
    emit menuRequested(mapToParent(event->pos()), event->globalPos());
}

} // namespace natter::ui
