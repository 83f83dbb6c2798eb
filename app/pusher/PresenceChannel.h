#pragma once

#include "Channel.h"
#include "Event.h"
#include "Members.h"

#include <QList>

namespace natter::pusher {

// presence-*: a Channel with a member list, and `me` from the channel_data we were authorized with.
class PresenceChannel : public Channel
{
    Q_OBJECT
public:
    PresenceChannel(const QString &name, const Services &services, QObject *parent = nullptr);

    Members *members() { return &m_members; }
    const Members *members() const { return &m_members; }

signals:
    void memberAdded(const natter::pusher::Member &member);
    void memberRemoved(const natter::pusher::Member &member);

protected:
    bool acceptAuth(const AuthResponse &response, QString *whyNot) override;
    bool onSubscriptionSucceeded(const Event &event) override;
    void onReset() override;
    void handleInternal(const Event &event) override;

private:
    void apply(const Event &event);
    void setMembers(const QList<Member> &members);
    bool isStale(quint64 announcement) const;

    // A larger announcement is read on a later turn of the event loop, not in the one that
    // parsed its frame, and one left escaped (Event::dataEscaped) is unescaped on a turn of its
    // own before that: a hostile server's 100,000 members (6 MB) took 65 M instructions and
    // 17 MB of fresh pages in one turn; now 25-36 ms of CPU in each of three turns
    // (soketi_hostilepeers, bench_presence).
    static constexpr qsizetype ReadLaterBytes = 256 * 1024;

    Members m_members;
    // Member events that arrived between pusher:subscribe and subscription_succeeded. A soketi
    // cluster (Redis adapter) sends them when members on two nodes join at the same moment: each
    // node builds its member list before the other's join is visible, then relays the other's
    // member_added, which can overtake the list. Dropping them (as pusher-js does) loses those
    // members for good; they are applied on top of the list instead.
    QList<Event> m_early;
    // Counts announcements and resets: a read left for later is dropped once it is stale.
    quint64 m_announcements = 0;
};

} // namespace natter::pusher
