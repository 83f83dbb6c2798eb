#pragma once

#include "MessageRoute.h"

#include <QHash>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

namespace natter::pusher {
class Timer;
}

namespace natter::chat {

class NatterServerApi;

// Messages through a natter-server: POST /rooms/R/messages with client_id = the outbox id (a
// retry never duplicates) and socket_id = ours (we do not get our own event back); incoming
// `new_message` events on presence-R, whose `user` the server signs. History: the newest page
// when a room is first subscribed, older pages on loadOlder(), and after every resubscription
// the messages after the last one seen (gap fill), page by page until has_more is false.
// Network errors, 5xx (without a stored message), 408 and 429 are retried with backoff (the
// message stays Pending in the outbox); other 4xx fail with the server's sentence.
class ServerMessageRoute : public MessageRoute
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;

    // `api` is not owned and must outlive the route.
    explicit ServerMessageRoute(NatterServerApi *api, QObject *parent = nullptr);
    ~ServerMessageRoute() override;

    void setClient(natter::pusher::Client *client, natter::pusher::Clock *clock,
                   const QString &userId) override;
    void roomAttached(Room *room) override;
    void roomDetached(Room *room) override;
    void roomSubscribed(Room *room) override;
    void memberJoined(Room *room, const QString &userId) override;
    void send(Room *room, const ChatMessage &message) override;
    bool isInFlight(const QString &room, const QString &id) const override;
    bool handleEvent(Room *room, const natter::pusher::Event &event) override;
    bool loadOlder(Room *room) override;
    bool hasHistory() const override { return true; }
    // PATCH / DELETE; a transient failure is tried again with backoff and on resubscription.
    void sendEdit(Room *room, const MessageChange &edit) override;
    bool isEditInFlight(const QString &room, const QString &id) const override;

    static QString messageEvent() { return QStringLiteral("new_message"); }
    // The server's broadcasts of an author's change: data is the MESSAGE as stored now.
    static QString editedEvent() { return QStringLiteral("message_edited"); }
    static QString deletedEvent() { return QStringLiteral("message_deleted"); }

private:
    struct RoomState;
    using StatePtr = std::shared_ptr<RoomState>;
    StatePtr stateOf(Room *room) const;
    // One POST at a time per room, in the order sent: the server's ids (the order everybody
    // sees) follow the order the user typed.
    void pump(const StatePtr &st);
    void post(const StatePtr &st, const QString &id);
    void retryLater(const StatePtr &st, const QString &id, int retryAfterSecs);
    void fetchNewest(const StatePtr &st);
    void fetchAfter(const StatePtr &st, int generation);
    void historyFailed(const StatePtr &st, const QString &message, std::function<void()> again);
    QString socketId() const;
    void patch(const StatePtr &st, const MessageChange &edit);
    bool handleEditEvent(Room *room, const natter::pusher::Event &event);

    NatterServerApi *m_api;
    natter::pusher::Client *m_client = nullptr;
    natter::pusher::Clock *m_clock = nullptr;
    QString m_userId;
    QHash<QString, StatePtr> m_rooms; // attached rooms by name
};

} // namespace natter::chat
