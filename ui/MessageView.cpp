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
    , m_window(new natter::chat::MessageWindowModel(kWindowRows, this))
    , m_delegate(new MessageDelegate(this))
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

} // namespace natter::ui
