// MessageView, its input side: pointer and keyboard, the context menu, tooltips, the text
// selector over a message, showing one message, focus, and our own messages' edit actions.
#include "MessageView.h"

#include "MessageActions.h"
#include "MessageDelegate.h"
#include "MessageTextSelector.h"
#include "PlainToolTip.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/ChatMessage.h>
#include <chat/MessageListModel.h>

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

namespace natter::ui {

using natter::chat::ChatMessage;
using natter::chat::MessageListModel;

QString MessageView::messageId(const QModelIndex &index) const
{
    return index.data(MessageListModel::IdRole).toString();
}

QStyleOptionViewItem MessageView::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return option;
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pressed = indexAt(event->position().toPoint());
    m_pressedKind = 0;
    if (m_pressed.isValid() && event->button() == Qt::LeftButton)
        m_pressedKind = int(
            m_delegate->hitTest(optionFor(m_pressed), m_pressed, event->position().toPoint()).kind);
    QListView::mousePressEvent(event);
    // A press on the text (not on a link or action) starts a text selection, not a row drag.
    if (m_pressed.isValid() && event->button() == Qt::LeftButton
        && m_pressedKind == int(MessageDelegate::HitKind::None)
        && event->modifiers() == Qt::NoModifier
        && m_delegate->textRect(optionFor(m_pressed), m_pressed)
               .contains(event->position().toPoint())) {
        selectText(m_pressed);
        m_forwardToSelector = true;
        m_selector->forwardMouse(viewport(), event);
    }
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_forwardToSelector) {
        m_forwardToSelector = false;
        m_selector->forwardMouse(viewport(), event);
        return;
    }
    QListView::mouseReleaseEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || !index.isValid() || index != m_pressed)
        return;
    const MessageDelegate::Hit hit = m_delegate->hitTest(optionFor(index), index,
                                                         event->position().toPoint());
    if (int(hit.kind) != m_pressedKind)
        return;
    switch (hit.kind) {
    case MessageDelegate::HitKind::Link:
        emit linkActivated(hit.url);
        break;
    case MessageDelegate::HitKind::Retry:
        emit retryRequested(messageId(index));
        break;
    case MessageDelegate::HitKind::Discard:
        emit discardRequested(messageId(index));
        break;
    case MessageDelegate::HitKind::Quote:
        showMessage(index.data(MessageListModel::ReplyToRole).toString());
        break;
    case MessageDelegate::HitKind::None:
        break;
    }
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_forwardToSelector && (event->buttons() & Qt::LeftButton)) {
        m_selector->forwardMouse(viewport(), event);
        return;
    }
    QListView::mouseMoveEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    const bool clickable = index.isValid()
        && m_delegate->hitTest(optionFor(index), index, event->position().toPoint()).kind
            != MessageDelegate::HitKind::None;
    if (clickable)
        viewport()->setCursor(Qt::PointingHandCursor);
    else
        viewport()->unsetCursor();
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex index = currentIndex();
    if (index.isValid()
        && index.data(MessageListModel::StateRole).toInt() == int(ChatMessage::State::Failed)) {
        if (event->key() == Qt::Key_Delete) {
            emit discardRequested(messageId(index));
            return;
        }
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            emit retryRequested(messageId(index));
            return;
        }
    }
    if (event->matches(QKeySequence::Copy) && index.isValid()) {
        QApplication::clipboard()->setText(index.data(MessageListModel::TextRole).toString());
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = event->reason() == QContextMenuEvent::Keyboard
        ? currentIndex()
        : indexAt(event->pos());
    if (!index.isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = messageId(index);
    if (event->reason() != QContextMenuEvent::Keyboard) {
        const MessageDelegate::Hit hit = m_delegate->hitTest(optionFor(index), index, event->pos());
        if (hit.kind == MessageDelegate::HitKind::Link) {
            const QUrl url = hit.url;
            menu->addAction(tr("Open Link"), this, [this, url] { emit linkActivated(url); });
            menu->addSeparator();
        }
    }
    if (index.data(MessageListModel::StateRole).toInt() == int(ChatMessage::State::Failed)) {
        menu->addAction(SymbolicIcon::get(QStringLiteral("retry")), tr("Retry Sending"), this,
                        [this, id] { emit retryRequested(id); });
        menu->addAction(SymbolicIcon::get(QStringLiteral("close")), tr("Discard Message"), this,
                        [this, id] { emit discardRequested(id); });
        menu->addSeparator();
    }
    const QString text = index.data(MessageListModel::TextRole).toString();
    menu->addAction(tr("Copy Text"), this, [text] { QApplication::clipboard()->setText(text); });
    const QUrl link = event->reason() == QContextMenuEvent::Keyboard
        ? QUrl()
        : m_delegate->hitTest(optionFor(index), index, event->pos()).url;
    const bool selecting = m_selector->isVisible() && m_selector->index() == index;
    m_actions->populate(menu, index, link, selecting ? m_selector->selectedText() : QString());
    addEditActions(menu, index);
    const QPoint at = event->reason() == QContextMenuEvent::Keyboard
        ? viewport()->mapToGlobal(visualRect(index).center())
        : event->globalPos();
    menu->popup(at);
}

bool MessageView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        if (!index.isValid()) {
            QToolTip::hideText();
            return true;
        }
        QString tip = QLocale().toString(
            index.data(MessageListModel::SentAtRole).toDateTime().toLocalTime(),
            QLocale::LongFormat);
        const auto state = ChatMessage::State(index.data(MessageListModel::StateRole).toInt());
        if (state == ChatMessage::State::Pending)
            tip += u'\n' + tr("Sending…");
        else if (state == ChatMessage::State::Failed)
            tip += u'\n'
                + tr("Not sent: %1").arg(index.data(MessageListModel::ErrorRole).toString());
        // The error text may come from the server.
        QToolTip::showText(help->globalPos(), plainToolTip(tip), viewport(), visualRect(index));
        return true;
    }
    return QListView::viewportEvent(event);
}

