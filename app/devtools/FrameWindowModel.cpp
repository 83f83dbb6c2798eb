#include "FrameWindowModel.h"

#include <QItemSelectionModel>

namespace natter::devtools {

FrameWindowModel::FrameWindowModel(QObject *parent, int window)
    : QAbstractListModel(parent)
    , m_window(qMax(2, window))
{
}

void FrameWindowModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const auto &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_source = source;
    m_first = source ? qMax(0, source->rowCount() - m_window) : 0;
    m_pendingInsert = m_pendingRemove = false;
    m_removedAbove = 0;
    if (source)
        connectSource();
    endResetModel();
}

void FrameWindowModel::setSelectionModel(QItemSelectionModel *selection)
{
    m_selection = selection;
}

void FrameWindowModel::connectSource()
{
    QAbstractItemModel *source = m_source;
    const auto reset = [this] {
        m_first = m_source ? qMax(0, m_source->rowCount() - m_window) : 0;
        endResetModel();
    };
    m_links << connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                       [this](const QModelIndex &parent, int first, int last) {
                           if (parent.isValid())
                               return;
                           // Above the window they stay hidden; the rest map 1:1.
                           if (first < m_first) {
                               m_first += last - first + 1;
                               return;
                           }
                           beginInsertRows({}, first - m_first, last - m_first);
                           m_pendingInsert = true;
                       })
            << connect(source, &QAbstractItemModel::rowsInserted, this,
                       [this] {
                           if (!m_pendingInsert)
                               return;
                           m_pendingInsert = false;
                           endInsertRows();
                           trim();
                       })
            << connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                       [this](const QModelIndex &parent, int first, int last) {
                           if (parent.isValid())
                               return;
                           // The log drops its oldest entries: usually all above the window.
                           m_removedAbove = qMax(0, qMin(last, m_first - 1) - first + 1);
                           const int visibleFirst = qMax(first, m_first);
                           if (visibleFirst <= last) {
                               beginRemoveRows({}, visibleFirst - m_first, last - m_first);
                               m_pendingRemove = true;
                           }
                       })
            << connect(source, &QAbstractItemModel::rowsRemoved, this,
                       [this] {
                           m_first -= m_removedAbove;
                           m_removedAbove = 0;
                           if (m_pendingRemove) {
                               m_pendingRemove = false;
                               endRemoveRows();
                           }
                       })
            << connect(source, &QAbstractItemModel::dataChanged, this,
                       [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                              const QList<int> &roles) {
                           const int top = qMax(topLeft.row(), m_first);
                           const int bottom = bottomRight.row();
                           if (topLeft.parent().isValid() || top > bottom)
                               return;
                           emit dataChanged(index(top - m_first), index(bottom - m_first), roles);
                       })
            << connect(source, &QAbstractItemModel::modelAboutToBeReset, this,
                       [this] { beginResetModel(); })
            << connect(source, &QAbstractItemModel::modelReset, this, reset)
            // Rows reordered: which of them are the newest is no longer known here.
            << connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                       [this] { beginResetModel(); })
            << connect(source, &QAbstractItemModel::layoutChanged, this, reset)
            << connect(source, &QObject::destroyed, this, [this] { setSourceModel(nullptr); });
}

QModelIndex FrameWindowModel::mapToSource(const QModelIndex &index) const
{
    if (!m_source || !index.isValid() || index.model() != this)
        return {};
    return m_source->index(m_first + index.row(), 0);
}

int FrameWindowModel::showOlder(int count)
{
    const int add = qMin(count, m_first);
    if (add <= 0)
        return 0;
    beginInsertRows({}, 0, add - 1);
    m_first -= add;
    endInsertRows();
    return add;
}

void FrameWindowModel::setTrimming(bool trimming)
{
    m_trimming = trimming;
    if (trimming)
        trim();
}

int FrameWindowModel::firstKeptRow() const
{
    int kept = rowCount();
    if (!m_selection || m_selection->model() != this)
        return kept;
    // Selected rows only, not a bare current index: the list makes row 0 current when it gets
    // the focus, and that would stop all trimming.
    for (const QItemSelectionRange &range : m_selection->selection())
        kept = qMin(kept, range.top());
    return kept;
}

void FrameWindowModel::trim()
{
    if (!m_trimming)
        return;
    // In chunks of half a window, not row by row: each removal makes the view lay out again.
    const int excess = qMin(rowCount() - m_window, firstKeptRow());
    if (excess < m_window / 2)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_first += excess;
    endRemoveRows();
}

int FrameWindowModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_source)
        return 0;
    return m_source->rowCount() - m_first;
}

QVariant FrameWindowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_source)
        return {};
    return m_source->index(m_first + index.row(), 0).data(role);
}

QHash<int, QByteArray> FrameWindowModel::roleNames() const
{
    return m_source ? m_source->roleNames() : QAbstractListModel::roleNames();
}

} // namespace natter::devtools
