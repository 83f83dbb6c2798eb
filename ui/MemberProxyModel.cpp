#include "MemberProxyModel.h"

#include "PlainToolTip.h"

#include <pusher/MemberListModel.h>

#include <QCollator>

namespace natter::ui {

using natter::pusher::MemberListModel;

MemberProxyModel::MemberProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(MemberListModel::NameRole);
    setDynamicSortFilter(true);
    sort(0);
}

QVariant MemberProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        const QString name
            = QSortFilterProxyModel::data(index, MemberListModel::NameRole).toString();
        if (QSortFilterProxyModel::data(index, MemberListModel::IsMeRole).toBool())
            return tr("%1 (you)").arg(name);
        return name;
    }
    if (role == Qt::ToolTipRole) {
        // The full name (the row may be elided), and the id when it says something else.
        const QString name
            = QSortFilterProxyModel::data(index, MemberListModel::NameRole).toString();
        const QString id = QSortFilterProxyModel::data(index, MemberListModel::IdRole).toString();
        return plainToolTip(name == id || name.isEmpty() ? id : name + u'\n' + id);
    }
    return QSortFilterProxyModel::data(index, role);
}

void MemberProxyModel::setSourceModel(QAbstractItemModel *source)
{
    for (const auto &link : std::as_const(m_sourceLinks))
        disconnect(link);
    m_sourceLinks.clear();
    m_keys.clear();
    // Connected before the base class connects its own handlers, so that the keys follow the
    // source's rows before the proxy sorts or inserts by them.
    if (source) {
        const auto forgetAll = [this] { m_keys.clear(); };
        m_sourceLinks << connect(source, &QAbstractItemModel::modelAboutToBeReset, this, forgetAll)
                      << connect(source, &QAbstractItemModel::modelReset, this, forgetAll)
                      << connect(source, &QAbstractItemModel::layoutChanged, this, forgetAll)
                      << connect(source, &QAbstractItemModel::rowsMoved, this, forgetAll)
                      << connect(source, &QAbstractItemModel::rowsInserted, this,
                                 [this](const QModelIndex &parent, int first, int last) {
                                     if (parent.isValid() || size_t(first) > m_keys.size())
                                         return m_keys.clear();
                                     m_keys.insert(m_keys.begin() + first, size_t(last - first + 1),
                                                   std::nullopt);
                                 })
                      << connect(source, &QAbstractItemModel::rowsRemoved, this,
                                 [this](const QModelIndex &parent, int first, int last) {
                                     if (parent.isValid() || size_t(last) >= m_keys.size())
                                         return m_keys.clear();
                                     m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
                                 })
                      << connect(source, &QAbstractItemModel::dataChanged, this,
                                 [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                                     forgetKeys(topLeft.row(), bottomRight.row());
                                 });
    }
    QSortFilterProxyModel::setSourceModel(source);
}

void MemberProxyModel::forgetKeys(int first, int last)
{
    for (int row = qMax(0, first); row <= last && size_t(row) < m_keys.size(); ++row)
        m_keys[size_t(row)].reset();
}

const MemberProxyModel::SortKey &MemberProxyModel::keyOf(const QModelIndex &sourceIndex) const
{
    static thread_local QCollator collator = [] {
        QCollator c;
        c.setCaseSensitivity(Qt::CaseInsensitive);
        c.setNumericMode(true);
        return c;
    }();
    const size_t row = size_t(sourceIndex.row());
    if (m_keys.size() < size_t(sourceModel()->rowCount()))
        m_keys.resize(size_t(sourceModel()->rowCount()));
    std::optional<SortKey> &key = m_keys[row];
    if (!key)
        key = SortKey{
            sourceIndex.data(MemberListModel::IsMeRole).toBool(),
            // Folded: in the C locale a sort key is the bytes of the string, case and all.
            collator.sortKey(sourceIndex.data(MemberListModel::NameRole).toString().toCaseFolded()),
            sourceIndex.data(MemberListModel::IdRole).toString()};
    return *key;
}

bool MemberProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // You first, then everyone by name, then by id.
    const SortKey &a = keyOf(left);
    const SortKey &b = keyOf(right);
    if (a.me != b.me)
        return a.me;
    const int c = a.name.compare(b.name);
    if (c != 0)
        return c < 0;
    return a.id < b.id;
}

} // namespace natter::ui
