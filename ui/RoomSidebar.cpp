#include "RoomSidebar.h"

#include "RoomDelegate.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/ChatController.h>
#include <chat/RoomListModel.h>

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::RoomListModel;

RoomSidebar::RoomSidebar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("roomSidebar"));
    auto *title = new QLabel(tr("Rooms"), this);
    title->setTextFormat(Qt::PlainText);
    QFont tf = title->font();
    tf.setBold(true);
    title->setFont(tf);

    m_add = new QToolButton(this);
    m_add->setObjectName(QStringLiteral("joinRoomButton"));
    m_add->setIcon(SymbolicIcon::get(QStringLiteral("add")));
    m_add->setAutoRaise(true);
    m_add->setToolTip(tr("Join a room"));
    m_add->setAccessibleName(tr("Join a room"));
    connect(m_add, &QToolButton::clicked, this, &RoomSidebar::showJoinField);

    m_joinField = new QLineEdit(this);
    m_joinField->setObjectName(QStringLiteral("joinRoomField"));
    m_joinField->setAccessibleName(tr("Room to join"));
    m_joinField->setPlaceholderText(tr("Room name, e.g. lobby"));
    m_joinField->setClearButtonEnabled(true);
    m_joinField->hide();
    connect(m_joinField, &QLineEdit::textEdited, this, &RoomSidebar::validateJoinField);
    connect(m_joinField, &QLineEdit::returnPressed, this, &RoomSidebar::submitJoin);
    auto *cancel = new QAction(m_joinField);
    cancel->setShortcut(Qt::Key_Escape);
    cancel->setShortcutContext(Qt::WidgetShortcut);
    connect(cancel, &QAction::triggered, this, &RoomSidebar::hideJoinField);
    m_joinField->addAction(cancel);

    m_joinError = new QLabel(this);
    m_joinError->setObjectName(QStringLiteral("joinRoomError"));
    m_joinError->setTextFormat(Qt::PlainText);
    m_joinError->setWordWrap(true);
    m_joinError->hide();

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("roomList"));
    m_view->setAccessibleName(tr("Rooms"));
    m_view->setItemDelegate(new RoomDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAttribute(Qt::WA_MacShowFocusRect, false);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        const QString name = index.data(RoomListModel::NameRole).toString();
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(SymbolicIcon::get(QStringLiteral("leave")), tr("Leave #%1").arg(name), this,
                        [this, name] { emit leaveRequested(name); });
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });

    auto *head = new QHBoxLayout;
    head->setContentsMargins(10, 10, 4, 2);
    head->addWidget(title, 1);
    head->addWidget(m_add);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(head);
    auto *joinBox = new QVBoxLayout;
    joinBox->setContentsMargins(8, 0, 8, 4);
    joinBox->addWidget(m_joinField);
    joinBox->addWidget(m_joinError);
    layout->addLayout(joinBox);
    layout->addWidget(m_view, 1);
    ThemeColors::setColor(m_joinError, QPalette::WindowText, ThemeColors::error(palette()));
}

void RoomSidebar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        ThemeColors::setColor(m_joinError, QPalette::WindowText, ThemeColors::error(palette()));
}

void RoomSidebar::setRooms(RoomListModel *model)
{
    if (m_model == model)
        return;
    QItemSelectionModel *old = m_view->selectionModel();
    m_model = model;
    m_view->setModel(model);
    delete old;
    if (m_view->selectionModel()) {
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex &current) {
                    if (current.isValid())
                        emit roomSelected(current.data(RoomListModel::NameRole).toString());
                });
    }
}

void RoomSidebar::setCurrentRoom(const QString &name)
{
    if (!m_model)
        return;
    const QModelIndex index = m_model->indexOf(name);
    if (index.isValid() && m_view->currentIndex() != index)
        m_view->setCurrentIndex(index);
}

QString RoomSidebar::currentRoom() const
{
    return m_view->currentIndex().data(RoomListModel::NameRole).toString();
}

void RoomSidebar::showJoinField()
{
    m_joinField->show();
    m_joinField->setFocus(Qt::ShortcutFocusReason);
    m_joinField->selectAll();
}

void RoomSidebar::hideJoinField()
{
    const bool hadFocus = m_joinField->hasFocus();
    m_joinField->clear();
    m_joinField->hide();
    m_joinError->hide();
    if (hadFocus)
        m_view->setFocus(Qt::OtherFocusReason);
}

void RoomSidebar::showJoinError(const QString &message)
{
    m_joinError->setText(message);
    m_joinError->setVisible(!message.isEmpty());
}

void RoomSidebar::validateJoinField()
{
    const QString name = m_joinField->text().trimmed();
    showJoinError(name.isEmpty() ? QString() : natter::chat::ChatController::validateRoomName(name));
}

void RoomSidebar::submitJoin()
{
    const QString name = m_joinField->text().trimmed();
    const QString why = natter::chat::ChatController::validateRoomName(name);
    if (!why.isEmpty()) {
        showJoinError(why);
        return;
    }
    emit joinRequested(name);
    if (m_joinError->isHidden())
        hideJoinField();
}

} // namespace natter::ui
