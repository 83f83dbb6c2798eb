#include "MessageFindBar.h"

#include "MessageDelegate.h"
#include "MessageView.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/ChatController.h>
#include <chat/HistoryJump.h>
#include <chat/MessageFinder.h>
#include <chat/MessageListModel.h>
#include <chat/NatterServerApi.h>
#include <chat/Room.h>

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::HistoryJump;
using natter::chat::MessageFinder;
using natter::chat::NatterServerApi;

namespace {
constexpr int ServerIdRole = Qt::UserRole + 1;
}

MessageFindBar::MessageFindBar(MessageView *view, QWidget *parent)
    : QFrame(parent)
    , m_view(view)
    , m_finder(new MessageFinder(this))
{
    setObjectName(QStringLiteral("findBar"));
    setAccessibleName(tr("Find in room"));
    setFrameShape(QFrame::NoFrame);

    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setAccessibleName(tr("Find"));
    m_field->setPlaceholderText(tr("Find in room"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("findCount"));
    m_count->setTextFormat(Qt::PlainText);
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("No matches")) + 4);
    m_next = new QToolButton(this);
    m_next->setObjectName(QStringLiteral("findNext"));
    m_next->setArrowType(Qt::UpArrow); // older messages are further up
    m_next->setAccessibleName(tr("Next match"));
    m_next->setToolTip(tr("Next match, older (Enter, F3)"));
    m_previous = new QToolButton(this);
    m_previous->setObjectName(QStringLiteral("findPrevious"));
    m_previous->setArrowType(Qt::DownArrow);
    m_previous->setAccessibleName(tr("Previous match"));
    m_previous->setToolTip(tr("Previous match, newer (Shift+Enter, Shift+F3)"));
    m_history = new QPushButton(tr("Search History"), this);
    m_history->setObjectName(QStringLiteral("searchHistoryButton"));
    m_history->setToolTip(tr("Search all of this room's messages on the server"));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("findClose"));
    m_close->setIcon(SymbolicIcon::get(QStringLiteral("close")));
    m_close->setAccessibleName(tr("Close find bar"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAutoRaise(true);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("historyResults"));
    m_results->setAccessibleName(tr("History search results"));
    m_results->setWordWrap(true);
    m_results->setMaximumHeight(180);
    m_results->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_field, 1);
    row->addWidget(m_count);
    row->addWidget(m_next);
    row->addWidget(m_previous);
    row->addWidget(m_history);
    row->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_results);

    m_findAction = new QAction(tr("Find in Room"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_nextAction = new QAction(tr("Next Match"), this);
    m_nextAction->setShortcut(QKeySequence(Qt::Key_F3));
    m_previousAction = new QAction(tr("Previous Match"), this);
    m_previousAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    for (QAction *action : {m_findAction, m_nextAction, m_previousAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_findAction, &QAction::triggered, this, &MessageFindBar::open);
    connect(m_nextAction, &QAction::triggered, this, [this] {
        if (!isHidden())
            m_finder->next();
        else
            open();
    });
    connect(m_previousAction, &QAction::triggered, this, [this] {
        if (!isHidden())
            m_finder->previous();
        else
            open();
    });

    connect(m_field, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_finder->setQuery(text);
        clearHistory();
    });
    connect(m_next, &QToolButton::clicked, m_finder, &MessageFinder::next);
    connect(m_previous, &QToolButton::clicked, m_finder, &MessageFinder::previous);
    connect(m_history, &QPushButton::clicked, this, &MessageFindBar::searchHistory);
    connect(m_close, &QToolButton::clicked, this, &MessageFindBar::close);
    connect(m_results, &QListWidget::itemActivated, this, &MessageFindBar::jumpTo);
    connect(m_results, &QListWidget::itemClicked, this, &MessageFindBar::jumpTo);
    connect(m_finder, &MessageFinder::changed, this, [this] {
        updateCount();
        m_view->viewport()->update();
    });
    connect(m_finder, &MessageFinder::currentMoved, this,
            [this](const QString &id) { m_view->scrollToMessage(id); });

    updateCount();
    updateHistoryButton();
    hide();
}

MessageFindBar::~MessageFindBar() = default;

QList<QAction *> MessageFindBar::shortcuts() const
{
    return {m_findAction, m_nextAction, m_previousAction};
}

void MessageFindBar::setRoom(natter::chat::ChatController *controller, natter::chat::Room *room)
{
    m_controller = controller;
    m_room = room;
    if (m_jump)
        m_jump->deleteLater();
    clearHistory();
    // Closed, the finder keeps no model: nothing to follow while the user is not searching.
    m_finder->setModel(!isHidden() && room ? room->messages() : nullptr);
    updateHistoryButton();
}

void MessageFindBar::setServerApi(NatterServerApi *api)
{
    m_api = api;
    updateHistoryButton();
}

void MessageFindBar::updateHistoryButton()
{
    m_history->setVisible(m_api && m_room);
}

void MessageFindBar::open()
{
    if (isHidden()) {
        show();
        m_view->messageDelegate()->setFinder(m_finder);
        m_finder->setModel(m_room ? m_room->messages() : nullptr);
        m_finder->setQuery(m_field->text());
    }
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void MessageFindBar::close()
{
    if (isHidden())
        return;
    hide();
    m_view->messageDelegate()->setFinder(nullptr);
    m_finder->setModel(nullptr);
    clearHistory();
    m_view->viewport()->update();
    emit closed();
}

void MessageFindBar::updateCount()
{
    const int count = m_finder->count();
    if (m_finder->query().trimmed().isEmpty())
        m_count->clear();
    else if (count == 0)
        m_count->setText(tr("No matches"));
    else
        m_count->setText(tr("%1 of %2").arg(m_finder->position()).arg(count));
    m_count->setAccessibleName(m_count->text());
    ThemeColors::setColor(m_count, QPalette::WindowText,
                          count == 0 && !m_finder->query().trimmed().isEmpty()
                              ? ThemeColors::error(palette())
                              : ThemeColors::dimText(palette()));
    m_next->setEnabled(count > 0);
    m_previous->setEnabled(count > 0);
}

bool MessageFindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (mods == Qt::ShiftModifier)
                m_finder->previous();
            else if (mods == Qt::NoModifier)
                m_finder->next();
            else if (mods == Qt::ControlModifier && m_history->isVisible())
                searchHistory();
            return true;
        }
        if (key->key() == Qt::Key_Escape && mods == Qt::NoModifier) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Down && mods == Qt::NoModifier && m_results->isVisible()
            && m_results->count() > 0) {
            m_results->setFocus(Qt::TabFocusReason);
            if (!m_results->currentItem())
                m_results->setCurrentRow(0);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void MessageFindBar::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setAccessibleName(text);
    m_status->setVisible(!text.isEmpty());
}

