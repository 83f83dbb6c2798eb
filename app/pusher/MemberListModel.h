#pragma once

#include <QAbstractListModel>
#include <QPointer>

namespace natter::pusher {

class Members;

// A list model over a presence channel's members, kept in step with member_added/removed and
// with each rebuild. Sorting and decoration are left to proxies and views.
class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, InfoRole, IsMeRole };
    // A name (or the id standing in for it) is cut to this many characters for display: the
    // peer chooses it, and one of a megabyte would stall sorting and layout.
    static constexpr int MaxNameLength = 200;

    explicit MemberListModel(QObject *parent = nullptr);
    void setMembers(Members *members); // nullptr detaches

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return rowCount(); }

signals:
    void countChanged(int count);

private:
    QPointer<Members> m_members;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace natter::pusher
