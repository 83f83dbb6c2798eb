#pragma once

#include "Member.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace natter::pusher {

// The member map of one presence channel: rebuilt from each subscription_succeeded, updated by
// member_added/removed, cleared when the connection drops (never stale across a reconnect).
//
// The server decides how many members arrive, so at most MaxMembers are kept (Pusher itself
// caps presence channels at 100 members, soketi by default too; a self-hosted server may
// allow more). Members beyond that are left out, with a warning and isTruncated(), until the
// next rebuild. 1,000 is ten times the usual cap and keeps a hostile 100,000-member
// announcement within one short event-loop turn: at 10,000 the conversion and the sorted panel
// alone took 250-400 ms of CPU (soketi_hostilepeers).
class Members : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxMembers = 1000;

    using QObject::QObject;
    ~Members() override; // announces the emptying (a reset) while still alive, for models

    int count() const { return int(m_list.size()); }
    std::optional<Member> get(const QString &id) const;
    const Member &at(int index) const { return m_list.at(index); }
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    void each(const std::function<void(const Member &)> &fn) const;
    const QList<Member> &all() const { return m_list; }
    QString myId() const { return m_myId; }
    std::optional<Member> me() const { return get(m_myId); }
    // Some members were left out (more than MaxMembers): the list and count() are incomplete.
    bool isTruncated() const { return m_truncated; }

    // Driven by PresenceChannel.
    void setMyId(const QString &id) { m_myId = id; }
    void reset(const QList<Member> &members);
    bool add(const Member &member);
    bool remove(const QString &id);
    void clear();
    // Set by reset()/add() when the cap is hit; a mirror of another list copies its flag.
    void setTruncated(bool truncated);
    // The same members, id and flag as `other` (one reset): the list and its index are shared,
    // not rebuilt, so mirroring 10,000 members costs nothing until one of them changes.
    void assign(const Members &other);

signals:
    void aboutToReset();
    void wasReset();
    void aboutToAdd(int index);
    void memberAdded(const natter::pusher::Member &member);
    void aboutToRemove(int index);
    void memberRemoved(const natter::pusher::Member &member);
    void memberUpdated(int index);
    void truncatedChanged(bool truncated);

private:
    QList<Member> m_list;
    QHash<QString, int> m_index;
    QString m_myId;
    bool m_truncated = false;
};

} // namespace natter::pusher
