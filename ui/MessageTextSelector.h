#pragma once

#include <QPersistentModelIndex>
#include <QPlainTextEdit>

namespace natter::ui {

// Selecting part of a message: a read-only plain-text view laid exactly over one message's text
// in the message list (MessageView opens it when the text is pressed), so a drag or a
// double-click selects characters and words instead of whole rows. Plain text only (a
// QPlainTextEdit never interprets markup). Ctrl+C copies the selection, or the whole message
// when nothing is selected; Esc, losing the focus, or the list scrolling closes it.
class MessageTextSelector : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MessageTextSelector(QWidget *viewport);

    // Shows `text` over `rect` (viewport coordinates) with the row's font and background.
    void open(const QModelIndex &index, const QString &text, const QRect &rect, const QFont &font,
              const QColor &background);
    QModelIndex index() const { return m_index; }
    QString selectedText() const;
    // Follows the message as the list scrolls; an invalid rect (scrolled out) closes it.
    void place(const QRect &textRect);
    // A mouse event the list received (`from`: its viewport), as if it had come here: the press
    // that opened the selector and the drag after it select text.
    void forwardMouse(const QWidget *from, QMouseEvent *event);

public slots:
    void dismiss();

signals:
    void dismissed();
    // Right click over the text: the list's menu for this message (pos in viewport coordinates).
    void menuRequested(const QPoint &viewportPos, const QPoint &globalPos);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QPersistentModelIndex m_index;
    bool m_dismissing = false;
};

} // namespace natter::ui
