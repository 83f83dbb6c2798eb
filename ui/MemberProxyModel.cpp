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

bool MemberProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // You first, then everyone by name.
    const bool leftMe = left.data(MemberListModel::IsMeRole).toBool();
    if (leftMe != right.data(MemberListModel::IsMeRole).toBool())
        return leftMe;
    static thread_local QCollator collator = [] {
        QCollator c;
        c.setCaseSensitivity(Qt::CaseInsensitive);
        c.setNumericMode(true);
        return c;
    }();
    const QString a = left.data(MemberListModel::NameRole).toString();
    const QString b = right.data(MemberListModel::NameRole).toString();
    const int c = collator.compare(a, b);
    if (c != 0)
        return c < 0;
    return left.data(MemberListModel::IdRole).toString()
        < right.data(MemberListModel::IdRole).toString();
}

} // namespace natter::ui
