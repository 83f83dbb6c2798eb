#include "RoomPicker.h"

#include "RoomDelegate.h"

#include <chat/RoomListModel.h>

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(title);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    resize(360, 300);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        selectFirst();
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
            choose(m_view->currentIndex());
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