void MessageFindBar::clearHistory()
{
    ++m_searchGeneration; // an answer still on its way is for another query
    m_results->clear();
    m_results->hide();
    showStatus({});
}

void MessageFindBar::searchHistory()
{
    if (!m_api || !m_room)
        return;
    const QString query = m_field->text().trimmed();
    clearHistory();
    if (query.isEmpty()) {
        showStatus(tr("Type what to look for first."));
        return;
    }
    showStatus(tr("Searching the history of #%1…").arg(m_room->name()));
    const int generation = m_searchGeneration;
    const QPointer<MessageFindBar> self(this);
    m_api->searchMessages(
        m_room->name(), query, HistoryResults, 0,
        [self, generation](const NatterServerApi::Failure &failure,
                           const NatterServerApi::SearchPage &page) {
            if (!self || generation != self->m_searchGeneration)
                return;
            if (!failure.ok()) {
                self->showStatus(tr("The search failed: %1").arg(failure.message));
                return;
            }
            if (page.hits.isEmpty()) {
                self->showStatus(tr("No messages found in the history."));
                return;
            }
            self->showStatus(page.hasMore
                                 ? tr("The newest %1 messages found:").arg(page.hits.size())
                                 : QString());
            const QLocale locale;
            for (const NatterServerApi::SearchHit &hit : page.hits) {
                const QString when = locale.toString(hit.message.sentAt.toLocalTime(),
                                                     QLocale::ShortFormat);
                // Plain text only: a list item's text is never read as markup.
                auto *item = new QListWidgetItem(
                    tr("%1, %2: %3").arg(hit.message.senderName, when, hit.snippet),
                    self->m_results);
                item->setData(ServerIdRole, hit.message.serverId);
            }
            self->m_results->show();
        });
}

void MessageFindBar::jumpTo(QListWidgetItem *item)
{
    if (!item || !m_room || !m_controller)
        return;
    if (m_jump)
        m_jump->deleteLater();
    const qint64 serverId = item->data(ServerIdRole).toLongLong();
    auto *jump = new HistoryJump(m_controller, m_room, serverId, this);
    m_jump = jump;
    showStatus(tr("Loading the history…"));
    connect(jump, &HistoryJump::found, this, [this, jump](const QString &id) {
        jump->deleteLater();
        showStatus({});
        if (m_view->scrollToMessage(id)) {
            const int row = m_view->messages()->rowOf(id) - m_view->window()->firstSourceRow();
            m_view->setCurrentIndex(m_view->model()->index(row, 0));
        }
        emit jumpedTo(id);
    });
    connect(jump, &HistoryJump::failed, this, [this, jump](const QString &reason) {
        jump->deleteLater();
        showStatus(reason);
    });
    jump->start();
}

} // namespace natter::ui
