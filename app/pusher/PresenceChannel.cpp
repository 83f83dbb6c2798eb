#include "PresenceChannel.h"

#include "AuthResponse.h"
#include "JsonStringToken.h"
#include "JsonText.h"
#include "LogPusher.h"
#include "PresenceAnnouncement.h"

#include <QJsonDocument>
#include <QTimer>

#include <optional>

namespace natter::pusher {

using json::idString;

PresenceChannel::PresenceChannel(const QString &name, const Services &services, QObject *parent)
    : Channel(name, services, parent)
{
    QObject::connect(&m_members, &Members::memberAdded, this, &PresenceChannel::memberAdded);
    QObject::connect(&m_members, &Members::memberRemoved, this, &PresenceChannel::memberRemoved);
}

bool PresenceChannel::acceptAuth(const AuthResponse &response, QString *whyNot)
{
    if (!Channel::acceptAuth(response, whyNot))
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(response.channelData.toUtf8());
    const QString id = idString(doc.object().value(QLatin1String("user_id")));
    if (id.isEmpty()) {
        *whyNot = QStringLiteral("the auth response for %1 has no channel_data with a user_id")
                      .arg(name());
        return false;
    }
    m_members.setMyId(id);
    m_early.clear(); // a new pusher:subscribe follows: older early events are not about it
    ++m_announcements; // nor is a list still waiting to be read
    return true;
}

bool PresenceChannel::onSubscriptionSucceeded(const Event &event)
{
    // One more than the list keeps tells Members it is truncated; converting the rest of a
    // huge announcement (100,000 members) would only stall the event loop for nothing.
    constexpr qsizetype limit = Members::MaxMembers + 1;
    const QByteArray announcement = event.dataUtf8.isEmpty() ? event.data.toUtf8() : event.dataUtf8;
    const quint64 n = ++m_announcements;
    if (!event.dataEscaped && announcement.size() < ReadLaterBytes) {
        setMembers(PresenceAnnouncement::membersFromUtf8(announcement, limit));
        return true;
    }
    // Until then the channel stays Pending and holds its events back (Channel::handleEvent), so
    // nothing sees the half-read list or overtakes it.
    const auto read = [this, n](const QByteArray &text, bool padded) {
        QTimer::singleShot(0, this, [this, n, text, padded] {
            if (isStale(n))
                return;
            setMembers(padded ? PresenceAnnouncement::membersFromPaddedUtf8(text, limit)
                              : PresenceAnnouncement::membersFromUtf8(text, limit));
            completeSubscription();
        });
    };
    if (!event.dataEscaped) {
        read(announcement, false);
        return false;
    }
    // Unescaped on a turn of its own, read on the next.
    QTimer::singleShot(0, this, [this, n, announcement, read] {
        if (isStale(n))
            return;
        const std::optional<QByteArray> text = json::unescapeStringToken(announcement);
        if (!text)
            qCWarning(lcPusher) << "the member list of" << name()
                                << "is not a well-formed JSON string: no members";
        read(text.value_or(QByteArray()), true);
    });
    return false;
}

bool PresenceChannel::isStale(quint64 announcement) const
{
    // Reset, failed or announced again since.
    return announcement != m_announcements || state() != State::Pending;
}

void PresenceChannel::setMembers(const QList<Member> &members)
{
    m_members.reset(members);
    const QList<Event> early = std::exchange(m_early, {});
    for (const Event &e : early)
        apply(e);
}

void PresenceChannel::onReset()
{
    ++m_announcements;
    m_early.clear();
    m_members.clear();
}

void PresenceChannel::handleInternal(const Event &event)
{
    if (!isSubscribed()) {
        // Bounded: a list this long is truncated anyway.
        if (m_early.size() < Members::MaxMembers)
            m_early.append(event);
        return;
    }
    apply(event);
}

void PresenceChannel::apply(const Event &event)
{
    if (event.event == QLatin1String("pusher_internal:member_added")) {
        const QJsonObject data = event.dataObject();
        const QString id = idString(data.value(QLatin1String("user_id")));
        if (id.isEmpty()) {
            qCWarning(lcPusher) << "member_added without user_id on" << name();
            return;
        }
        m_members.add({id, data.value(QLatin1String("user_info")).toObject()});
        return;
    }
    if (event.event == QLatin1String("pusher_internal:member_removed")) {
        const QString id = idString(event.dataObject().value(QLatin1String("user_id")));
        if (!id.isEmpty())
            m_members.remove(id);
    }
}

} // namespace natter::pusher
