#include "ChatPage.h"

#include "Composer.h"
#include "LogUi.h"
#include "MemberPanel.h"
#include "MentionCompleter.h"
#include "MessageActions.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "MessageFindBar.h"
#include "MessageView.h"
#include "NewMessagesMarker.h"
#include "OwnMessageEditor.h"
#include "ReplyBar.h"
#include "RoomSidebar.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/ChatController.h>
#include <chat/ProfileStore.h>
#include <chat/ReplyIndex.h>
#include <chat/Room.h>
#include <chat/RoomListModel.h>

#include <QAction>
#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::ChatController;
using natter::chat::Room;

namespace {

// The narrowest the room list gets; it gives up width before the conversation does.
constexpr int SidebarMinWidth = 110;
// The conversation keeps this much before the room list is the one to shrink.
constexpr int CenterComfortWidth = 420;

} // namespace

ChatPage::ChatPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chatPage"));
    m_sidebar = new RoomSidebar(this);
    m_messages = new MessageView(this);
    m_composer = new Composer(this);
    m_members = new MemberPanel(this);

    m_roomTitle = new QLabel(this);
    m_roomTitle->setObjectName(QStringLiteral("roomTitle"));
    m_roomTitle->setTextFormat(Qt::PlainText);
    QFont tf = m_roomTitle->font();
    tf.setBold(true);
    if (tf.pointSizeF() > 0)
        tf.setPointSizeF(tf.pointSizeF() * 1.15);
    m_roomTitle->setFont(tf);
    m_roomError = new QLabel(this);
    m_roomError->setObjectName(QStringLiteral("roomError"));
    m_roomError->setTextFormat(Qt::PlainText);
    m_roomError->setWordWrap(true);
    m_roomError->hide();
    ThemeColors::setColor(m_roomError, QPalette::WindowText, ThemeColors::error(palette()));
    m_retryRoom = new QPushButton(tr("Retry"), this);
    m_retryRoom->setObjectName(QStringLiteral("retryRoomButton"));
    m_retryRoom->setAccessibleName(tr("Retry joining the room"));
    m_retryRoom->hide();
    connect(m_retryRoom, &QPushButton::clicked, this, [this] {
        if (m_controller && !m_roomName.isEmpty())
            m_controller->retryRoom(m_roomName);
        updateRoomHeader();
    });

    auto *center = new QWidget(this);
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->setSpacing(0);
    auto *head = new QVBoxLayout;
    head->setContentsMargins(14, 10, 14, 8);
    head->setSpacing(2);
    head->addWidget(m_roomTitle);
    auto *errorRow = new QHBoxLayout;
    errorRow->setContentsMargins(0, 0, 0, 0);
    errorRow->addWidget(m_roomError, 1);
    errorRow->addWidget(m_retryRoom, 0, Qt::AlignTop);
    head->addLayout(errorRow);
    centerLayout->addLayout(head);
    auto *line = new QFrame(center);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    centerLayout->addWidget(line);
    m_noRoom = new QWidget(center);
    m_noRoom->setObjectName(QStringLiteral("noRoomPanel"));
    auto *noRoomTitle = new QLabel(tr("You are not in any room."), m_noRoom);
    noRoomTitle->setTextFormat(Qt::PlainText);
    noRoomTitle->setAlignment(Qt::AlignCenter);
    noRoomTitle->setFont(tf);
    auto *noRoomHint = new QLabel(tr("Join a room to start chatting, for example #lobby."),
                                  m_noRoom);
    noRoomHint->setTextFormat(Qt::PlainText);
    noRoomHint->setAlignment(Qt::AlignCenter);
    noRoomHint->setWordWrap(true);
    m_noRoomJoin = new QPushButton(SymbolicIcon::get(QStringLiteral("add")), tr("Join a Room…"),
                                   m_noRoom);
    m_noRoomJoin->setObjectName(QStringLiteral("noRoomJoinButton"));
    connect(m_noRoomJoin, &QPushButton::clicked, m_sidebar, &RoomSidebar::showJoinField);
    auto *noRoomLayout = new QVBoxLayout(m_noRoom);
    noRoomLayout->addStretch(1);
    noRoomLayout->addWidget(noRoomTitle);
    noRoomLayout->addWidget(noRoomHint);
    noRoomLayout->addWidget(m_noRoomJoin, 0, Qt::AlignHCenter);
    noRoomLayout->addStretch(2);

    m_findBar = new MessageFindBar(m_messages, center);
    centerLayout->addWidget(m_findBar);
    addActions(m_findBar->shortcuts());
    connect(m_findBar, &MessageFindBar::closed, this, &ChatPage::focusComposer);
    connect(this, &ChatPage::currentRoomChanged, m_findBar,
            [this] { m_findBar->setRoom(m_controller, m_room); });
    m_centerStack = new QStackedWidget(center);
    m_centerStack->addWidget(m_messages);
    m_centerStack->addWidget(m_noRoom);
    centerLayout->addWidget(m_centerStack, 1);
    centerLayout->addWidget(m_composer);
    center->setMinimumWidth(260);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("chatSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(center);
    m_splitter->addWidget(m_members);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({190, 640, 190});
    m_sidebar->setMinimumWidth(SidebarMinWidth);
    m_members->setMinimumWidth(120);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_sidebar, &RoomSidebar::roomSelected, this, &ChatPage::showRoom);
    connect(m_sidebar, &RoomSidebar::joinRequested, this, &ChatPage::joinRoom);
    connect(m_sidebar, &RoomSidebar::leaveRequested, this, &ChatPage::leaveRoom);
    connect(m_composer, &Composer::sendRequested, this, &ChatPage::send);
    connect(m_composer, &Composer::textEdited, this, &ChatPage::onComposerText);
    connect(m_composer, &Composer::typing, this, [this] {
        if (m_controller && !m_roomName.isEmpty())
            m_controller->notifyTyping(m_roomName);
    });
    connect(m_messages, &MessageView::retryRequested, this, [this](const QString &id) {
        if (m_controller)
            m_controller->retry(id);
    });
    connect(m_messages, &MessageView::discardRequested, this, [this](const QString &id) {
        if (m_controller)
            m_controller->discard(id);
    });
    connect(m_messages, &MessageView::linkActivated, this, &ChatPage::linkActivated);
    connect(m_messages, &MessageView::olderMessagesRequested, this, [this] {
        if (m_controller && !m_roomName.isEmpty())
            m_controller->loadOlder(m_roomName);
    });
    connect(m_messages->messageActions(), &MessageActions::replyRequested, this, &ChatPage::replyTo);
    connect(m_messages->messageActions(), &MessageActions::quoteRequested, m_composer,
            &Composer::insertQuote);
    setFocusProxy(m_composer->editor());

    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { m_sidebarWidth = m_splitter->sizes().value(0, m_sidebarWidth); });
    m_centerStack->setCurrentWidget(m_noRoom);
    m_members->hide();

    m_composer->editor()->installEventFilter(this);
    m_ownEditor = new OwnMessageEditor(m_composer, m_messages, this);
    // A list that gets the focus shows where it is: its current row gets the focus frame.
    m_sidebar->view()->installEventFilter(this);
    m_messages->installEventFilter(this);
    m_members->view()->installEventFilter(this);
    auto *previousRoom = new QAction(tr("Previous Room"), this);
    previousRoom->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    previousRoom->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(previousRoom, &QAction::triggered, this, [this] { showAdjacentRoom(-1); });
    auto *nextRoom = new QAction(tr("Next Room"), this);
    nextRoom->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    nextRoom->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(nextRoom, &QAction::triggered, this, [this] { showAdjacentRoom(1); });
    addAction(previousRoom);
    addAction(nextRoom);
    // After the page's own filter on the field: it sees Tab/Enter/Esc first while open.
    m_mentionCompleter = new MentionCompleter(m_composer->editor());
    m_newMessages = new NewMessagesMarker(m_messages);
    m_newMessages->watchKeys(m_composer->editor());
    m_newMessages->watchKeys(m_messages);
    updateRoomHeader();
}

