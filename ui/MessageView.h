#pragma once

#include <QListView>
#include <QPointer>

#include <QUrl>
#include <chat/MessageListModel.h>
#include <chat/MessageWindowModel.h>

class QPushButton;

namespace natter::chat {
class MessageListModel;
}

namespace natter::ui {

class MessageDelegate;

// The message pane of one room: a QListView over the newest part of the room's
// MessageListModel (a MessageWindowModel, so 100,000 messages stay cheap to lay out; scrolling to
// the top shows older ones), painted by MessageDelegate. It follows the newest message unless
// the user scrolled up; then new messages show a floating "N new messages" button that jumps
// back down. Links open on click (linkActivated), failed messages offer Retry/Discard on click
// and in the context menu.
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

public slots:
    void scrollToNewest();

signals:
    void linkActivated(const QUrl &url);
    void retryRequested(const QString &messageId);
    void discardRequested(const QString &messageId);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void onRangeChanged(int min, int max);
    void onScrolled(int value);
    void onAppended(int first, int last, bool anyOwn);
    void updateJumpButton();
    void placeJumpButton();
    QString messageId(const QModelIndex &index) const;
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;

    QPointer<natter::chat::MessageListModel> m_model;
    natter::chat::MessageWindowModel *m_window;
    int m_restoreFromMax = -1; // older rows were added at the top: keep what was shown in place
    QList<QMetaObject::Connection> m_modelLinks;
    MessageDelegate *m_delegate;
    QPushButton *m_jump;
    bool m_follow = true;
    int m_unseen = 0;
    QPersistentModelIndex m_pressed;
    int m_pressedKind = 0;
};

} // namespace natter::ui
