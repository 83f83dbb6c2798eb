#pragma once

#include "Channel.h"
#include "Members.h"

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
    void onSubscriptionSucceeded(const Event &event) override;
    void onReset() override;
    void handleInternal(const Event &event) override;

private:
    Members m_members;
};

} // namespace natter::pusher