void ChatPage::setMembersPanelWanted(bool wanted)
{
    m_membersWanted = wanted;
    fitPanels();
}

void ChatPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitPanels();
}

void ChatPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitPanels();
}

void ChatPage::fitPanels()
{
    // Until shown, width() is a default, not the window's: judging by it would hide the panel
    // for a moment at start-up (and AT-SPI clients see it missing).
    const bool members = m_membersWanted && m_room
        && (!isVisible() || width() >= MembersMinPageWidth);
    if (m_members->isVisibleTo(this) != members)
        m_members->setVisible(members);
    // The room list shrinks first, down to its minimum, so that the conversation keeps a
    // comfortable width; only then does the conversation get narrower.
    // Until shown, the splitter has not laid anything out: its sizes mean nothing yet.
    if (!isVisible())
        return;
    QList<int> sizes = m_splitter->sizes();
    if (sizes.size() != 3)
        return;
    const int total = sizes.at(0) + sizes.at(1) + sizes.at(2);
    if (total <= 0)
        return;
    const int room = total - sizes.at(2) - CenterComfortWidth;
    // The width it is first shown with (set, or restored from the last run) is the one to come
    // back to; after that only the user's dragging changes it.
    if (m_sidebarWidth < 0)
        m_sidebarWidth = sizes.at(0);
    const int side = qBound(
        SidebarMinWidth, room,
        qMax(SidebarMinWidth, m_sidebarWidth < 0 ? sizes.at(0) : m_sidebarWidth));
    if (side == sizes.at(0))
        return;
    sizes[1] += sizes.at(0) - side;
    sizes[0] = side;
    m_splitter->setSizes(sizes);
}

