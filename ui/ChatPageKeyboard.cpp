// ChatPage, its keyboard side: the page's own Tab order, the keys the message field hands to the
// conversation (paging, Ctrl+Home/End, Esc) and Alt+Up/Down through the rooms.
#include "ChatPage.h"

#include "Composer.h"
#include "MemberPanel.h"
#include "MessageEdit.h"
#include "MessageView.h"
#include "ReplyBar.h"
#include "RoomSidebar.h"

#include <chat/ChatController.h>
#include <chat/RoomListModel.h>

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>

namespace natter::ui {

QList<QWidget *> ChatPage::focusChain() const
{
    // Top left to bottom right, as the eye reads the page: rooms, conversation, composer,
    // members.
    QList<QWidget *> chain;
    chain << m_sidebar->addButton() << m_sidebar->joinField() << m_sidebar->view() << m_retryRoom
          << m_messages << m_noRoomJoin << m_composer->editor() << m_composer->sendButton()
          << m_members->view();
    return chain;
}

bool ChatPage::focusNextPrevChild(bool next)
{
    const QList<QWidget *> chain = focusChain();
    QWidget *focused = QApplication::focusWidget();
    qsizetype at = -1;
    for (qsizetype i = 0; i < chain.size() && focused; ++i) {
        if (chain.at(i) == focused || chain.at(i)->isAncestorOf(focused))
            at = i;
    }
    if (at < 0)
        return QWidget::focusNextPrevChild(next);
    // A cycle within the page: Tab from the last one comes back to the first.
    const qsizetype n = chain.size();
    for (qsizetype step = 1; step < n; ++step) {
        QWidget *w = chain.at(((next ? at + step : at - step) % n + n) % n);
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return true;
        }
    }
    return true;
}

bool ChatPage::eventFilter(QObject *watched, QEvent *event)
{
    // The event type first: filters also see the events of widgets being destroyed, when
    // m_composer may be only a QWidget any more (UBSan).
    if (event->type() == QEvent::KeyPress && watched == m_composer->editor())
        return composerKey(static_cast<QKeyEvent *>(event)) || QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::FocusIn) {
        auto *view = qobject_cast<QAbstractItemView *>(watched);
        if (view && view->model() && !view->currentIndex().isValid()
            && view->model()->rowCount() > 0) {
            // The newest message, or the first room / member.
            const int row = view == m_messages ? view->model()->rowCount() - 1 : 0;
            view->setCurrentIndex(view->model()->index(row, 0));
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ChatPage::composerKey(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier
        && m_composer->replyBar()->isReplying()) {
        m_composer->replyBar()->clear();
        return true;
    }
    // The conversation scrolls from where the user types, as in other chat apps.
    QScrollBar *bar = m_messages->verticalScrollBar();
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods == Qt::NoModifier && event->key() == Qt::Key_PageUp) {
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        return true;
    }
    if (mods == Qt::NoModifier && event->key() == Qt::Key_PageDown) {
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return true;
    }
    if (mods == Qt::ControlModifier && event->key() == Qt::Key_Home) {
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        return true;
    }
    if ((mods == Qt::ControlModifier && event->key() == Qt::Key_End)
        || (mods == Qt::NoModifier && event->key() == Qt::Key_Escape)) {
        m_messages->scrollToNewest();
        return true;
    }
    return false;
}

void ChatPage::showAdjacentRoom(int step)
{
    natter::chat::RoomListModel *rooms = m_controller ? m_controller->roomList() : nullptr;
    if (!rooms || rooms->rowCount() == 0)
        return;
    const QModelIndex current = rooms->indexOf(m_roomName);
    const int row = current.isValid() ? current.row() + step : 0;
    if (row < 0 || row >= rooms->rowCount())
        return;
    showRoom(rooms->index(row, 0).data(natter::chat::RoomListModel::NameRole).toString());
}

} // namespace natter::ui
