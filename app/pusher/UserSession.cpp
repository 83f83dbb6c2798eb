#include "UserSession.h"

#include "AuthRequest.h"
#include "Authorizer.h"
#include "Backoff.h"
#include "Channel.h"
#include "Clock.h"
#include "Connection.h"
#include "FrameObserver.h"
#include "JsonText.h"
#include "LogPusher.h"
#include "Timer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace natter::pusher {

UserSession::UserSession(Connection *connection, Authorizer *authorizer, Clock *clock,
                         ChannelOpener openChannel, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_authorizer(authorizer)
    , m_openChannel(std::move(openChannel))
    , m_retryTimer(clock->createTimer())
    // The same schedule as a channel's auth retry: quick at first, at most every 30 s.
    , m_backoff(std::make_unique<Backoff>(clock, 500, 30000, 2.0, 0.2))
{
    m_retryTimer->setCallback([this] {
        if (m_wanted && !m_signedIn && !m_awaitingServer && !m_request
            && m_connection->isConnected())
            start();
    });
}

UserSession::~UserSession() = default;

void UserSession::signin()
{
    if (m_wanted)
        return;
    m_wanted = true;
    if (m_connection->isConnected())
        start();
}

void UserSession::connectionUp()
{
    if (m_wanted)
        start();
}

void UserSession::connectionDown()
{
    m_retryTimer->stop();
    delete m_request.data();
    m_signedIn = false;
    m_awaitingServer = false;
    // The server admits a connection to #server-to-user-<id> only once it is signed in as that
    // user: do not let the reconnect resubscribe it before the next signin_success.
    if (m_serverToUser)
        m_serverToUser->unsubscribe();
}

void UserSession::start()
{
    if (!m_authorizer) {
        emit signinFailed(QStringLiteral("no authorizer configured for user sign-in"), 0);
        return;
    }
    m_retryTimer->stop();
    delete m_request.data();
    if (FrameObserver *observer = m_connection->frameObserver())
        observer->authRequested({});
    m_request = m_authorizer->authenticateUser(m_connection->socketId(), this);
    QObject::connect(m_request, &AuthRequest::succeeded, this, &UserSession::onAuth);
    QObject::connect(m_request, &AuthRequest::failed, this, &UserSession::onAuthFailed);
}

void UserSession::onAuth(const AuthResponse &response)
{
    if (AuthRequest *r = m_request.data())
        r->deleteLater();
    m_request.clear();
    if (FrameObserver *observer = m_connection->frameObserver())
        observer->authSucceeded({}, response);
    if (response.auth.isEmpty() || response.userData.isEmpty()) {
        emit signinFailed(QStringLiteral("the user auth response lacks auth or user_data"), 200);
        return;
    }
    m_awaitingServer = true;
    m_connection->sendEvent(QStringLiteral("pusher:signin"),
                            QStringLiteral("{\"auth\":%1,\"user_data\":%2}")
                                .arg(json::quote(response.auth), json::quote(response.userData)));
}

void UserSession::onAuthFailed(const AuthError &error)
{
    if (AuthRequest *r = m_request.data())
        r->deleteLater();
    m_request.clear();
    if (FrameObserver *observer = m_connection->frameObserver())
        observer->authFailed({}, error);
    if (error.kind == AuthError::Kind::Transient && m_connection->isConnected()) {
        const int delay = m_backoff->next();
        qCInfo(lcPusher) << "user sign-in failed transiently, retrying in" << delay << "ms";
        m_retryTimer->start(delay);
        emit signinRetrying(delay, error.message);
        return;
    }
    emit signinFailed(error.message, error.httpStatus);
}

bool UserSession::handleEvent(const Event &event)
{
    if (event.event == QLatin1String("pusher:signin_success")) {
        m_awaitingServer = false;
        // soketi sends an object, Pusher a JSON string; user_data itself is a JSON string.
        QJsonValue userData = event.dataObject().value(QLatin1String("user_data"));
        QJsonObject user = userData.isString()
            ? QJsonDocument::fromJson(userData.toString().toUtf8()).object()
            : userData.toObject();
        const QString id = user.value(QLatin1String("id")).toString();
        if (id.isEmpty()) {
            emit signinFailed(QStringLiteral("signin_success without a user id"), 0);
            return true;
        }
        m_signedIn = true;
        m_backoff->reset();
        m_userId = id;
        m_userInfo = user.value(QLatin1String("user_info")).toObject();
        followUser(id);
        emit signedIn(m_userId, m_userInfo);
        return true;
    }
    if (event.event == QLatin1String("pusher:signin_error")) {
        m_awaitingServer = false;
        emit signinFailed(event.dataObject().value(QLatin1String("error")).toString(event.data), 0);
        return true;
    }
    if (event.event == QLatin1String("pusher_internal:watchlist_events")) {
        const QJsonArray events = event.dataObject().value(QLatin1String("events")).toArray();
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            QStringList ids;
            for (const QJsonValue &id : e.value(QLatin1String("user_ids")).toArray())
                ids << json::idString(id);
            emit watchlistEvent(e.value(QLatin1String("name")).toString(), ids);
        }
        return true;
    }
    return false;
}

void UserSession::followUser(const QString &id)
{
    const QString name = QStringLiteral("#server-to-user-") + id;
    if (m_serverToUser && m_serverToUser->name() == name) {
        m_serverToUser->subscribe(); // signed in again after a reconnect
        return;
    }
    if (m_serverToUser) {
        // Signed in as someone else now: the old user's events are not ours any more.
        QObject::disconnect(m_serverToUserLink);
        m_serverToUser->unsubscribe();
        m_serverToUser.clear();
    }
    if (!m_openChannel)
        return;
    m_serverToUser = m_openChannel(name);
    if (m_serverToUser) {
        m_serverToUserLink = QObject::connect(m_serverToUser, &Channel::eventReceived, this,
                                              &UserSession::eventReceived);
    }
}

bool UserSession::handleServerError(int code, const QString &message)
{
    if (!m_awaitingServer)
        return false;
    m_awaitingServer = false;
    emit signinFailed(message, code);
    return true;
}

} // namespace natter::pusher
