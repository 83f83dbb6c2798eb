#pragma once

#include <QPlainTextEdit>

namespace natter::ui {

// The message field: Enter sends (submitted()), Shift+Enter inserts a line break. Grows with its
// text up to a few lines. Plain text only (pasting rich text pastes its text).
class MessageEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MessageEdit(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace natter::ui
