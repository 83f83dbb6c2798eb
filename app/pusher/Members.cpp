#include "Members.h"

#include "LogPusher.h"

namespace natter::pusher {

Members::~Members()
{
    // Observers (MemberListModel) can still read the old rows while the reset is announced;
    // by the time QObject::destroyed is emitted, QPointers to us are already null.
    clear();
}

std::optional<Member> Members::get(const QString &id) const
{
    const int i = m_index.value(id, -1);
    if (i < 0)
        return std::nullopt;
    return m_list.at(i);
}

void Members::each(const std::function<void(const Member &)> &fn) const
{
    for (const Member &m : m_list)
        fn(m);
}

void Members::reset(const QList<Member> &members)
{
    emit aboutToReset();
    m_list.clear();
    m_index.clear();
    bool truncated = false;
    for (const Member &m : members) {
        if (m_index.contains(m.id))
            continue;
        if (m_list.size() >= MaxMembers) {
            truncated = true;
            break;
        }
        m_index.insert(m.id, int(m_list.size()));
        m_list.append(m);
    }
    emit wasReset();
    setTruncated(truncated);
}

void Members::assign(const Members &other)
{
    emit aboutToReset();
    m_list = other.m_list;
    m_index = other.m_index;
    m_myId = other.m_myId;
    emit wasReset();
    setTruncated(other.m_truncated);
}

void Members::setTruncated(bool truncated)
{
    if (m_truncated == truncated)
        return;
    m_truncated = truncated;
    if (truncated)
        qCWarning(lcPusher) << "more than" << MaxMembers
                            << "members on a presence channel: the rest are left out";
    emit truncatedChanged(truncated);
}

bool Members::add(const Member &member)
{
    const int existing = m_index.value(member.id, -1);
    if (existing >= 0) {
        // A second connection of the same user: the server should not announce it, but if it
        // does, refresh the info rather than count the user twice.
        if (m_list[existing].info != member.info) {
            m_list[existing].info = member.info;
            emit memberUpdated(existing);
        }
        return false;
    }
    if (m_list.size() >= MaxMembers) {
        setTruncated(true);
        return false;
    }
    const int index = int(m_list.size());
    emit aboutToAdd(index);
    m_index.insert(member.id, index);
    m_list.append(member);
    emit memberAdded(member);
    return true;
}

bool Members::remove(const QString &id)
{
    const int index = m_index.value(id, -1);
    if (index < 0)
        return false; // unknown member: ignore, as pusher-js does
    emit aboutToRemove(index);
    const Member removed = m_list.takeAt(index);
    m_index.remove(id);
    for (int i = index; i < m_list.size(); ++i)
        m_index[m_list.at(i).id] = i;
    emit memberRemoved(removed);
    return true;
}

void Members::clear()
{
    if (m_list.isEmpty())
        return;
    reset({});
}

} // namespace natter::pusher