void MessageView::selectText(const QModelIndex &index)
{
    if (!index.isValid() || index.model() != m_window)
        return;
    if (currentIndex() != index)
        setCurrentIndex(index);
    const QStyleOptionViewItem option = optionFor(index);
    // The selected row's background, so the text does not jump or change colour.
    const QColor background = ThemeColors::mix(palette().color(QPalette::Base),
                                               palette().color(QPalette::Highlight), 0.22);
    m_selector->open(index, index.data(MessageListModel::TextRole).toString(),
                     m_delegate->textRect(option, index), option.font, background);
    m_selector->setFocus(Qt::MouseFocusReason);
}

void MessageView::placeSelector()
{
    if (!m_selector || !m_selector->isVisible())
        return; // (also while constructing: layouts run before the selector exists)
    const QModelIndex index = m_selector->index();
    if (!index.isValid())
        return;
    const bool shown = viewport()->rect().intersects(visualRect(index));
    m_selector->place(shown ? m_delegate->textRect(optionFor(index), index) : QRect());
}

void MessageView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    placeSelector();
}

bool MessageView::showMessage(const QString &messageId)
{
    if (!m_model || messageId.isEmpty())
        return false;
    const int source = m_model->rowOf(messageId);
    if (source < 0)
        return false;
    if (source < m_window->firstSourceRow()) {
        // Older than the rows laid out: show them first, and keep them while the user reads.
        m_follow = false;
        m_window->setTrimming(false);
        m_window->showOlder(m_window->firstSourceRow() - source);
    }
    const QModelIndex index = m_window->index(source - m_window->firstSourceRow(), 0);
    if (!index.isValid())
        return false;
    scrollTo(index, QAbstractItemView::PositionAtCenter);
    setCurrentIndex(index);
    selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    const QPersistentModelIndex flashed(index);
    QTimer::singleShot(FlashMs, this, [this, flashed] {
        if (flashed.isValid() && selectionModel()->isSelected(flashed))
            selectionModel()->select(flashed, QItemSelectionModel::Deselect);
    });
    return true;
}

void MessageView::focusInEvent(QFocusEvent *event)
{
    QListView::focusInEvent(event);
    // Back from the keyboard: the current row shows where it is again.
    const QModelIndex current = currentIndex();
    if ((event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)
        && current.isValid() && !selectionModel()->isSelected(current))
        selectionModel()->select(current, QItemSelectionModel::ClearAndSelect);
}

void MessageView::focusOutEvent(QFocusEvent *event)
{
    QListView::focusOutEvent(event);
    // A highlighted row elsewhere in the window looks like the focus is still here. Its own
    // menu and its text selector keep it.
    if (event->reason() == Qt::PopupFocusReason || isAncestorOf(QApplication::focusWidget()))
        return;
    selectionModel()->clearSelection();
}

void MessageView::forgetChanged(const QModelIndex &from, const QModelIndex &to,
                                const QList<int> &roles)
{
    // An edit or delete changes the text under the same id: the cached layout is stale.
    if (!roles.isEmpty() && !roles.contains(MessageListModel::TextRole))
        return;
    for (int row = from.row(); row <= to.row(); ++row)
        m_delegate->forget(from.siblingAtRow(row).data(MessageListModel::IdRole).toString());
}

void MessageView::addEditActions(QMenu *menu, const QModelIndex &index)
{
    // Our own messages only; the controller checks again (and refuses what it must).
    if (!index.data(MessageListModel::OwnRole).toBool()
        || index.data(MessageListModel::DeletedRole).toBool())
        return;
    const QString id = messageId(index);
    menu->addSeparator();
    menu->addAction(tr("Edit"), this, [this, id] { emit editRequested(id); });
    menu->addAction(tr("Delete…"), this, [this, id] { emit deleteRequested(id); });
}

} // namespace natter::ui
