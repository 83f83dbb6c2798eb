#include "NewMessagesMarker.h"

#include "MessageView.h"
#include "NewMessagesLine.h"

#include <chat/MessageListModel.h>
#include <chat/MessageWindowModel.h>
#include <chat/Room.h>

#include <QKeyEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>

namespace natter::ui {

using natter::chat::MessageListModel;

NewMessagesMarker::NewMessagesMarker(MessageView *view)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
{
    m_jump = new QPushButton(view);
    m_jump->setObjectName(QStringLiteral("jumpToFirstUnread"));
    m_jump->setText(QStringLiteral("↑  ") + NewMessagesLine::text());
    m_jump->setAccessibleName(tr("Jump to the first unread message"));
    m_jump->setToolTip(tr("Jump to the first unread message (Shift+Esc)"));
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->setFocusPolicy(Qt::NoFocus); // Shift+Esc is its keyboard way
    m_jump->hide();
    connect(m_jump, &QPushButton::clicked, this, &NewMessagesMarker::jump);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &NewMessagesMarker::updateButton);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &NewMessagesMarker::updateButton);
    m_viewport->installEventFilter(this);
}

void NewMessagesMarker::watchKeys(QWidget *widget)
{
    widget->installEventFilter(this);
}

void NewMessagesMarker::leaveRoom(natter::chat::Room *room)
{
    // Read down to the newest: the line has done its job.
    if (room && room->messages() == m_model && m_view->isFollowing())
        room->messages()->setUnreadMarker({});
}

void NewMessagesMarker::enterRoom(natter::chat::Room *room, const QString &firstUnreadId)
{
    for (const auto &link : std::as_const(m_modelLinks))
        disconnect(link);
    m_modelLinks.clear();
    m_model = room ? room->messages() : nullptr;
    if (m_model) {
        // Rows come and go (the window grows, old rows drop): where the line is may change.
        const auto later = [this] {
            // Once per event-loop turn, and only while there is a line: bursts stay cheap.
            if (m_updateQueued || (m_model && m_model->unreadMarker().isEmpty()))
                return;
            m_updateQueued = true;
            QTimer::singleShot(0, this, [this] {
                m_updateQueued = false;
                updateButton();
            });
        };
        m_modelLinks << connect(m_model, &QAbstractItemModel::rowsInserted, this, later)
                     << connect(m_model, &QAbstractItemModel::rowsRemoved, this, later)
                     << connect(m_model, &QAbstractItemModel::dataChanged, this, later);
        if (!firstUnreadId.isEmpty() && m_model->rowOf(firstUnreadId) >= 0) {
            m_model->setUnreadMarker(firstUnreadId);
            jump();
            // Again once the view has laid out the room (it scrolls to the newest first).
            QTimer::singleShot(0, this, [this, model = m_model] {
                if (model && model == m_model)
                    jump();
            });
        }
    }
    updateButton();
}

int NewMessagesMarker::sourceRow() const
{
    return m_model ? m_model->rowOf(m_model->unreadMarker()) : -1;
}

int NewMessagesMarker::viewRow() const
{
    const int source = sourceRow();
    natter::chat::MessageWindowModel *window = m_view->window();
    if (source < 0 || window->sourceModel() != m_model || source < window->firstSourceRow())
        return -1;
    return source - window->firstSourceRow();
}

bool NewMessagesMarker::jump()
{
    const int source = sourceRow();
    natter::chat::MessageWindowModel *window = m_view->window();
    if (source < 0 || window->sourceModel() != m_model)
        return false;
    if (source < window->firstSourceRow()) {
        // Beyond the loaded window: show older rows down to it (and a few above, for context).
        window->setTrimming(false);
        window->showOlder(window->firstSourceRow() - source + 5);
    }
    const int row = viewRow();
    if (row < 0)
        return false;
    m_view->scrollTo(window->index(row), QAbstractItemView::PositionAtTop);
    updateButton();
    return true;
}

void NewMessagesMarker::updateButton()
{
    bool show = false;
    const int source = sourceRow();
    if (source >= 0 && m_view->window()->sourceModel() == m_model) {
        const int row = viewRow();
        // Out of sight above: not loaded into the window, or scrolled past.
        show = row < 0 || m_view->visualRect(m_view->window()->index(row)).bottom() < 0;
    }
    if (show) {
        m_jump->adjustSize();
        const QRect vp = m_view->viewport()->geometry();
        const QSize s = m_jump->sizeHint();
        m_jump->setGeometry(vp.center().x() - s.width() / 2, vp.top() + 8, s.width(), s.height());
        m_jump->raise();
    }
    if (m_jump->isVisibleTo(m_view) != show)
        m_jump->setVisible(show);
}

bool NewMessagesMarker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport) {
        if (event->type() == QEvent::Resize)
            updateButton();
        return false;
    }
    if (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape
            && (key->modifiers() & ~Qt::KeypadModifier) == Qt::ShiftModifier && sourceRow() >= 0) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                jump();
            return true;
        }
    }
    return false;
}

} // namespace natter::ui