ChatPage::~ChatPage() = default;

void ChatPage::setDraftStore(natter::chat::ProfileStore *store, const QString &profile,
                             const QString &user)
{
    m_draftStore = store;
    m_draftProfile = profile;
    m_draftUser = user;
    m_drafts.clear();
}

QString ChatPage::draft(const QString &room) const
{
    if (room.isEmpty())
        return {};
    const auto it = m_drafts.constFind(room);
    if (it != m_drafts.constEnd())
        return *it;
    return m_draftStore ? m_draftStore->draft(m_draftProfile, m_draftUser, room) : QString();
}

void ChatPage::onComposerText(const QString &text)
{
    if (m_roomName.isEmpty() || draft(m_roomName) == text)
        return;
    if (m_ownEditor && m_ownEditor->isEditing())
        return; // the message being edited is no draft
    m_drafts.insert(m_roomName, text);
    if (m_draftStore)
        m_draftStore->setDraft(m_draftProfile, m_draftUser, m_roomName, text);
}

void ChatPage::setController(ChatController *controller)
{
    for (const auto &link : std::as_const(m_controllerLinks))
        disconnect(link);
    m_controllerLinks.clear();
    m_controller = controller;
    m_clientEventsDisabled = false;
    m_ownEditor->setController(controller);
    showRoom({});
    m_sidebar->setRooms(controller ? controller->roomList() : nullptr);
    m_messages->messageDelegate()->setMentionName(controller ? controller->userName() : QString());
    if (!controller)
        return;
    m_controllerLinks << connect(controller, &ChatController::roomJoined, this,
                                 &ChatPage::onRoomJoined)
                      << connect(controller, &ChatController::roomLeft, this, &ChatPage::onRoomLeft)
                      // The name is known once started: what mentions of the user look like.
                      << connect(controller, &ChatController::loggedIn, this,
                                 [this] {
                                     m_messages->messageDelegate()->setMentionName(
                                         m_controller ? m_controller->userName() : QString());
                                     m_messages->viewport()->update();
                                 })
                      << connect(controller, &ChatController::clientEventsDisabled, this,
                                 [this](const QString &message) {
                                     m_clientEventsDisabled = true;
                                     m_clientEventsMessage = message;
                                     m_composer->setClientEventsDisabled(message);
                                 });
    const QList<Room *> rooms = controller->rooms();
    if (!rooms.isEmpty())
        showRoom(rooms.constFirst()->name());
}

void ChatPage::showRoom(const QString &name)
{
    Room *room = (m_controller && !name.isEmpty()) ? m_controller->room(name) : nullptr;
    if (room && room == m_room)
        return;
    if (!name.isEmpty() && !room)
        return; // not (or no longer) joined: e.g. a late selection change while a room is left
    m_ownEditor->setRoom(name); // an edit in progress ends, the old room's draft comes back
    for (const auto &link : std::as_const(m_roomLinks))
        disconnect(link);
    m_roomLinks.clear();
    if (m_room) {
        m_newMessages->leaveRoom(m_room);
        m_room->setActive(false);
    }
    // Before the room is marked read: where its unread messages begin.
    const QString firstUnread = room ? room->firstUnreadId() : QString();
    m_room = room;
    // Cleared before the switch so that emptying the field does not erase the old room's draft.
    m_roomName.clear();
    m_composer->clearText();
    m_composer->replyBar()->clear(); // a reply belongs to the room it was started in
    m_roomName = room ? name : QString();
    if (room) {
        room->setActive(true);
        m_roomLinks << connect(room, &Room::typingChanged, m_composer, &Composer::setTypingUsers)
                    << connect(room, &Room::errorChanged, this, &ChatPage::updateRoomHeader)
                    << connect(room, &Room::hasOlderChanged, m_messages,
                               &MessageView::setOlderAvailable)
                    << connect(room, &Room::loadingOlderChanged, m_messages,
                               &MessageView::setLoadingOlder);
        m_sidebar->setCurrentRoom(name);
    }
    m_messages->setMessages(room ? room->messages() : nullptr);
    if (room) {
        m_messages->setOlderAvailable(room->hasOlder());
        m_messages->setLoadingOlder(room->isLoadingOlder());
    }
    m_members->setRoom(room);
    m_mentionCompleter->setRoom(room);
    m_newMessages->enterRoom(room, firstUnread);
    m_messages->setEmptyText(room ? tr("This is the start of #%1.").arg(m_roomName) : QString());
    m_centerStack->setCurrentWidget(room ? static_cast<QWidget *>(m_messages) : m_noRoom);
    fitPanels();
    m_composer->setRoom(m_roomName);
    m_composer->setText(draft(m_roomName));
    m_composer->setTypingUsers(room ? room->typingUsers() : QStringList());
    if (m_clientEventsDisabled)
        m_composer->setClientEventsDisabled(m_clientEventsMessage);
    updateRoomHeader();
    qCDebug(lcUi) << "showing room" << m_roomName;
    emit currentRoomChanged(m_roomName);
}

