#include "SessionManager.h"

#include "ChatSession.h"
#include "LogUi.h"
#include "ProfileSecrets.h"

#include <chat/ChatController.h>
#include <chat/PrivateFiles.h>
#include <chat/ProfileStore.h>
#include <pusher/Connection.h>

#include <QDir>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QUrl>

namespace natter::ui {

using natter::chat::ChatController;
using natter::chat::ServerProfile;

SessionManager::SessionManager(natter::chat::ProfileStore *profiles, ProfileSecrets *secrets,
                               QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_network(new QNetworkAccessManager(this))
{
    m_outboxDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

SessionManager::~SessionManager()
{
    delete m_session.data();
}

void SessionManager::setAdHocProfile(const ServerProfile &profile, const QString &secret)
{
    m_adHoc = profile;
    m_adHocSecret = secret;
}

void SessionManager::setTransport(natter::pusher::Clock *clock,
                                  natter::pusher::TransportFactory factory)
{
    m_clock = clock;
    m_factory = std::move(factory);
}

QStringList SessionManager::profileNames() const
{
    QStringList names;
    if (m_adHoc)
        names.append(m_adHoc->name);
    for (const ServerProfile &p : m_profiles->profiles()) {
        if (!names.contains(p.name))
            names.append(p.name);
    }
    return names;
}

std::optional<ServerProfile> SessionManager::profile(const QString &name) const
{
    if (m_adHoc && m_adHoc->name == name)
        return m_adHoc;
    return m_profiles->profile(name);
}

void SessionManager::problem(const QString &message, const QString &hint)
{
    m_loggingIn = false;
    emit loginProblem(message, hint);
}

void SessionManager::login(const QString &profileName, const QString &user, const QStringList &rooms)
{
    dropSession();
    const int attempt = ++m_attempt;
    const std::optional<ServerProfile> found = profile(profileName);
    m_loggingIn = true;
    emit loginStarted(profileName, user);
    if (!found) {
        problem(tr("There is no server profile named “%1”.").arg(profileName),
                tr("Add the server in Settings, or choose another profile."));
        return;
    }
    const ServerProfile p = *found;
    const QString why = p.validate();
    if (!why.isEmpty()) {
        problem(tr("The server profile “%1” is incomplete: %2").arg(p.name, why),
                tr("Complete it in Settings."));
        return;
    }
    if (p.kind == ServerProfile::Kind::NatterServer) {
        loginNatterServer(p, user, rooms, attempt);
        return;
    }
    const bool local = p.authMode == ServerProfile::AuthMode::LocalSigning;
    if (m_adHoc && p.name == m_adHoc->name && (!local || !m_adHocSecret.isEmpty())) {
        startSession(p, user, m_adHocSecret, rooms);
        return;
    }
    if (local && !m_secretOverride.isEmpty()) {
        startSession(p, user, m_secretOverride, rooms);
        return;
    }
    if (!m_secrets) {
        problem(tr("No secret store is available."), {});
        return;
    }
    QPointer<SessionManager> self(this);
    m_secrets->read(
        p, ProfileSecrets::kindFor(p),
        [self, attempt, p, user, rooms, local](const ProfileSecrets::Result &r) {
            if (!self || attempt != self->m_attempt || !self->m_loggingIn)
                return; // cancelled or superseded meanwhile
            if (r.ok) {
                self->startSession(p, user, r.value, rooms);
                return;
            }
            if (!local) {
                // The token is optional: try without it; a refusal says what is missing.
                if (!r.notFound)
                    qCWarning(lcUi)
                        << "could not read the bearer token of" << p.name << ":" << r.error;
                self->startSession(p, user, QString(), rooms);
                return;
            }
            if (r.notFound)
                self->problem(tr("No app secret is stored for “%1”.").arg(p.name),
                              tr("Enter the app secret in Settings (local signing), or switch the "
                                 "profile to an auth "
                                 "endpoint."));
            else
                self->problem(tr("The app secret for “%1” could not be read from the keychain: %2")
                                  .arg(p.name, r.error),
                              tr("Unlock the keychain and try again, or enter the secret again in "
                                 "Settings (it is then "
                                 "kept in memory for this run)."));
        });
}

QString SessionManager::loginErrorText(ChatController::LoginError error, const QString &user)
{
    switch (error) {
    case ChatController::LoginError::NameTaken:
        return tr("Someone named “%1” is online on this server right now.").arg(user);
    case ChatController::LoginError::BadName:
        return tr("A name has 1 to 32 letters, digits, _ or -.");
    case ChatController::LoginError::BadPassword:
        return tr("The server's join password is wrong.");
    case ChatController::LoginError::Unreachable:
        return tr("The Natter server cannot be reached.");
    case ChatController::LoginError::AuthRefused:
        return tr("The Natter server refused the session.");
    case ChatController::LoginError::Tls:
        return tr("The secure connection to the Natter server failed.");
    case ChatController::LoginError::BadResponse:
        return tr("The Natter server gave an unusable answer.");
    case ChatController::LoginError::BadKey:
    case ChatController::LoginError::Other:
        break;
    }
    return tr("The Natter server refused the login.");
}

void SessionManager::loginNatterServer(const ServerProfile &p, const QString &user,
                                       const QStringList &rooms, int attempt)
{
    auto *api = new natter::chat::NatterServerApi(m_network, QUrl(p.serverUrl.trimmed()), this);
    api->setCaBundlePath(p.caFile);
    if (!m_secrets) {
        createServerSession(api, p, user, rooms, attempt);
        return;
    }
    QPointer<SessionManager> self(this);
    m_secrets->read(p, ProfileSecrets::Kind::Token,
                    [self, api, p, user, rooms, attempt](const ProfileSecrets::Result &r) {
                        if (!self) {
                            delete api;
                            return;
                        }
                        if (!self->current(attempt)) {
                            api->deleteLater();
                            return;
                        }
                        if (r.ok && !r.value.isEmpty()) {
                            api->setToken(r.value);
                            self->resumeOrCreate(api, p, user, rooms, attempt);
                            return;
                        }
                        self->createServerSession(api, p, user, rooms, attempt);
                    });
}

void SessionManager::resumeOrCreate(natter::chat::NatterServerApi *api, const ServerProfile &p,
                                    const QString &user, const QStringList &rooms, int attempt)
{
    using natter::chat::NatterServerApi;
    api->resumeSession([this, api, p, user, rooms, attempt](const NatterServerApi::Failure &f,
                                                            const NatterServerApi::Session &s) {
        if (!current(attempt)) {
            api->deleteLater();
            return;
        }
        if (f.ok() && s.userName.compare(user.trimmed(), Qt::CaseInsensitive) == 0) {
            qCInfo(lcUi) << "resumed the natter-server session of" << s.userName;
            fetchServerConfig(api, p, user, rooms, attempt, s);
            return;
        }
        if (f.ok() || f.error == NatterServerApi::Error::Unauthorized) {
            // Expired, or another name's session: a new one for this name.
            api->setToken({});
            createServerSession(api, p, user, rooms, attempt);
            return;
        }
        serverLoginFailed(api, f, p, user);
    });
}

void SessionManager::createServerSession(natter::chat::NatterServerApi *api, const ServerProfile &p,
                                         const QString &user, const QStringList &rooms, int attempt)
{
    using natter::chat::NatterServerApi;
    api->createSession(user.trimmed(), m_joinPassword,
                       [this, api, p, user, rooms, attempt](const NatterServerApi::Failure &f,
                                                            const NatterServerApi::Session &s) {
                           if (!current(attempt)) {
                               // Nobody uses it: free the name at once.
                               if (f.ok())
                                   api->deleteSession();
                               api->deleteLater();
                               return;
                           }
                           if (!f.ok()) {
                               serverLoginFailed(api, f, p, user);
                               return;
                           }
                           if (m_secrets)
                               m_secrets->write(p, ProfileSecrets::Kind::Token, s.token,
                                                [](const ProfileSecrets::Result &r) {
                                                    if (!r.ok)
                                                        qCWarning(lcUi)
                                                            << "the session token could not be "
                                                               "stored:"
                                                            << r.error;
                                                });
                           fetchServerConfig(api, p, user, rooms, attempt, s);
                       });
}

void SessionManager::fetchServerConfig(natter::chat::NatterServerApi *api, const ServerProfile &p,
                                       const QString &user, const QStringList &rooms, int attempt,
                                       const natter::chat::NatterServerApi::Session &session)
{
    using natter::chat::NatterServerApi;
    api->fetchConfig([this, api, p, user, rooms, attempt, session](
                         const NatterServerApi::Failure &f, const NatterServerApi::Config &c) {
        if (!current(attempt)) {
            api->deleteLater();
            return;
        }
        if (!f.ok()) {
            serverLoginFailed(api, f, p, user);
            return;
        }
        startSession(p, session.userName, QString(), rooms, api, c, session);
    });
}

void SessionManager::serverLoginFailed(natter::chat::NatterServerApi *api,
                                       const natter::chat::NatterServerApi::Failure &f,
                                       const ServerProfile &p, const QString &user)
{
    using natter::chat::NatterServerApi;
    api->deleteLater();
    ChatController::LoginError error = ChatController::LoginError::Other;
    switch (f.error) {
    case NatterServerApi::Error::NameTaken:
        error = ChatController::LoginError::NameTaken;
        break;
    case NatterServerApi::Error::BadName:
        error = ChatController::LoginError::BadName;
        break;
    case NatterServerApi::Error::BadPassword:
        error = ChatController::LoginError::BadPassword;
        break;
    case NatterServerApi::Error::Unreachable:
        error = ChatController::LoginError::Unreachable;
        break;
    case NatterServerApi::Error::Unauthorized:
        error = ChatController::LoginError::AuthRefused;
        break;
    case NatterServerApi::Error::Tls:
        error = ChatController::LoginError::Tls;
        break;
    case NatterServerApi::Error::BadResponse:
        error = ChatController::LoginError::BadResponse;
        break;
    case NatterServerApi::Error::None:
    case NatterServerApi::Error::Other:
        break;
    }
    QString message = loginErrorText(error, user.trimmed());
    if (error == ChatController::LoginError::Unreachable)
        message = tr("Cannot reach the Natter server at %1.").arg(p.serverUrl);
    else if (error == ChatController::LoginError::BadName && !f.message.isEmpty())
        message = f.message; // the server says its rule
    else if (error == ChatController::LoginError::Other && !f.message.isEmpty())
        message = f.message;
    qCInfo(lcUi) << "natter-server login failed:" << error << f.status << f.code;
    m_loggingIn = false;
    emit loginFailed(error, message);
}

void SessionManager::startSession(const ServerProfile &profile, const QString &user,
                                  const QString &secret, const QStringList &rooms,
                                  natter::chat::NatterServerApi *api,
                                  const natter::chat::NatterServerApi::Config &config,
                                  const natter::chat::NatterServerApi::Session &serverSession)
{
    natter::chat::PrivateFiles::makeDirectory(m_outboxDir);
    const QString outbox
        = QDir(m_outboxDir).filePath(ChatSession::outboxFileName(profile.name, user));
    auto *session = new ChatSession(profile, user, secret, outbox, m_profiles, m_network, this);
    if (api)
        session->useNatterServer(api, config, serverSession);
    m_session = session;
    ChatController *controller = session->controller();
    connect(controller, &ChatController::loggedIn, this, [this, session] {
        if (session != m_session)
            return;
        m_loggingIn = false;
        if (!m_adHoc || m_adHoc->name != session->profile().name)
            m_profiles->setLastProfile(session->profile().name);
        m_profiles->setLastUser(session->user());
        emit loggedIn(session);
    });
    connect(controller, &ChatController::loginFailed, this,
            [this, session](ChatController::LoginError error, const QString &message) {
                if (session != m_session || !m_loggingIn)
                    return;
                m_loggingIn = false;
                dropSession();
                emit loginFailed(error, message);
            });
    connect(controller, &ChatController::loginRetrying, this,
            [this, session](ChatController::LoginError error, const QString &message) {
                if (session == m_session && m_loggingIn)
                    emit loginRetrying(error, message);
            });
    emit sessionChanged(session);
    session->start(rooms, m_clock, m_factory);
}

void SessionManager::dropSession()
{
    if (!m_session)
        return;
    ChatSession *old = m_session;
    m_session = nullptr;
    old->stop();
    // May run inside one of the controller's signals: delete later.
    old->deleteLater();
    emit sessionChanged(nullptr);
}

void SessionManager::cancel()
{
    if (!m_loggingIn)
        return;
    ++m_attempt;
    m_loggingIn = false;
    dropSession();
}

void SessionManager::logout()
{
    m_loggingIn = false;
    ++m_attempt;
    const bool had = m_session;
    if (m_session && m_session->serverApi()) {
        // Frees the name on the server and forgets the token. The session's API goes with the
        // session: a separate one carries the DELETE to its end.
        natter::chat::NatterServerApi *old = m_session->serverApi();
        auto *api = new natter::chat::NatterServerApi(m_network, old->serverUrl(), this);
        api->setToken(old->token());
        api->deleteSession([api](const natter::chat::NatterServerApi::Failure &f) {
            if (!f.ok())
                qCInfo(lcUi) << "the server did not end the session:" << f.status << f.code;
            api->deleteLater();
        });
        if (m_secrets)
            m_secrets->remove(m_session->profile(), ProfileSecrets::Kind::Token,
                              [](const ProfileSecrets::Result &) {});
    }
    dropSession();
    if (had)
        emit loggedOut();
}

void SessionManager::checkConnectionNow()
{
    if (!m_session)
        return;
    if (natter::pusher::Connection *c = m_session->controller()->connection()) {
        qCInfo(lcUi) << "network change or resume: checking the connection";
        c->checkNow();
    }
}

} // namespace natter::ui
