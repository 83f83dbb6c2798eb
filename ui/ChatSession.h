#pragma once

#include <chat/NatterServerApi.h>
#include <chat/ServerProfile.h>
#include <pusher/Transport.h>

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace natter::chat {
class ChatController;
class Outbox;
class ServerMessageRoute;
class ProfileStore;
} // namespace natter::chat

namespace natter::pusher {
class Authorizer;
class Clock;
} // namespace natter::pusher

namespace natter::ui {

// One login: a user on a server profile. Owns the outbox (persisted per profile and user), the
// authorizer (HTTP endpoint or local signing) and the ChatController, and remembers the joined
// rooms and the open room in the ProfileStore.
class ChatSession : public QObject
{
    Q_OBJECT
public:
    // `secret`: the bearer token (endpoint, may be empty) or the app secret (local signing).
    ChatSession(const natter::chat::ServerProfile &profile, const QString &user,
                const QString &secret, const QString &outboxPath, natter::chat::ProfileStore *store,
                QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ChatSession() override;

    // A natter-server profile: the logged-in API (token set), its /config and our session. The
    // channel authorizer posts to the server's auth endpoint with the bearer token, messages go
    // through a ServerMessageRoute. Call before start(); the session owns the API from now on.
    void useNatterServer(natter::chat::NatterServerApi *api,
                         const natter::chat::NatterServerApi::Config &config,
                         const natter::chat::NatterServerApi::Session &session);
    // Null unless useNatterServer() was called.
    natter::chat::NatterServerApi *serverApi() const { return m_api; }
    // Joins the rooms (and the saved ones), then connects. `clock`/`factory`: tests.
    void start(const QStringList &rooms, natter::pusher::Clock *clock = nullptr,
               natter::pusher::TransportFactory factory = {});
    void stop();

    natter::chat::ChatController *controller() const { return m_controller; }
    natter::chat::Outbox *outbox() const { return m_outbox; }
    const natter::chat::ServerProfile &profile() const { return m_profile; }
    QString user() const { return m_user; }
    // What the constructor was given: the app secret (local signing) or the bearer token. The
    // Developer tools need it for the REST API and to mask it; nothing else should.
    QString secret() const { return m_secret; }
    // The room to show first: the first one asked for, else the last one open.
    QString initialRoom() const { return m_initialRoom; }
    // Remember the open room for the next start.
    void setCurrentRoom(const QString &room);

    // Outbox::fileNameFor(): distinct for every profile and user.
    static QString outboxFileName(const QString &profile, const QString &user);

private:
    void saveRooms();

    natter::chat::ServerProfile m_profile;
    QString m_user;
    QString m_secret;
    natter::chat::ProfileStore *m_store;
    natter::chat::Outbox *m_outbox;
    std::unique_ptr<natter::pusher::Authorizer> m_authorizer;
    natter::chat::ChatController *m_controller;
    QNetworkAccessManager *m_network;
    natter::chat::NatterServerApi *m_api = nullptr; // child
    natter::chat::ServerMessageRoute *m_route = nullptr; // child
    natter::chat::NatterServerApi::Config m_config;
    natter::chat::NatterServerApi::Session m_serverSession;
    QString m_initialRoom;
    bool m_restoring = false;
};

} // namespace natter::ui
