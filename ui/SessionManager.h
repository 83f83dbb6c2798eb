#pragma once

#include <chat/ChatController.h>
#include <chat/NatterServerApi.h>
#include <chat/ServerProfile.h>
#include <pusher/Transport.h>

#include <QObject>
#include <QPointer>

#include "ChatSession.h"
#include "ProfileSecrets.h"

#include <optional>

class QNetworkAccessManager;

namespace natter::chat {
class ProfileStore;
}

namespace natter::pusher {
class Clock;
}

namespace natter::ui {

class ChatSession;
class ProfileSecrets;

// Turns "log in as USER with PROFILE" into a running ChatSession: looks the profile up (saved,
// or the one given on the command line), fetches its secret asynchronously, starts the session
// and reports the outcome. Holds at most one session.
class SessionManager : public QObject
{
    Q_OBJECT
public:
    SessionManager(natter::chat::ProfileStore *profiles, ProfileSecrets *secrets,
                   QObject *parent = nullptr);
    ~SessionManager() override;

    // A profile from the command line: not saved, listed with the saved ones, secret given here.
    void setAdHocProfile(const natter::chat::ServerProfile &profile, const QString &secret);
    std::optional<natter::chat::ServerProfile> adHocProfile() const { return m_adHoc; }
    // NATTER_SECRET / --secret with a saved profile: used instead of the stored secret.
    void setSecretOverride(const QString &secret) { m_secretOverride = secret; }
    void setOutboxDirectory(const QString &dir) { m_outboxDir = dir; }
    // A natter-server's join password (--password-env, the login page): kept in memory only, sent
    // with POST /session when a new session is needed.
    void setJoinPassword(const QString &password) { m_joinPassword = password; }
    // The text the login page shows for a natter-server refusal (NameTaken, BadName, ...).
    static QString loginErrorText(natter::chat::ChatController::LoginError error,
                                  const QString &user);
    // Tests: a fake clock and transport for the sessions started from now on.
    void setTransport(natter::pusher::Clock *clock, natter::pusher::TransportFactory factory);

    QStringList profileNames() const;
    std::optional<natter::chat::ServerProfile> profile(const QString &name) const;

    ChatSession *session() const { return m_session; }
    bool isLoggingIn() const { return m_loggingIn; }

public slots:
    void login(const QString &profileName, const QString &user, const QStringList &rooms = {});
    void cancel();
    void logout();
    // The network came back or the machine woke up.
    void checkConnectionNow();

signals:
    void loginStarted(const QString &profile, const QString &user);
    void loggedIn(natter::ui::ChatSession *session);
    void loginFailed(natter::chat::ChatController::LoginError error, const QString &message);
    // Login is delayed by something that may pass; still trying (cancel() gives up).
    void loginRetrying(natter::chat::ChatController::LoginError error, const QString &message);
    // Found before connecting (unknown profile, no secret): what is wrong and what to do.
    void loginProblem(const QString &message, const QString &hint);
    void loggedOut();
    void sessionChanged(natter::ui::ChatSession *session); // nullptr: none

private:
    void startSession(const natter::chat::ServerProfile &profile, const QString &user,
                      const QString &secret, const QStringList &rooms,
                      natter::chat::NatterServerApi *api = nullptr,
                      const natter::chat::NatterServerApi::Config &config = {},
                      const natter::chat::NatterServerApi::Session &serverSession = {});
    // Natter server: resume the stored token (GET /session) or start a session (POST /session,
    // the token goes to the keychain), then GET /config, then the chat session.
    void loginNatterServer(const natter::chat::ServerProfile &profile, const QString &user,
                           const QStringList &rooms, int attempt);
    void resumeOrCreate(natter::chat::NatterServerApi *api,
                        const natter::chat::ServerProfile &profile, const QString &user,
                        const QStringList &rooms, int attempt);
    void createServerSession(natter::chat::NatterServerApi *api,
                             const natter::chat::ServerProfile &profile, const QString &user,
                             const QStringList &rooms, int attempt);
    void fetchServerConfig(natter::chat::NatterServerApi *api,
                           const natter::chat::ServerProfile &profile, const QString &user,
                           const QStringList &rooms, int attempt,
                           const natter::chat::NatterServerApi::Session &session);
    void serverLoginFailed(natter::chat::NatterServerApi *api,
                           const natter::chat::NatterServerApi::Failure &failure,
                           const natter::chat::ServerProfile &profile, const QString &user);
    bool current(int attempt) const { return attempt == m_attempt && m_loggingIn; }
    void dropSession();
    void problem(const QString &message, const QString &hint);

    natter::chat::ProfileStore *m_profiles;
    QPointer<ProfileSecrets> m_secrets;
    QNetworkAccessManager *m_network;
    std::optional<natter::chat::ServerProfile> m_adHoc;
    QString m_adHocSecret;
    QString m_secretOverride;
    QString m_joinPassword;
    QString m_outboxDir;
    natter::pusher::Clock *m_clock = nullptr;
    natter::pusher::TransportFactory m_factory;
    QPointer<ChatSession> m_session;
    bool m_loggingIn = false;
    int m_attempt = 0;
};

} // namespace natter::ui
