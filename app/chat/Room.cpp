#include "Room.h"

#include "ChatMessage.h"
#include "MessageListModel.h"

#include <pusher/Clock.h>
#include <pusher/MemberListModel.h>
#include <pusher/Members.h>
#include <pusher/PresenceChannel.h>
#include <pusher/Timer.h>

#include <algorithm>

namespace natter::chat {

using natter::pusher::Member;
using natter::pusher::Members;

namespace {
constexpr int kTypingShownMs = 3000;
}

Room::Room(const QString &name, natter::pusher::PresenceChannel *channel, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_messages(new MessageListModel(this))
    , m_shownMembers(new Members(this))
    , m_members(new natter::pusher::MemberListModel(this))
{
    m_members->setMembers(m_shownMembers);
    const auto forgetNames = [this] { m_names.clear(); };
    connect(m_shownMembers, &Members::wasReset, this, forgetNames);
    connect(m_shownMembers, &Members::memberAdded, this, forgetNames);
    connect(m_shownMembers, &Members::memberRemoved, this, forgetNames);
    connect(m_shownMembers, &Members::memberUpdated, this, forgetNames);
    setChannel(channel);
}

Room::~Room()
{
    for (const auto &link : std::as_const(m_channelLinks))
        disconnect(link);
}

QString Room::channelName() const
{
    return channelNameFor(m_name);
}

natter::pusher::PresenceChannel *Room::channel() const
{
    return m_channel;
}

bool Room::isSubscribed() const
{
    return m_channel && m_channel->isSubscribed();
}

QString Room::memberName(const QString &userId) const
{
    if (const auto known = m_names.constFind(userId); known != m_names.cend())
        return *known;
    const std::optional<Member> m = m_shownMembers->get(userId);
    if (!m)
        return {};
    QString name = m->info.value(QLatin1String("name")).toString();
    if (name.isEmpty())
        name = m->id;
    constexpr int kMax = natter::pusher::MemberListModel::MaxNameLength;
    if (name.size() > kMax) {
        qsizetype keep = kMax - 1; // and the ellipsis
        if (name.at(keep - 1).isHighSurrogate())
            --keep; // never split a character
        name = name.left(keep) + QChar(0x2026);
    }
    m_names.insert(userId, name);
    return name;
}

void Room::setChannel(natter::pusher::PresenceChannel *channel)
{
    for (const auto &link : std::as_const(m_channelLinks))
        disconnect(link);
    m_channelLinks.clear();
    m_channel = channel;
    if (!channel) {
        m_shownMembers->clear();
        return;
    }
    // The library clears a presence channel's members when the connection drops (they are
    // unknown until the next subscription_succeeded). The window keeps showing the last known
    // list, greyed (membersStale), instead of an empty one: so mirror every change except the
    // clear, and take the whole list again on each rebuild.
    Members *source = channel->members();
    const auto mirror = [this, source] {
        if (source->count() == 0)
            return; // a clear (connection down): keep the last known members
        m_shownMembers->assign(*source);
    };
    m_channelLinks << connect(source, &Members::wasReset, this, mirror)
                   << connect(source, &Members::memberAdded, this,
                              [this](const Member &m) { m_shownMembers->add(m); })
                   << connect(source, &Members::memberRemoved, this,
                              [this](const Member &m) { m_shownMembers->remove(m.id); })
                   << connect(source, &Members::memberUpdated, this,
                              [this, source](int index) { m_shownMembers->add(source->at(index)); })
                   << connect(source, &Members::truncatedChanged, m_shownMembers,
                              &Members::setTruncated);
    if (source->count() > 0)
        mirror();
    else
        m_shownMembers->clear();
}

void Room::setClock(natter::pusher::Clock *clock)
{
    m_typingTimer.reset();
    m_clock = clock;
    if (!m_typing.isEmpty()) {
        m_typing.clear();
        emit typingChanged({});
    }
    if (clock) {
        m_typingTimer = clock->createTimer();
        m_typingTimer->setCallback([this] { expireTyping(); });
    }
}

void Room::setActive(bool active)
{
    if (active)
        clearMentions();
    if (active && m_unread != 0) {
        m_unread = 0;
        emit unreadChanged(0);
    }
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged(active);
}

void Room::markRead()
{
    clearMentions();
    if (m_unread == 0)
        return;
    m_unread = 0;
    emit unreadChanged(0);
}

void Room::addUnread(int count)
{
    if (m_active || count <= 0)
        return;
    m_unread += count;
    emit unreadChanged(m_unread);
}

void Room::setMembersStale(bool stale)
{
    if (stale == m_membersStale)
        return;
    m_membersStale = stale;
    emit membersStaleChanged(stale);
}

void Room::setError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit errorChanged(error);
}

QStringList Room::typingUsers() const
{
    const qint64 now = m_clock ? m_clock->nowMs() : 0;
    QStringList names;
    for (const Typist &t : m_typing) {
        if (t.untilMs > now)
            names.append(t.name);
    }
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return names;
}

void Room::setTyping(const QString &userId, const QString &name)
{
    if (!m_clock)
        return;
    const bool known = m_typing.contains(userId) && m_typing.value(userId).name == name;
    m_typing.insert(userId, {name, m_clock->nowMs() + kTypingShownMs});
    if (!m_typingTimer->isActive())
        m_typingTimer->start(kTypingShownMs);
    if (!known)
        emit typingChanged(typingUsers());
}

void Room::clearTyping(const QString &userId)
{
    if (m_typing.remove(userId))
        emit typingChanged(typingUsers());
}

void Room::expireTyping()
{
    const qint64 now = m_clock->nowMs();
    qint64 next = -1;
    bool removed = false;
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        if (it->untilMs <= now) {
            it = m_typing.erase(it);
            removed = true;
        } else {
            next = next < 0 ? it->untilMs : qMin(next, it->untilMs);
            ++it;
        }
    }
    if (next >= 0)
        m_typingTimer->start(int(next - now));
    if (removed)
        emit typingChanged(typingUsers());
}

