#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace natter::ui {

// Above the message field while the next message is a reply: "Replying to NAME: first line"
// (one line, elided, plain text) and × to cancel (Esc in the field cancels too). The author and
// line are the original's as shown in the room, not anything the user typed.
class ReplyBar : public QFrame
{
    Q_OBJECT
public:
    explicit ReplyBar(QWidget *parent = nullptr);

    void setReply(const QString &messageId, const QString &author, const QString &firstLine);
    QString replyTo() const { return m_messageId; } // empty: not replying
    bool isReplying() const { return !m_messageId.isEmpty(); }
    QString fullText() const { return m_full; } // before eliding
    QLabel *label() const { return m_label; }
    QToolButton *cancelButton() const { return m_cancel; }

public slots:
    void clear();

signals:
    void cancelled(); // by the user (× or Esc), not by clear() from code

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_messageId;
    QString m_full;
    QLabel *m_label;
    QToolButton *m_cancel;
};

} // namespace natter::ui
