#pragma once

#include <QFrame>
#include <QPointer>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QToolButton;

namespace natter::chat {
class ChatController;
class HistoryJump;
class MessageFinder;
class NatterServerApi;
class Room;
} // namespace natter::chat

namespace natter::ui {

class MessageView;

// Find in room (Ctrl+F), above the conversation: searches the room's loaded messages as you
// type (MessageFinder), says "3 of 12", highlights the matches in the message pane
// (SearchHighlight) and scrolls the current one into view. Enter / F3 go to the next (older)
// match, Shift+Enter / Shift+F3 to the previous one, wrapping around; Esc closes.
// With a natter-server ("Search history", server mode only) the server searches the room's whole
// history; choosing a result loads the history back to it (HistoryJump) and shows it.
class MessageFindBar : public QFrame
{
    Q_OBJECT
public:
    static constexpr int HistoryResults = 50;

    explicit MessageFindBar(MessageView *view, QWidget *parent = nullptr);
    ~MessageFindBar() override;

    // Ctrl+F, F3 and Shift+F3: for the page to add (they work anywhere in it).
    QList<QAction *> shortcuts() const;
    // The room whose messages are searched (null: none); the open bar searches it again.
    void setRoom(natter::chat::ChatController *controller, natter::chat::Room *room);
    // natter-server mode (null: serverless, no history search). Not owned.
    void setServerApi(natter::chat::NatterServerApi *api);

    natter::chat::MessageFinder *finder() const { return m_finder; }
    QLineEdit *field() const { return m_field; }
    QLabel *countLabel() const { return m_count; }
    QToolButton *nextButton() const { return m_next; }
    QToolButton *previousButton() const { return m_previous; }
    QPushButton *historyButton() const { return m_history; }
    QListWidget *historyResults() const { return m_results; }
    QLabel *historyStatus() const { return m_status; }

public slots:
    void open(); // shows the bar, focus in the field with its text selected
    void close(); // hides it and its highlights
    void searchHistory();

signals:
    void closed();
    // A history result was loaded and scrolled to (its message id), for tests.
    void jumpedTo(const QString &messageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCount();
    void updateHistoryButton();
    void showStatus(const QString &text);
    void jumpTo(QListWidgetItem *item);
    void clearHistory();

    MessageView *m_view;
    natter::chat::MessageFinder *m_finder;
    QPointer<natter::chat::ChatController> m_controller;
    QPointer<natter::chat::Room> m_room;
    QPointer<natter::chat::NatterServerApi> m_api;
    QPointer<natter::chat::HistoryJump> m_jump;
    int m_searchGeneration = 0;
    QLineEdit *m_field;
    QLabel *m_count;
    QToolButton *m_next;
    QToolButton *m_previous;
    QPushButton *m_history;
    QToolButton *m_close;
    QListWidget *m_results;
    QLabel *m_status;
    QAction *m_findAction;
    QAction *m_nextAction;
    QAction *m_previousAction;
};

} // namespace natter::ui
