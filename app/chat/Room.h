#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace natter::pusher {
class Clock;
class MemberListModel;
class Members;
class PresenceChannel;
class Timer;
} // namespace natter::pusher

namespace natter::chat {

class MessageListModel;
struct ChatMessage;

// One joined room: the presence channel `presence-<name>`, its messages and members, unread
// count and who is typing.
class Room : public QObject
{
    Q_OBJECT
    // natter-server mode: an older page is being fetched (the busy row at the top) / the server
    // has older messages than those shown (ChatController::loadOlder fetches them).
    Q_PROPERTY(bool loadingOlder READ isLoadingOlder NOTIFY loadingOlderChanged)
    Q_PROPERTY(bool hasOlder READ hasOlder NOTIFY hasOlderChanged)
public:
    Room(const QString &name, natter::pusher::PresenceChannel *channel, QObject *parent = nullptr);
    ~Room() override;

    QString name() const { return m_name; }
    QString channelName() const;
    static QString channelNameFor(const QString &room)
    {
        return QStringLiteral("presence-") + room;
    }
    // Null while the controller is not started.
    natter::pusher::PresenceChannel *channel() const; // out of line: the type is incomplete here
    MessageListModel *messages() const { return m_messages; }
    natter::pusher::MemberListModel *members() const { return m_members; }
    // The members shown by members(): the channel's, kept through a connection drop.
    natter::pusher::Members *memberList() const { return m_shownMembers; }
    // A member's display name (info "name", else the id, at most MaxNameLength characters);
    // empty if not a member.
    QString memberName(const QString &userId) const;
    bool isSubscribed() const;
    int unread() const { return m_unread; }
    void setActive(bool active); // the visible room has no unread messages
    void markRead(); // no unread messages, without showing the room (e.g. from a notification)
    bool isActive() const { return m_active; }
    // True while reconnecting: the member list is from before the drop (the UI greys it).
    bool membersStale() const { return m_membersStale; }
    QStringList typingUsers() const; // display names, sorted
    // Why the room's subscription failed (auth refused, ...); empty when fine.
    QString lastError() const { return m_lastError; }
    bool isLoadingOlder() const { return m_loadingOlder; }
    bool hasOlder() const { return m_hasOlder; }
    // History is being fetched after a (re)subscription (newest page or gap fill).
    bool isFetchingHistory() const { return m_fetchingHistory; }
    // Unread messages that mention the user (MentionRule); cleared with the unread count.
    int mentions() const { return m_mentions; }
    // The earliest unread message (where the "New messages" line goes); empty when none.
    QString firstUnreadId() const { return m_unread > 0 ? m_firstUnreadId : QString(); }

signals:
    void unreadChanged(int unread);
    void membersStaleChanged(bool stale);
    void typingChanged(const QStringList &names);
    void activeChanged(bool active);
    void errorChanged(const QString &error);
    void loadingOlderChanged(bool loading);
    void hasOlderChanged(bool hasOlder);
    void fetchingHistoryChanged(bool fetching);
    // A history fetch failed (it is retried; loadOlder() may be called again).
    void historyError(const QString &message);
    void mentionsChanged(int mentions);

private:
    friend class ChatController;
    friend class ServerMessageRoute;
    void setLoadingOlder(bool loading);
    void setHasOlder(bool hasOlder);
    void setFetchingHistory(bool fetching);
    void setChannel(natter::pusher::PresenceChannel *channel);
    void setClock(natter::pusher::Clock *clock);
    void addUnread(int count);
    void setMembersStale(bool stale);
    void setError(const QString &error);
    void setTyping(const QString &userId, const QString &name);
    void clearTyping(const QString &userId);
    void expireTyping();

    struct Typist
    {
        QString name;
        qint64 untilMs = 0; // on the controller's clock
    };

    QString m_name;
    QPointer<natter::pusher::PresenceChannel> m_channel;
    MessageListModel *m_messages;
    natter::pusher::Members *m_shownMembers;
    natter::pusher::MemberListModel *m_members;
    QList<QMetaObject::Connection> m_channelLinks;
    int m_unread = 0;
    bool m_active = false;
    bool m_membersStale = false;
    bool m_loadingOlder = false;
    bool m_hasOlder = false;
    bool m_fetchingHistory = false;
    QString m_lastError;
    natter::pusher::Clock *m_clock = nullptr;
    std::unique_ptr<natter::pusher::Timer> m_typingTimer;
    QHash<QString, Typist> m_typing; // user id -> name, until
    // memberName() per user id, bounded: every received message carries its sender's name, and
    // a member may announce a name of megabytes (copied out of the JSON on each lookup).
    mutable QHash<QString, QString> m_names;

    // Counts `messages` (from others, just added) as unread, the mentions among them apart.
    void addUnreadMessages(const QList<ChatMessage> &messages);
    void clearMentions();
    int m_mentions = 0;
    QString m_firstUnreadId;
};

} // namespace natter::chat
