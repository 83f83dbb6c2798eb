#include "RoomPicker.h"

#include "RoomDelegate.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/ChatController.h>

#include <chat/RoomListModel.h>

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::RoomListModel;

RoomPicker::RoomPicker(QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("roomPicker"));
    setAccessibleName(tr("Jump to room"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_WindowPropagation);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(RoomListModel::NameRole);

    auto *title = new QLabel(tr("Jump to room"), this);
    title->setTextFormat(Qt::PlainText);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("roomPickerFilter"));
    m_filter->setAccessibleName(tr("Room filter"));
    m_filter->setPlaceholderText(tr("Type to filter rooms"));
    m_filter->installEventFilter(this);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("roomPickerList"));
    m_view->setAccessibleName(tr("Matching rooms"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new RoomDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_noMatch = new QLabel(this);
    m_noMatch->setObjectName(QStringLiteral("roomPickerNoMatch"));
    m_noMatch->setTextFormat(Qt::PlainText);
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();
    ThemeColors::setColor(m_noMatch, QPalette::WindowText, ThemeColors::dimText(palette()));
    m_join = new QPushButton(SymbolicIcon::get(QStringLiteral("add")), QString(), this);
    m_join->setObjectName(QStringLiteral("roomPickerJoin"));
    m_join->setFocusPolicy(Qt::NoFocus); // the filter keeps the focus; Enter joins
    m_join->hide();
    connect(m_join, &QPushButton::clicked, this, &RoomPicker::join);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(title);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(m_noMatch);
    layout->addWidget(m_join, 0, Qt::AlignLeft);
    resize(360, 300);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        selectFirst();
        updateJoinOffer();
    });
    connect(m_view, &QListView::clicked, this, &RoomPicker::choose);
}

void RoomPicker::setRooms(QAbstractItemModel *rooms)
{
    m_proxy->setSourceModel(rooms);
}

void RoomPicker::popup(QWidget *anchor)
{
    m_filter->clear();
    selectFirst();
    updateJoinOffer();
    if (anchor) {
        const QPoint top = anchor->mapToGlobal(QPoint(anchor->width() / 2, 0));
        move(top.x() - width() / 2, top.y() + qMin(80, anchor->height() / 6));
    }
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void RoomPicker::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

void RoomPicker::updateJoinOffer()
{
    const QString text = m_filter->text().trimmed();
    const QString name = text.startsWith(u'#') ? text.mid(1) : text;
    bool joined = false;
    for (int row = 0; row < m_proxy->rowCount() && !joined; ++row)
        joined = m_proxy->index(row, 0).data(RoomListModel::NameRole).toString() == name;
    const bool valid = !name.isEmpty()
        && natter::chat::ChatController::validateRoomName(name).isEmpty();
    m_join->setText(tr("Join #%1").arg(name));
    m_join->setAccessibleName(m_join->text());
    m_join->setVisible(valid && !joined);
    m_noMatch->setText(tr("No joined room matches “%1”.").arg(text));
    m_noMatch->setVisible(!text.isEmpty() && m_proxy->rowCount() == 0);
}

void RoomPicker::join()
{
    const QString text = m_filter->text().trimmed();
    const QString name = text.startsWith(u'#') ? text.mid(1) : text;
    if (m_join->isHidden())
        return;
    hide();
    emit joinRequested(name);
}

void RoomPicker::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString name = index.data(RoomListModel::NameRole).toString();
    hide();
    emit roomChosen(name);
}

bool RoomPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_view->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down:
            if (row + 1 < m_proxy->rowCount())
                m_view->setCurrentIndex(m_proxy->index(row + 1, 0));
            return true;
        case Qt::Key_Up:
            if (row > 0)
                m_view->setCurrentIndex(m_proxy->index(row - 1, 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_view->currentIndex().isValid())
                choose(m_view->currentIndex());
            else
                join();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace natter::ui
