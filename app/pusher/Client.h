#pragma once

#include "Channel.h"
#include "ConnectionOptions.h"
#include "Transport.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace natter::pusher {

class Authorizer;
class ClientEventQueue;
class Clock;
class Connection;
class EncryptedChannel;
class PresenceChannel;
class UserSession;

// The library's entry point, like `new Pusher(key, options)`: one connection, its channels,
// the user session and client-event pacing. Dependencies (authorizer, clock, transport) are
// passed in; the defaults are the real ones.
class Client : public QObject
{
    Q_OBJECT
public:
    // Unsubscribed channels kept for a re-subscribe (the same object comes back); older ones
    // are deleted, so a long session through many channel names stays bounded in memory.
    static constexpr int RetainedUnsubscribed = 32;

    Client(const ConnectionOptions &options, Authorizer *authorizer, QObject *parent = nullptr);
    Client(const ConnectionOptions &options, Authorizer *authorizer, Clock *clock,
           TransportFactory factory, QObject *parent = nullptr);
    ~Client() override;

    Connection *connection() const { return m_connection; }
    UserSession *user() const { return m_user; }
    ClientEventQueue *clientEvents() const { return m_clientEvents; }
    Clock *clock() const { return m_clock; }

    void connect();
    void disconnect();

    // Returns the channel (the same object when called again: idempotent), or nullptr with
    // `error` set when the name is invalid. Safe to call while disconnected.
    Channel *subscribe(const QString &name, QString *error = nullptr);
    PresenceChannel *subscribePresence(const QString &name, QString *error = nullptr);
    EncryptedChannel *subscribeEncrypted(const QString &name, QString *error = nullptr);
    // The channel stays (Unsubscribed) among the RetainedUnsubscribed most recent ones, then
    // it is deleted on a later event-loop turn: keep QPointers, not raw pointers, to channels.
    void unsubscribe(const QString &name);
    Channel *channel(const QString &name) const { return m_channels.value(name); }
    QList<Channel *> channels() const { return m_channels.values(); }

    // Every application event on every channel, until `context` is destroyed.
    QMetaObject::Connection bindGlobal(const QObject *context,
                                       std::function<void(const Event &)> handler);

signals:
    void eventReceived(const natter::pusher::Event &event);
    // A pusher:error that names no channel we know and is not about sign-in.
    void serverError(int code, const QString &message);

private:
    void init();
    Channel *open(const QString &name);
    void onEvent(const Event &event);
    void onServerError(int code, const QString &message, const QString &channel);
    void onStateChanged();

    std::unique_ptr<Clock> m_ownClock;
    Clock *m_clock;
    Authorizer *m_authorizer;
    Connection *m_connection;
    ClientEventQueue *m_clientEvents;
    UserSession *m_user;
    QHash<QString, Channel *> m_channels;
    QStringList m_unsubscribed; // names of the retained unsubscribed channels, oldest first
    // The last channel an event was routed to. Names come from the parser's cache, so a
    // repeated channel name shares storage and a pointer compare finds it without hashing.
    QString m_lastName;
    Channel *m_lastChannel = nullptr;
    bool m_wasConnected = false;
};

} // namespace natter::pusher
