#include "MemberListModel.h"

#include "Members.h"

namespace natter::pusher {

namespace {

QString displayable(const QString &name)
{
    if (name.size() <= MemberListModel::MaxNameLength)
        return name;
    qsizetype cut = MemberListModel::MaxNameLength - 1; // and the ellipsis
    if (name.at(cut - 1).isHighSurrogate())
        --cut; // never half a character
    return name.left(cut) + QChar(0x2026);
}

} // namespace

MemberListModel::MemberListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void MemberListModel::setMembers(Members *members)
{
    beginResetModel();
    for (const auto &c : std::as_const(m_connections))
        QObject::disconnect(c);
    m_connections.clear();
    m_members = members;
    if (members) {
        m_connections << connect(members, &Members::aboutToReset, this, [this] {
            beginResetModel();
        }) << connect(members, &Members::wasReset, this, [this] {
            endResetModel();
            emit countChanged(count());
        }) << connect(members, &Members::aboutToAdd, this, [this](int row) {
            beginInsertRows({}, row, row);
        }) << connect(members, &Members::memberAdded, this, [this] {
            endInsertRows();
            emit countChanged(count());
        }) << connect(members, &Members::aboutToRemove, this, [this](int row) {
            beginRemoveRows({}, row, row);
        }) << connect(members, &Members::memberRemoved, this, [this] {
            endRemoveRows();
            emit countChanged(count());
        }) << connect(members, &Members::memberUpdated, this, [this](int row) {
            emit dataChanged(index(row), index(row));
        }) << connect(members, &QObject::destroyed, this, [this] { setMembers(nullptr); });
    }
    endResetModel();
    emit countChanged(count());
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_members)
        return 0;
    return m_members->count();
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_members)
        return {};
    const Member &m = m_members->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: {
        const QString name = m.info.value(QLatin1String("name")).toString();
        return displayable(name.isEmpty() ? m.id : name);
    }
    case IdRole:
        return m.id;
    case InfoRole:
        return m.info.toVariantMap();
    case IsMeRole:
        return m.id == m_members->myId();
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    auto roles = QAbstractListModel::roleNames();
    roles.insert(IdRole, "memberId");
    roles.insert(NameRole, "name");
    roles.insert(InfoRole, "info");
    roles.insert(IsMeRole, "isMe");
    return roles;
}

} // namespace natter::pusher
