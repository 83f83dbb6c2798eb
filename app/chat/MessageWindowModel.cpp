#include "MessageWindowModel.h"

#include "MessageListModel.h"

namespace natter::chat {

MessageWindowModel::MessageWindowModel(int window, QObject *parent)
    : QAbstractListModel(parent)
    , m_window(qMax(1, window))
{
}

void MessageWindowModel::setSourceModel(MessageListModel *source)
{
    beginResetModel();
    for (const auto &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_source = source;
    m_first = source ? qMax(0, source->rowCount() - m_window) : 0;
    if (source) {
        m_links << connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                           [this](const QModelIndex &, int first, int last) {
                               // Rows inserted above the window stay hidden; the rest map 1:1.
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
                           [this](const QModelIndex &, int first, int last) {
                               const int hiddenAbove = qMax(0, qMin(last, m_first - 1) - first + 1);
                               const int visibleFirst = qMax(first, m_first);
                               if (visibleFirst <= last) {
                                   beginRemoveRows({}, visibleFirst - m_first, last - m_first);
                                   m_pendingRemove = true;
                               }
                               m_removedAbove = hiddenAbove;
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
                           [this](const QModelIndex &tl, const QModelIndex &br,
                                  const QList<int> &roles) {
                               const int top = qMax(tl.row(), m_first);
                               const int bottom = br.row();
                               if (top > bottom)
                                   return;
                               emit dataChanged(index(top - m_first), index(bottom - m_first),
                                                roles);
                           })
                << connect(source, &QAbstractItemModel::modelAboutToBeReset, this,
                           [this] { beginResetModel(); })
                << connect(source, &QAbstractItemModel::modelReset, this,
                           [this] {
                               m_first = m_source ? qMax(0, m_source->rowCount() - m_window) : 0;
                               endResetModel();
                           })
                << connect(source, &QObject::destroyed, this, [this] { setSourceModel(nullptr); });
    }
    endResetModel();
}

int MessageWindowModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_source)
        return 0;
    return m_source->rowCount() - m_first;
}

QVariant MessageWindowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_source)
        return {};
    return m_source->data(m_source->index(m_first + index.row()), role);
}

QHash<int, QByteArray> MessageWindowModel::roleNames() const
{
    return m_source ? m_source->roleNames() : QAbstractListModel::roleNames();
}

int MessageWindowModel::showOlder(int count)
{
    const int add = qMin(count, m_first);
    if (add <= 0)
        return 0;
    beginInsertRows({}, 0, add - 1);
    m_first -= add;
    endInsertRows();
    return add;
}

void MessageWindowModel::setTrimming(bool trimming)
{
    m_trimming = trimming;
    if (trimming)
        trim();
}

void MessageWindowModel::trim()
{
    // Trim in chunks (window/2 at a time), not row by row: each removal makes the view re-lay out.
    const int excess = rowCount() - m_window;
    if (!m_trimming || excess < m_window / 2)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_first += excess;
    endRemoveRows();
}

} // namespace natter::chat
