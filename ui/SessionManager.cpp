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

void SessionManager::startSession(const ServerProfile &profile, const QString &user,
                                  const QString &secret, const QStringList &rooms)
{
    natter::chat::PrivateFiles::makeDirectory(m_outboxDir);
    const QString outbox
        = QDir(m_outboxDir).filePath(ChatSession::outboxFileName(profile.name, user));
    auto *session = new ChatSession(profile, user, secret, outbox, m_profiles, m_network, this);
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