void Room::setLoadingOlder(bool loading)
{
    if (m_loadingOlder == loading)
        return;
    m_loadingOlder = loading;
    emit loadingOlderChanged(loading);
}

void Room::setHasOlder(bool hasOlder)
{
    if (m_hasOlder == hasOlder)
        return;
    m_hasOlder = hasOlder;
    emit hasOlderChanged(hasOlder);
}

void Room::setFetchingHistory(bool fetching)
{
    if (m_fetchingHistory == fetching)
        return;
    m_fetchingHistory = fetching;
    emit fetchingHistoryChanged(fetching);
}

void Room::addUnreadMessages(const QList<ChatMessage> &messages)
{
    if (m_active || messages.isEmpty())
        return;
    // The earliest of them by position: a gap fill can land above what was already unread.
    int firstRow = m_unread > 0 ? m_messages->rowOf(m_firstUnreadId) : -1;
    if (m_unread == 0)
        m_firstUnreadId.clear();
    int mentioned = 0;
    for (const ChatMessage &m : messages) {
        if (m.mentionsMe)
            ++mentioned;
        const int row = m_messages->rowOf(m.id); // -1 while buffered: it comes last anyway
        if (m_firstUnreadId.isEmpty() || (row >= 0 && firstRow >= 0 && row < firstRow)) {
            m_firstUnreadId = m.id;
            firstRow = row;
        }
    }
    if (mentioned > 0) {
        m_mentions += mentioned;
        emit mentionsChanged(m_mentions);
    }
    addUnread(int(messages.size()));
}

void Room::clearMentions()
{
    if (m_mentions == 0)
        return;
    m_mentions = 0;
    emit mentionsChanged(0);
}

} // namespace natter::chat
