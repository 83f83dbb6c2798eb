#include "MemberPanel.h"

#include "MemberDelegate.h"
#include "MemberProxyModel.h"
#include "ThemeColors.h"

#include <chat/Room.h>
#include <pusher/MemberListModel.h>
#include <pusher/Members.h>

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace natter::ui {

using natter::pusher::MemberListModel;

MemberPanel::MemberPanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new MemberProxyModel(this))
{
    setObjectName(QStringLiteral("memberPanel"));
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("whosOnlineHeader"));
    m_header->setTextFormat(Qt::PlainText);
    QFont hf = m_header->font();
    hf.setBold(true);
    m_header->setFont(hf);
    // "Wer ist online (3)" is wider than the narrowest panel: the count goes to a second line
    // rather than being cut off.
    m_header->setWordWrap(true);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("membersState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->hide();

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("memberList"));
    m_view->setAccessibleName(tr("Who's Online"));
    m_view->setModel(m_proxy);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFocusPolicy(Qt::TabFocus);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(1);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setItemDelegate(new MemberDelegate(m_view));
    // Long names are elided at the list's width (full name in the tool tip), never scrolled to.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setResizeMode(QListView::Adjust);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MemberPanel::refresh);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MemberPanel::refresh);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MemberPanel::refresh);
    refresh();
}

void MemberPanel::setRoom(natter::chat::Room *room)
{
    for (const auto &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_room = room;
    m_proxy->setSourceModel(room ? room->members() : nullptr);
    if (room)
        m_links << connect(room, &natter::chat::Room::membersStaleChanged, this,
                           &MemberPanel::refresh)
                << connect(room->memberList(), &natter::pusher::Members::truncatedChanged, this,
                           &MemberPanel::refresh);
    refresh();
}

void MemberPanel::refresh()
{
    const int count = m_proxy->rowCount();
    // Beyond Members::MaxMembers the list is incomplete: say so rather than undercount.
    const bool truncated = m_room && m_room->memberList()->isTruncated();
    const QString title = truncated ? tr("Who's Online (%1+)").arg(count)
                                    : tr("Who's Online (%1)").arg(count);
    m_header->setText(title);
    m_header->setAccessibleName(title);
    const bool stale = m_room && m_room->membersStale();
    m_view->setEnabled(!stale);
    m_state->setVisible(stale);
    m_state->setText(tr("reconnecting…"));
    ThemeColors::setColor(m_state, QPalette::WindowText, ThemeColors::dimText(palette()));
    m_view->setToolTip(
        stale ? tr("The connection dropped: this list is from before, and is updated once "
                   "Natter is back online.")
              : QString());
}

} // namespace natter::ui
