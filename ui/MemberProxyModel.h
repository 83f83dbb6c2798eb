#pragma once

#include <QSortFilterProxyModel>

namespace natter::ui {

// Who's Online order and labels over a natter::pusher::MemberListModel: sorted by display name
// (case-insensitive, locale-aware; ties by id) after your own entry, which is pinned first and
// labelled "NAME (you)".
class MemberProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MemberProxyModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace natter::ui
