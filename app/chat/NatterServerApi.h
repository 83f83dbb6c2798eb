#pragma once

#include "ChatMessage.h"

#include <pusher/CaBundle.h>
#include <pusher/ConnectionOptions.h>

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QJsonObject;
class QNetworkReply;

namespace natter::chat {

// The HTTP client of a natter-server (see the API contract in the server's README): session,
// config, messages and history. Asynchronous only; every call answers exactly once through its
// callback, on this object's thread, unless this object is destroyed first (then never).
// TLS verification stays on, redirects are followed within the server's origin only, and every
// request has a whole-request deadline. The token is never logged.
class NatterServerApi : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        None,
        Unreachable, // network error, timeout, 5xx without a usable answer
        BadName, // 400 bad_name
        NameTaken, // 409 name_taken
        BadPassword, // 401 bad_password
        Unauthorized, // 401 unauthorized: no, unknown or expired token
        Tls, // the TLS handshake failed (certificate)
        BadResponse, // an answer that is not the contract's
        Other, // any other refusal (400, 403, 404, 413, 429, ...): see status/code/message
    };
    Q_ENUM(Error)

    struct Failure
    {
        Error error = Error::None;
        int status = 0; // HTTP status, 0 without an answer
        QString code; // the server's "code" (name_taken, pusher_unavailable, ...)
        QString message; // the server's "error" sentence, or what went wrong
        int retryAfterSecs = -1; // 429's Retry-After
        bool ok() const { return error == Error::None; }
        // Worth trying again later as is: no answer, 5xx, 408, 429.
        bool isTransient() const;
    };

    struct Config
    {
        QString appKey;
        QString wsHost;
        int wsPort = 0;
        bool tls = false;
        QString cluster;
        QUrl authEndpoint; // absolute (resolved against the server URL)
        QUrl userAuthEndpoint;
        bool batchAuth = false;
        bool joinPasswordRequired = false;
        int maxMessageLength = 2000;
        QStringList rooms;
        natter::pusher::ConnectionOptions connectionOptions() const;
    };

    struct Session
    {
        QString token; // only from createSession()
        QString userId;
        QString userName;
        QDateTime expiresAt;
    };

    struct Page
    {
        QList<ChatMessage> messages; // ascending by serverId
        bool hasMore = false;
    };

    template<typename T>
    using Callback = std::function<void(const Failure &failure, const T &value)>;

    static constexpr int DefaultTimeoutMs = 15000;

    // `network` is not owned. `serverUrl`: http(s)://host[:port][/prefix].
    NatterServerApi(QNetworkAccessManager *network, const QUrl &serverUrl,
                    QObject *parent = nullptr);
    ~NatterServerApi() override;

    QUrl serverUrl() const { return m_serverUrl; }
    // http(s) with a host; else why not.
    static QString validateServerUrl(const QUrl &url);
    // Absolute URL of an API path such as "/config".
    QUrl endpoint(const QString &path) const;

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    // The "Authorization: Bearer" header value for the channel authorizer.
    QByteArray authorizationHeader() const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Extra trusted CAs (PEM), read once here; verification stays on.
    void setCaBundlePath(const QString &path);

    void fetchConfig(Callback<Config> done);
    // POST /session; on success the token is kept (token()) and returned in Session::token.
    void createSession(const QString &name, const QString &password, Callback<Session> done);
    // GET /session with the current token.
    void resumeSession(Callback<Session> done);
    // DELETE /session; the token is forgotten whatever the answer.
    void deleteSession(std::function<void(const Failure &)> done = {});
    // POST /rooms/R/messages. On 502 pusher_unavailable the server has stored the message:
    // `failure` says 502 and `message` holds it (treat as sent).
    void postMessage(const QString &room, const QString &text, const QString &clientId,
                     const QString &socketId,
                     std::function<void(const Failure &, const std::optional<ChatMessage> &)> done);
    // The same with "reply_to": the id (client id) of the message this one answers; empty: none.
    void postMessage(const QString &room, const QString &text, const QString &clientId,
                     const QString &socketId, const QString &replyTo,
                     std::function<void(const Failure &, const std::optional<ChatMessage> &)> done);
    // GET /rooms/R/messages: afterId > 0 or beforeId > 0 or neither (the newest page).
    void fetchMessages(const QString &room, qint64 afterId, qint64 beforeId, int limit,
                       Callback<Page> done);

    // GET /debug: the debug channel (private-natter-debug) when this user is one of the server's
    // --debug-users; a Failure (403 forbidden, or 404 from an older server) otherwise.
    void fetchDebugChannel(Callback<QString> done);
    // POST /debug/events (debug users only): `event` with `data` on `channel` through the
    // server's own Pusher credentials; `socketId` (optional) is left out of the delivery.
    void triggerDebugEvent(const QString &channel, const QString &event, const QString &data,
                           const QString &socketId, std::function<void(const Failure &)> done);

    // PATCH /rooms/R/messages/ID {"text"} and DELETE /rooms/R/messages/ID (NatterServerApiEdits.cpp):
    // the author changes or withdraws a stored message; `done` gets it as stored now.
    // `socketId` (optional) is left out of the server's message_edited / message_deleted.
    void editMessage(const QString &room, qint64 serverId, const QString &text,
                     const QString &socketId,
                     std::function<void(const Failure &, const std::optional<ChatMessage> &)> done);
    void deleteMessage(const QString &room, qint64 serverId, const QString &socketId,
                       std::function<void(const Failure &, const std::optional<ChatMessage> &)> done);

    // A MESSAGE object of the contract as a received ChatMessage (id = client_id, or
    // "srv-<id>" without one; serverId; senderVerified: the server says who sent it).
    static std::optional<ChatMessage> parseMessage(const QJsonObject &object);

    struct SearchHit
    {
        ChatMessage message;
        QString snippet; // plain text around the match
    };
    struct SearchPage
    {
        QList<SearchHit> hits; // newest first
        bool hasMore = false;
    };
    // GET /rooms/R/messages/search: the room's stored messages with every word of `query`,
    // newest first; beforeId > 0 continues an earlier page.
    void searchMessages(const QString &room, const QString &query, int limit, qint64 beforeId,
                        Callback<SearchPage> done);

private:
    struct Reply;
    void request(const QByteArray &verb, const QString &path, const QByteArray &body,
                 bool authenticated,
                 std::function<void(const Failure &, int status, const QJsonObject &json)> done);

    QNetworkAccessManager *m_network;
    QUrl m_serverUrl;
    QString m_token;
    natter::pusher::CaBundle m_caBundle;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace natter::chat
