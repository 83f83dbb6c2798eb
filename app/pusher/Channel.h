#pragma once

#include "ChannelError.h"
#include "ChannelName.h"
#include "ClientEventQueue.h"
#include "Event.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace natter::pusher {

class AuthRequest;
class Authorizer;
class Backoff;
class Clock;
class ClientEventQueue;
class Connection;
class Timer;
struct AuthResponse;
struct AuthError;

// One subscription and its state machine: unsubscribed -> (authorizing ->) pending -> subscribed,
// or failed with a reason and a retry path. Reset on every disconnect, redone on every reconnect.
class Channel : public QObject
{
    Q_OBJECT
public:
    enum class State { Unsubscribed, Authorizing, Pending, Subscribed, Failed };
    Q_ENUM(State)

    struct Services
    {
        Connection *connection = nullptr;
        Authorizer *authorizer = nullptr;
        Clock *clock = nullptr;
        ClientEventQueue *clientEvents = nullptr;
    };

    Channel(const QString &name, const Services &services, QObject *parent = nullptr);
    ~Channel() override;

    QString name() const { return m_name; }
    ChannelName::Type type() const { return m_type; }
    bool isCache() const { return m_cache; }
    State state() const { return m_state; }
    bool isSubscribed() const { return m_state == State::Subscribed; }
    bool isWanted() const { return m_wanted; }
    std::optional<ChannelError> lastError() const { return m_lastError; }
    int subscriptionCount() const { return m_subscriptionCount; }

    // Run `handler` for events named `event` until `context` is destroyed (or the returned
    // connection is disconnected): bindings never outlive their owner.
    QMetaObject::Connection bind(const QString &event, const QObject *context,
                                 std::function<void(const Event &)> handler);
    // All events of this channel, pusher:* ones excluded.
    QMetaObject::Connection bindAll(const QObject *context,
                                    std::function<void(const Event &)> handler);

    // Sends a client event (client- prefix, private/presence only, <= 10 KB), queued until the
    // channel is subscribed and paced at 10/s per connection. Returns the local error, if any.
    // Delivery is confirmed through the ClientEventQueue's signals, which carry `tag`.
    std::optional<ClientEventError> trigger(
        const QString &event, const QString &rawJsonData, const QString &tag = {},
        ClientEventQueue::Delivery delivery = ClientEventQueue::Delivery::Confirmed);

    // Try again after a failure (or skip the wait before an auth retry).
    void retry();

    // Driven by Client.
    void subscribe();
    void unsubscribe();
    void connectionUp();
    void connectionDown();
    void handleEvent(const Event &event);
    void handleServerError(int code, const QString &message);

signals:
    void stateChanged(natter::pusher::Channel::State previous,
                      natter::pusher::Channel::State current);
    void subscribed();
    void subscriptionFailed(const natter::pusher::ChannelError &error);
    // Auth failed transiently (5xx, timeout): retrying in `ms`.
    void authRetrying(int ms, const QString &reason);
    void eventReceived(const natter::pusher::Event &event);
    void subscriptionCountChanged(int count);
    void cacheMiss();
    void clientEventRejected(const natter::pusher::ClientEventError &error);

protected:
    // Hooks for the presence and encrypted variants.
    virtual bool acceptAuth(const AuthResponse &response, QString *whyNot);
    // pusher_internal:subscription_succeeded. False: the subscription completes later, when the
    // subclass calls completeSubscription(); the channel's events meanwhile are held back and
    // handled then, in order.
    virtual bool onSubscriptionSucceeded(const Event &event);
    virtual void onReset();
    virtual void deliver(const Event &event);
    virtual void handleInternal(
        const Event &event); // pusher_internal:* other than subscription ones
    virtual QString subscribeData(const AuthResponse &response) const;
    void setState(State state);
    void fail(const ChannelError &error);
    void completeSubscription();
    Services m_services;

private:
    void start();
    void onAuthSucceeded(const AuthResponse &response);
    void onAuthFailed(const AuthError &error);
    void cancelAuth();
    void dropHeldEvents();

    QString m_name;
    ChannelName::Type m_type;
    bool m_cache;
    State m_state = State::Unsubscribed;
    bool m_wanted = false;
    bool m_completing = false; // onSubscriptionSucceeded() returned false
    QList<Event> m_held; // while m_completing
    int m_subscriptionCount = -1;
    std::optional<ChannelError> m_lastError;
    QPointer<AuthRequest> m_authRequest;
    std::unique_ptr<Timer> m_authRetryTimer;
    std::unique_ptr<Backoff> m_authBackoff;
};

} // namespace natter::pusher
