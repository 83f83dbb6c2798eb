#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace natter::ui {

class CharacterCounter;
class MessageEdit;
class ReplyBar;

// Below the messages: who is typing, warnings about sending, the message field and Send.
// It only collects text; ChatPage hands it to the controller and calls clearText() on success.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    MessageEdit *editor() const { return m_edit; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *typingLabel() const { return m_typing; }
    QLabel *noticeLabel() const { return m_notice; }

    void setRoom(const QString &room); // empty: nothing to send to (disabled)
    void setTypingUsers(const QStringList &names);
    void clearText();
    QString text() const;
    void setText(const QString &text); // a restored draft: not typing
    void showError(const QString &message); // inline, until the text changes
    // The server refused a client event because client events are off for this app.
    void setClientEventsDisabled(const QString &serverMessage);

    // "Bob is typing…", "Bob and Carol are typing…", "Several people are typing…".
    static QString typingText(const QStringList &names);

    // "1,850 / 2,000" near the length limit; past it Send is disabled and says why.
    CharacterCounter *counter() const { return m_counter; }

signals:
    void sendRequested(const QString &text);
    void textEdited(const QString &text); // also on clearText() and setText()
    void typing();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();
    void submit();
    void onTextChanged();
    void updateSendEnabled();

    QLabel *m_typing;
    QLabel *m_notice;
    QLabel *m_error;
    MessageEdit *m_edit;
    QPushButton *m_send;
    QString m_room;
    bool m_programmatic = false;

public:
    // The quote of the message the next one replies to (hidden when not replying).
    ReplyBar *replyBar() const { return m_replyBar; }
    // Quote: "> line" on a line of its own at the end of the text, the cursor after it.
    void insertQuote(const QString &quote);

private:
    ReplyBar *m_replyBar = nullptr;
    CharacterCounter *m_counter;
};

} // namespace natter::ui
