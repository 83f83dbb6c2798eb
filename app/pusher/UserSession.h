#pragma once

#include "Event.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

namespace natter::pusher {

class AuthRequest;
class Authorizer;
class Backoff;
class Channel;
class Clock;
class Connection;
class Timer;
struct AuthResponse;
struct AuthError;

// User authentication (pusher:signin): asks the authorizer for a user token, signs in, then
// listens on #server-to-user-<id> and to watchlist events. Redone after every reconnect, when
// the server-to-user channel follows the id the server confirms (the backend may sign in
// another user after a reconnect). A transient auth failure (5xx, timeout, network) is retried
// with backoff while connected; a refusal is final (signinFailed).
class UserSession : public QObject
{
    Q_OBJECT
public:
    using ChannelOpener = std::function<Channel *(const QString &name)>;
    UserSession(Connection *connection, Authorizer *authorizer, Clock *clock,
                ChannelOpener openChannel, QObject *parent = nullptr);
    ~UserSession() override;

    void signin();
    bool isSignedIn() const { return m_signedIn; }
    bool isSigningIn() const { return m_wanted && !m_signedIn; }
    QString userId() const { return m_userId; }
    QJsonObject userInfo() const { return m_userInfo; }

    // Driven by Client.
    void connectionUp();
    void connectionDown();
    bool handleEvent(const Event &event); // true when consumed
    bool handleServerError(int code, const QString &message);

signals:
    void signedIn(const QString &userId, const QJsonObject &userInfo);
    void signinFailed(const QString &reason, int status);
    // The auth endpoint failed transiently: asking again in `delayMs`.
    void signinRetrying(int delayMs, const QString &reason);
    void eventReceived(const natter::pusher::Event &event); // server-to-user events
    void watchlistEvent(const QString &name, const QStringList &userIds);

private:
    void start();
    void onAuth(const AuthResponse &response);
    void onAuthFailed(const AuthError &error);
    void followUser(const QString &id);

    Connection *m_connection;
    Authorizer *m_authorizer;
    ChannelOpener m_openChannel;
    QPointer<AuthRequest> m_request;
    QPointer<Channel> m_serverToUser;
    QMetaObject::Connection m_serverToUserLink;
    std::unique_ptr<Timer> m_retryTimer;
    std::unique_ptr<Backoff> m_backoff;
    bool m_wanted = false;
    bool m_signedIn = false;
    bool m_awaitingServer = false;
    QString m_userId;
    QJsonObject m_userInfo;
};

} // namespace natter::pusher