void ChatPage::updateRoomHeader()
{
    m_confirmLeave.clear();
    m_roomTitle->setText(m_roomName.isEmpty() ? tr("No room") : QStringLiteral("# ") + m_roomName);
    const QString error = m_room ? m_room->lastError() : QString();
    m_roomError->setText(error.isEmpty() ? QString() : tr("Cannot join this room: %1").arg(error));
    m_roomError->setVisible(!error.isEmpty());
    // Unsent messages stay queued: retrying (unlike leaving and joining again) keeps them.
    m_retryRoom->setVisible(!error.isEmpty() && m_room && !m_room->isSubscribed());
}

void ChatPage::joinRoom(const QString &name)
{
    if (!m_controller)
        return;
    QString error;
    Room *room = m_controller->joinRoom(name, &error);
    if (!room) {
        m_sidebar->showJoinError(error);
        return;
    }
    m_sidebar->showJoinError({});
    showRoom(room->name());
    focusComposer();
}

void ChatPage::leaveRoom(const QString &name)
{
    // A copy: leaving moves the selection, which changes m_roomName (often what `name` refers to)
    // while the controller is still using it.
    const QString room = name;
    if (!m_controller)
        return;
    // Leaving discards unsent messages: say so first, leave on the second request.
    const int unsent = m_controller->pendingCount(room);
    if (unsent > 0 && m_confirmLeave != room) {
        m_confirmLeave = room;
        m_roomError->setText(
            unsent == 1
                ? tr("#%1 has 1 unsent message; leaving discards it. Leave again to confirm.")
                      .arg(room)
                : tr("#%1 has %2 unsent messages; leaving discards them. Leave again to confirm.")
                      .arg(room)
                      .arg(unsent));
        m_roomError->show();
        return;
    }
    m_confirmLeave.clear();
    m_controller->leaveRoom(room);
}

void ChatPage::leaveCurrentRoom()
{
    const QString room = m_roomName;
    if (!room.isEmpty())
        leaveRoom(room);
}

void ChatPage::focusComposer()
{
    m_composer->editor()->setFocus(Qt::OtherFocusReason);
}

void ChatPage::onRoomJoined(Room *room)
{
    if (!m_room && room)
        showRoom(room->name());
}

void ChatPage::onRoomLeft(const QString &name)
{
    // Joining again starts afresh, like the discarded unsent messages.
    m_drafts.remove(name);
    if (m_draftStore)
        m_draftStore->setDraft(m_draftProfile, m_draftUser, name, {});
    if (name != m_roomName)
        return;
    // The room object may already be gone; move to the first remaining one.
    m_room = nullptr;
    const QList<Room *> rooms = m_controller ? m_controller->rooms() : QList<Room *>();
    QString next;
    for (Room *r : rooms) {
        if (r && r->name() != name) {
            next = r->name();
            break;
        }
    }
    m_roomName.clear();
    showRoom(next);
}

void ChatPage::setServerApi(natter::chat::NatterServerApi *api)
{
    m_findBar->setServerApi(api);
}

void ChatPage::send(const QString &text)
{
    if (!m_controller || m_roomName.isEmpty())
        return;
    if (m_ownEditor->isEditing()) {
        m_ownEditor->save(); // Send saves the edit
        return;
    }
    QString error;
    const QString id = m_controller->sendReply(m_roomName, text, m_composer->replyBar()->replyTo(),
                                               &error);
    if (id.isEmpty()) {
        m_composer->showError(error);
        return;
    }
    m_composer->clearText();
    m_composer->replyBar()->clear();
}

void ChatPage::replyTo(const QString &messageId)
{
    natter::chat::MessageListModel *model = m_room ? m_room->messages() : nullptr;
    const int row = model ? model->rowOf(messageId) : -1;
    if (row < 0)
        return;
    // The original's author as the room shows it (a name only claimed is marked as such).
    const QModelIndex original = model->index(row);
    m_composer->replyBar()->setReply(
        messageId, original.data(natter::chat::MessageListModel::SenderNameRole).toString(),
        natter::chat::ReplyIndex::firstLine(model->at(row).text));
    focusComposer();
}

} // namespace natter::ui
