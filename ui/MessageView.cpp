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

namespace {
constexpr int kFollowSlack = 6; // px from the bottom that still count as "at the newest"
constexpr int kWindowRows = 500; // rows laid out while following the newest messages
constexpr int kOlderStep = 200; // rows added at the top when the user scrolls up to it
} // namespace

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
    , m_window(new natter::chat::MessageWindowModel(kWindowRows, this))
{
    setObjectName(QStringLiteral("messageView"));
    setAccessibleName(tr("Messages"));
    setItemDelegate(m_delegate);
    setModel(m_window);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    verticalScrollBar()->setSingleStep(24);

    m_jump = new QPushButton(this);
    m_jump->setObjectName(QStringLiteral("jumpToNewest"));
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->hide();
    connect(m_jump, &QPushButton::clicked, this, &MessageView::scrollToNewest);

    m_olderBusy = new QFrame(this);
    m_olderBusy->setObjectName(QStringLiteral("olderMessagesBusy"));
    m_olderBusy->setAccessibleName(tr("Loading older messages"));
    m_olderBusy->setFrameShape(QFrame::StyledPanel);
    m_olderBusy->setAutoFillBackground(true);
    auto *spinner = new QProgressBar(m_olderBusy);
    spinner->setRange(0, 0); // indeterminate: busy
    spinner->setTextVisible(false);
    spinner->setFixedSize(48, 6);
    m_olderText = new QLabel(tr("Loading older messages…"), m_olderBusy);
    m_olderText->setTextFormat(Qt::PlainText);
    auto *busyLayout = new QHBoxLayout(m_olderBusy);
    busyLayout->setContentsMargins(10, 4, 10, 4);
    busyLayout->addWidget(spinner, 0, Qt::AlignVCenter);
    busyLayout->addWidget(m_olderText);
    m_olderBusy->hide();

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyRoomLabel"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    // The space above a short conversation (a viewport margin) is part of the page.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    connect(m_window, &QAbstractItemModel::rowsInserted, this, &MessageView::updateEmptyLabel);
    connect(m_window, &QAbstractItemModel::rowsRemoved, this, &MessageView::updateEmptyLabel);
    connect(m_window, &QAbstractItemModel::modelReset, this, &MessageView::updateEmptyLabel);

    // Before rows appear while the user reads (older pages above, new ones below), remember what
    // is at the top of the view; updateGeometries() puts it back after the layout.
    connect(m_window, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        if (!m_follow)
            keepAnchor();
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &MessageView::onRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageView::onScrolled);

    m_actions = new MessageActions(this);
    connect(m_actions, &MessageActions::selectTextRequested, this, &MessageView::selectText);
    m_selector = new MessageTextSelector(viewport());
    connect(m_selector, &MessageTextSelector::menuRequested, this,
            [this](const QPoint &pos, const QPoint &globalPos) {
                QContextMenuEvent menu(QContextMenuEvent::Mouse, pos, globalPos);
                contextMenuEvent(&menu);
            });
    connect(m_window, &QAbstractItemModel::modelReset, m_selector, &MessageTextSelector::dismiss);
    connect(m_window, &QAbstractItemModel::rowsRemoved, this, [this] { placeSelector(); });
}

MessageView::~MessageView() = default;

void MessageView::setMessages(MessageListModel *model)
{
    for (const auto &link : std::as_const(m_modelLinks))
        disconnect(link);
    m_modelLinks.clear();
    m_model = model;
    m_selector->dismiss();
    m_delegate->clearCache();
    m_unseen = 0;
    m_follow = true;
    m_anchor = QPersistentModelIndex();
    m_olderAvailable = false;
    m_loadingOlder = false;
    m_olderBusy->hide();
    m_window->setTrimming(true);
    m_window->setSourceModel(model);
    if (model) {
        m_modelLinks
            << connect(model, &MessageListModel::messagesAppended, this, &MessageView::onAppended)
            << connect(model, &QAbstractItemModel::dataChanged, this,
                       [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                           // State changes can add or remove the "Not sent" line: QListView
                           // does not re-measure rows on dataChanged by itself.
                           if (roles.isEmpty() || roles.contains(MessageListModel::StateRole)
                               || roles.contains(MessageListModel::ErrorRole)
                               || roles.contains(MessageListModel::TextRole)
                               || roles.contains(MessageListModel::GroupedRole)
                               || roles.contains(MessageListModel::DaySeparatorRole))
                               scheduleDelayedItemsLayout();
                       })
            << connect(model, &QAbstractItemModel::rowsRemoved, this,
                       [this] { scheduleDelayedItemsLayout(); })
            << connect(model, &QAbstractItemModel::dataChanged, this, &MessageView::forgetChanged);
    }
    updateJumpButton();
    scrollToBottom();
}

void MessageView::scrollToNewest()
{
    m_follow = true;
    m_unseen = 0;
    m_window->setTrimming(true);
    scrollToBottom();
    updateJumpButton();
}

bool MessageView::scrollToMessage(const QString &messageId)
{
    const int sourceRow = m_model ? m_model->rowOf(messageId) : -1;
    if (sourceRow < 0)
        return false;
    if (sourceRow < m_window->firstSourceRow()) {
        // Reading back: nothing may be trimmed while the window grows up to it. m_follow stays
        // as it is: cleared, the rows inserted above would be anchored, and putting the anchor
        // back at the bottom would switch trimming on again.
        m_window->setTrimming(false);
        m_window->showOlder(m_window->firstSourceRow() - sourceRow);
    }
    // Laid out now: scrolling to a row the view has not placed yet does nothing.
    executeDelayedItemsLayout();
    const QModelIndex index = m_window->index(sourceRow - m_window->firstSourceRow(), 0);
    if (!index.isValid())
        return false;
    m_follow = false; // a pending pull to the bottom must not undo the scroll
    scrollTo(index, QAbstractItemView::PositionAtCenter);
    const QScrollBar *bar = verticalScrollBar();
    m_follow = bar->value() >= bar->maximum() - kFollowSlack;
    m_window->setTrimming(m_follow);
    if (m_follow)
        m_unseen = 0;
    updateJumpButton();
    viewport()->update();
    return true;
}

