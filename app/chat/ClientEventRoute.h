#pragma once

#include "MessageRoute.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace natter::chat {

// The serverless mode: a message is the client event `client-message` on the room's presence
// channel, confirmed when the library sees that the server read it (ClientEventQueue). No
// history. Messages flushed right after a resubscription are offered once to a member who
// joins just after (see Replay).
class ClientEventRoute : public MessageRoute
{
    Q_OBJECT
public:
    explicit ClientEventRoute(QObject *parent = nullptr);
    ~ClientEventRoute() override;

    void setClient(natter::pusher::Client *client, natter::pusher::Clock *clock,
                   const QString &userId) override;
    void roomAttached(Room *room) override;
    void roomDetached(Room *room) override;
    void roomSubscribed(Room *room) override;
    void memberJoined(Room *room, const QString &userId) override;
    void send(Room *room, const ChatMessage &message) override;
    bool isInFlight(const QString &room, const QString &id) const override;
    bool handleEvent(Room *room, const natter::pusher::Event &event) override;
    void sendEdit(Room *room, const MessageChange &edit) override;
    bool isEditInFlight(const QString &room, const QString &id) const override;

private:
    // Messages that were waiting while the room was not subscribed go out in a flush right after
    // the (re)subscription, when the other members may not have resubscribed yet: client events
    // reach only those subscribed at that moment. Those confirmed in the first seconds after the
    // subscription are offered once to the next member who joins soon after, and never again.
    // A message sent in steady state is never sent twice.
    struct Replay
    {
        qint64 subscribedAtMs = -1;
        QSet<QString> heldIds; // queued while not subscribed
        QStringList ids; // confirmed early after the subscription, in order
        // A member joined while some held messages were still unconfirmed: those are sent
        // again as soon as they are confirmed (the joiner may have subscribed just after them).
        bool joinerWaiting = false;
    };

    Room *roomForChannel(const QString &channel) const;
    void onConfirmed(const QString &channel, const QString &event, const QString &id);
    void onRejected(const QString &channel, const QString &event, const QString &id,
                    const QString &reason);
    void replayToJoiner(Room *room);

    natter::pusher::Client *m_client = nullptr;
    natter::pusher::Clock *m_clock = nullptr;
    QString m_userId;
    QList<Room *> m_rooms; // attached
    // Per room: message ids handed to the library and not yet confirmed or refused.
    QHash<QString, QSet<QString>> m_queued;
    QHash<QString, Replay> m_replay;
    // Per room: edits and deletes handed to the library, by message id, until confirmed.
    QHash<QString, QHash<QString, MessageChange>> m_edits;
};

} // namespace natter::chat
