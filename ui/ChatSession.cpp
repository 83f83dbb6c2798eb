#include "ChatSession.h"

#include "LogUi.h"

#include <chat/ChatController.h>
#include <chat/Outbox.h>
#include <chat/ProfileStore.h>
#include <chat/Room.h>
#include <chat/ServerMessageRoute.h>
#include <pusher/HttpAuthorizer.h>
#include <pusher/LocalSigner.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace natter::ui {

using natter::chat::ChatController;
using natter::chat::ServerProfile;

ChatSession::ChatSession(const ServerProfile &profile, const QString &user, const QString &secret,
                         const QString &outboxPath, natter::chat::ProfileStore *store,
                         QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_user(user)
    , m_secret(secret)
    , m_store(store)
    , m_network(network)
{
    m_outbox = new natter::chat::Outbox(outboxPath, this, tr("%1 on %2").arg(user, profile.name));
    // Older versions named the file after the names with non-ASCII letters as '_': move this
    // user's messages out of it (another user's may be in there too).
    m_outbox->adoptLegacyFile(
        QFileInfo(outboxPath)
            .dir()
            .filePath(natter::chat::Outbox::legacyFileNameFor(profile.name, user)),
        user);
    if (profile.kind == ServerProfile::Kind::NatterServer) {
        // The authorizer needs the server's /config: useNatterServer().
    } else if (profile.authMode == ServerProfile::AuthMode::LocalSigning) {
        // The presence member is the user name: id and {"name": ...}.
        m_authorizer = std::make_unique<natter::pusher::LocalSigner>(
            profile.key, secret.toUtf8(), user, QJsonObject{{QStringLiteral("name"), user}});
    } else {
        natter::pusher::HttpAuthorizerOptions options;
        options.channelEndpoint = QUrl(profile.authEndpoint);
        if (!secret.isEmpty())
            options.headers.append({QByteArrayLiteral("Authorization"),
                                    QByteArrayLiteral("Bearer ") + secret.toUtf8()});
        // Endpoints that trust the client (development servers) take the member from these;
        // real ones ignore them and use their own session.
        options.params.append({QStringLiteral("user_id"), user});
        const QJsonObject info{{QStringLiteral("name"), user}};
        options.params.append(
            {QStringLiteral("user_info"),
             QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact))});
        options.caBundlePath = profile.caFile;
        m_authorizer = std::make_unique<natter::pusher::HttpAuthorizer>(network, options);
    }
    m_controller = new ChatController(m_outbox, this);
    connect(m_controller, &ChatController::roomJoined, this, &ChatSession::saveRooms);
    connect(m_controller, &ChatController::roomLeft, this, &ChatSession::saveRooms);
}

ChatSession::~ChatSession()
{
    // The controller refers to the authorizer: it goes first.
    delete m_controller;
    m_controller = nullptr;
}

void ChatSession::useNatterServer(natter::chat::NatterServerApi *api,
                                  const natter::chat::NatterServerApi::Config &config,
                                  const natter::chat::NatterServerApi::Session &session)
{
    api->setParent(this);
    m_api = api;
    m_config = config;
    m_serverSession = session;
    natter::pusher::HttpAuthorizerOptions options;
    options.channelEndpoint = config.authEndpoint;
    // The server knows who we are from the token: no user fields in the form.
    options.headersProvider = [api = QPointer<natter::chat::NatterServerApi>(api)] {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (api)
            headers.append({QByteArrayLiteral("Authorization"), api->authorizationHeader()});
        return headers;
    };
    options.caBundlePath = m_profile.caFile;
    // A reconnect in many rooms is then one auth request, not one per room.
    options.batching = config.batchAuth;
    m_authorizer = std::make_unique<natter::pusher::HttpAuthorizer>(m_network, options);
    if (!m_route)
        m_route = new natter::chat::ServerMessageRoute(api, this);
    m_controller->setRoute(m_route);
}

QString ChatSession::outboxFileName(const QString &profile, const QString &user)
{
    return natter::chat::Outbox::fileNameFor(profile, user);
}

void ChatSession::start(const QStringList &rooms, natter::pusher::Clock *clock,
                        natter::pusher::TransportFactory factory)
{
    const QStringList saved = m_store ? m_store->rooms(m_profile.name, m_user) : QStringList();
    QStringList all = rooms;
    for (const QString &r : saved) {
        if (!all.contains(r))
            all.append(r);
    }
    if (all.isEmpty())
        all.append(QStringLiteral("lobby"));
    const QString last = m_store ? m_store->lastRoom(m_profile.name, m_user) : QString();
    m_initialRoom = !rooms.isEmpty() ? rooms.constFirst()
                                     : (all.contains(last) ? last : all.constFirst());
    // The room shown first is subscribed first: login waits for it.
    all.removeAll(m_initialRoom);
    all.prepend(m_initialRoom);
    m_restoring = true;
    for (const QString &r : std::as_const(all)) {
        QString error;
        if (!m_controller->joinRoom(r, &error))
            qCWarning(lcUi) << "not joining" << r << ":" << error;
    }
    m_restoring = false;
    saveRooms();
    qCInfo(lcUi) << "logging in as" << m_user << "with profile" << m_profile.name << "rooms" << all;
    if (m_api) {
        // The presence member is the server's user id; the name is the one it signed.
        m_controller->start(m_config.connectionOptions(), m_authorizer.get(),
                            m_serverSession.userId, m_serverSession.userName, clock,
                            std::move(factory));
        return;
    }
    m_controller->start(m_profile.connectionOptions(), m_authorizer.get(), m_user, m_user, clock,
                        std::move(factory));
}

void ChatSession::stop()
{
    m_controller->stop();
    // The next login of the same user may come before this session is deleted: let it have
    // the outbox file.
    m_outbox->close();
}

void ChatSession::setCurrentRoom(const QString &room)
{
    if (m_store && !room.isEmpty())
        m_store->setLastRoom(m_profile.name, m_user, room);
}

void ChatSession::saveRooms()
{
    if (m_restoring || !m_store)
        return;
    QStringList names;
    for (const natter::chat::Room *r : m_controller->rooms())
        names.append(r->name());
    m_store->setRooms(m_profile.name, m_user, names);
}

} // namespace natter::ui
