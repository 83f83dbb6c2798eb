#pragma once

#include <QCollatorSortKey>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

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
    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // What a row sorts by, worked out once per row and kept until the row changes: sorting
    // 10,000 members compares ~130,000 pairs, and reading the names from the model and
    // collating them on every comparison stalled the window for a third of a second.
    struct SortKey
    {
        bool me;
        QCollatorSortKey name;
        QString id;
    };
    const SortKey &keyOf(const QModelIndex &sourceIndex) const;
    void forgetKeys(int first, int last);

    mutable std::vector<std::optional<SortKey>> m_keys; // by source row
    QList<QMetaObject::Connection> m_sourceLinks;
};

} // namespace natter::ui
