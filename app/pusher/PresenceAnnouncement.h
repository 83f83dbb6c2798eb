#pragma once

#include "Member.h"

#include <QList>
#include <QString>

namespace natter::pusher {

// The member list of a pusher_internal:subscription_succeeded, read from its JSON text without
// building a QJsonDocument of it: the server decides how long the list is (100,000 members make
// a 3 MB frame), and only the first `limit` members are ever converted.
class PresenceAnnouncement
{
public:
    // At most `limit` members, each id once: in the order of presence.ids when the server sends
    // a non-empty one (hash entries give the info), else in the order of presence.hash. Data
    // that is not a JSON object with a presence object gives none.
    static QList<Member> members(const QString &data, qsizetype limit);
};

} // namespace natter::pusher