void MessageView::onRangeChanged(int, int max)
{
    if (m_anchor.isValid())
        return; // updateGeometries() puts the anchored message back in place
    if (m_follow)
        verticalScrollBar()->setValue(max);
}

void MessageView::keepAnchor()
{
    if (m_anchor.isValid())
        return; // several inserts before one layout: the first anchor is the one the user saw
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
    if (!top.isValid())
        return;
    m_anchor = top;
    // Its bottom, not its top: a message that gains a predecessor loses its header (and day
    // line) above the text, and the text is what the user reads.
    m_anchorY = visualRect(top).bottom();
}

void MessageView::setEmptyText(const QString &text)
{
    m_empty->setText(text);
    m_empty->setAccessibleName(text);
    updateEmptyLabel();
}

void MessageView::updateEmptyLabel()
{
    const bool show = !m_empty->text().isEmpty() && m_window->rowCount() == 0;
    if (show) {
        ThemeColors::setColor(m_empty, QPalette::WindowText, ThemeColors::dimText(palette()));
        const QRect area = contentsRect().adjusted(16, 0, -16, -16);
        const int h = m_empty->heightForWidth(area.width());
        m_empty->setGeometry(area.left(), area.bottom() - h, area.width(), h);
    }
    m_empty->setVisible(show);
}

void MessageView::anchorToBottom()
{
    // The gap above the rows when they do not fill the view; zero once they do.
    const int available = contentsRect().height();
    const int gap = qBound(0, available - contentsSize().height(), qMax(0, available - 1));
    if (gap != viewportMargins().top())
        setViewportMargins(0, gap, 0, 0);
}

void MessageView::updateGeometries()
{
    QListView::updateGeometries();
    anchorToBottom();
    if (!m_anchor.isValid())
        return;
    const QModelIndex anchor = m_anchor;
    m_anchor = QPersistentModelIndex();
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + visualRect(anchor).bottom() - m_anchorY);
    placeSelector();
}

void MessageView::onScrolled(int value)
{
    if (value == 0 && verticalScrollBar()->maximum() > 0)
        atTop();
    const bool atBottom = value >= verticalScrollBar()->maximum() - kFollowSlack;
    if (atBottom == m_follow && !(atBottom && m_unseen))
        return;
    m_follow = atBottom;
    // Reading older messages: the window only grows until the user is back at the newest.
    m_window->setTrimming(atBottom);
    if (atBottom)
        m_unseen = 0;
    updateJumpButton();
}

void MessageView::atTop()
{
    if (m_window->hasOlder()) {
        m_follow = false; // the window must not be trimmed while it grows at the top
        m_window->setTrimming(false);
        m_window->showOlder(kOlderStep);
        return;
    }
    if (m_olderAvailable && !m_loadingOlder && m_model)
        emit olderMessagesRequested();
}

void MessageView::wheelEvent(QWheelEvent *event)
{
    // Nothing to scroll (a short first page): the wheel still asks for older messages.
    if (event->angleDelta().y() > 0 && verticalScrollBar()->value() == 0)
        atTop();
    QListView::wheelEvent(event);
}

void MessageView::setOlderAvailable(bool available)
{
    m_olderAvailable = available;
}

void MessageView::setLoadingOlder(bool loading)
{
    m_loadingOlder = loading;
    if (loading) {
        placeOlderIndicator();
        m_olderBusy->show();
        m_olderBusy->raise();
    } else {
        m_olderBusy->hide();
    }
}

void MessageView::placeOlderIndicator()
{
    const QRect vp = viewport()->geometry();
    const QSize s = m_olderBusy->sizeHint();
    m_olderBusy->setGeometry(vp.center().x() - s.width() / 2, vp.top() + 8, s.width(), s.height());
}

void MessageView::onAppended(int first, int last, bool anyOwn)
{
    if (anyOwn) {
        // What you send is always shown.
        scrollToNewest();
        return;
    }
    if (m_follow)
        return; // rangeChanged keeps us at the bottom
    m_unseen += last - first + 1;
    updateJumpButton();
}

void MessageView::updateJumpButton()
{
    if (m_follow || m_unseen <= 0) {
        m_jump->hide();
        return;
    }
    const QString text = m_unseen == 1 ? tr("1 new message") : tr("%1 new messages").arg(m_unseen);
    m_jump->setText(QStringLiteral("↓  ") + text);
    m_jump->setAccessibleName(text);
    m_jump->adjustSize();
    placeJumpButton();
    m_jump->show();
    m_jump->raise();
}

void MessageView::placeJumpButton()
{
    const QRect vp = viewport()->geometry();
    const QSize s = m_jump->sizeHint();
    m_jump->setGeometry(vp.center().x() - s.width() / 2, vp.bottom() - s.height() - 12, s.width(),
                        s.height());
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    anchorToBottom();
    placeJumpButton();
    placeOlderIndicator();
    updateEmptyLabel();
    placeSelector();
}

void MessageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange) {
        m_delegate->clearCache();
        scheduleDelayedItemsLayout();
    }
    QListView::changeEvent(event);
}

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
