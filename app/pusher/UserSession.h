#pragma once

#include "Event.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace natter::pusher {

class AuthRequest;
class Authorizer;
class Channel;
class Connection;
struct AuthResponse;
struct AuthError;

// User authentication (pusher:signin): asks the authorizer for a user token, signs in, then
// listens on #server-to-user-<id> and to watchlist events. Redone after every reconnect.
class UserSession : public QObject
{
    Q_OBJECT
public:
    using ChannelOpener = std::function<Channel *(const QString &name)>;
    UserSession(Connection *connection, Authorizer *authorizer, ChannelOpener openChannel,
                QObject *parent = nullptr);

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
    void eventReceived(const natter::pusher::Event &event); // server-to-user events
    void watchlistEvent(const QString &name, const QStringList &userIds);

private:
    void start();
    void onAuth(const AuthResponse &response);
    void onAuthFailed(const AuthError &error);

    Connection *m_connection;
    Authorizer *m_authorizer;
    ChannelOpener m_openChannel;
    QPointer<AuthRequest> m_request;
    QPointer<Channel> m_serverToUser;
    bool m_wanted = false;
    bool m_signedIn = false;
    bool m_awaitingServer = false;
    QString m_userId;
    QJsonObject m_userInfo;
};

} // namespace natter::pusher
