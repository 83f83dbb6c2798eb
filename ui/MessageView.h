#pragma once

#include <QListView>
#include <QPointer>

#include <QUrl>
#include <chat/MessageListModel.h>
#include <chat/MessageWindowModel.h>

class QFrame;
class QLabel;
class QMenu;
class QPushButton;

namespace natter::chat {
class MessageListModel;
}

namespace natter::ui {

class MessageActions;
class MessageDelegate;
class MessageTextSelector;

// The message pane of one room: a QListView over the newest part of the room's
// MessageListModel (a MessageWindowModel, so 100,000 messages stay cheap to lay out; scrolling to
// the top shows older ones), painted by MessageDelegate. It follows the newest message unless
// the user scrolled up; then new messages show a floating "N new messages" button that jumps
// back down. Links open on click (linkActivated), failed messages offer Retry/Discard on click
// and in the context menu.
// History from a server: when the user reaches the top and every loaded message is shown, the
// view asks for older ones (olderMessagesRequested) if the room says there are more, and shows
// "Loading older messages…" at the top while they load. A conversation shorter than the view
// sits at its bottom, next to the composer, as in other chat apps. Rows inserted above what the
// user reads (older pages, or the window growing) keep the message at the top of the view in place.
class MessageView : public QListView
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    void setMessages(natter::chat::MessageListModel *model); // nullptr: empty
    natter::chat::MessageListModel *messages() const { return m_model; }
    natter::chat::MessageWindowModel *window() const { return m_window; }
    MessageDelegate *messageDelegate() const { return m_delegate; }

    bool isFollowing() const { return m_follow; }
    int unseenCount() const { return m_unseen; }
    QPushButton *jumpButton() const { return m_jump; }

    // The room has older messages that are not loaded yet (on its server).
    void setOlderAvailable(bool available);
    bool olderAvailable() const { return m_olderAvailable; }
    // Older messages are being fetched: the busy row at the top.
    void setLoadingOlder(bool loading);
    bool isLoadingOlder() const { return m_loadingOlder; }
    QFrame *olderIndicator() const { return m_olderBusy; }
    // Shown instead of messages while the room has none ("This is the start of #dev."); empty:
    // nothing.
    void setEmptyText(const QString &text);
    QLabel *emptyLabel() const { return m_empty; }
    // Reply, Quote, Copy Link, Select Text (context menu, Ctrl+R).
    MessageActions *messageActions() const { return m_actions; }
    // The plain-text view over one message's text for selecting part of it; hidden when unused.
    MessageTextSelector *textSelector() const { return m_selector; }
    // Scrolls to the message and highlights it briefly (a reply's quote was clicked). False
    // when it is not in the room's model.
    bool showMessage(const QString &messageId);
    void selectText(const QModelIndex &index); // opens the text selector over it
    static constexpr int FlashMs = 1500; // how long showMessage() highlights

    // Brings the message into view (centred), showing older rows of the room as needed, and
    // stops following the newest messages unless it is among them. False if not loaded.
    bool scrollToMessage(const QString &messageId);

public slots:
    void scrollToNewest();

signals:
    void linkActivated(const QUrl &url);
    void retryRequested(const QString &messageId);
    void discardRequested(const QString &messageId);
    void olderMessagesRequested();
    // Edit / Delete from the context menu of one of our own messages.
    void editRequested(const QString &messageId);
    void deleteRequested(const QString &messageId);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void updateGeometries() override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void onRangeChanged(int min, int max);
    void onScrolled(int value);
    void onAppended(int first, int last, bool anyOwn);
    void updateJumpButton();
    void placeJumpButton();
    void placeOlderIndicator();
    void updateEmptyLabel();
    void anchorToBottom();
    void atTop(); // the user is at the top: show or fetch older messages
    void keepAnchor(); // rows are about to be inserted above: remember what is at the top
    QString messageId(const QModelIndex &index) const;
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;

    QPointer<natter::chat::MessageListModel> m_model;
    natter::chat::MessageWindowModel *m_window;
    // Rows are being added while the user reads: this message's bottom stays at this y.
    QPersistentModelIndex m_anchor;
    int m_anchorY = 0;
    QList<QMetaObject::Connection> m_modelLinks;
    MessageDelegate *m_delegate;
    QPushButton *m_jump;
    QFrame *m_olderBusy;
    QLabel *m_olderText;
    QLabel *m_empty;
    bool m_olderAvailable = false;
    bool m_loadingOlder = false;
    bool m_follow = true;
    int m_unseen = 0;
    QPersistentModelIndex m_pressed;
    int m_pressedKind = 0;
    MessageActions *m_actions = nullptr;
    MessageTextSelector *m_selector = nullptr;
    bool m_forwardToSelector = false; // a press on the text: the drag selects in the selector
    void placeSelector();

    void addEditActions(QMenu *menu, const QModelIndex &index);
    void forgetChanged(const QModelIndex &from, const QModelIndex &to, const QList<int> &roles);
};

} // namespace natter::ui
