#pragma once

#include "AuthResponseReader.h"
#include "Authorizer.h"
#include "CaBundle.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace natter::pusher {

class AuthBatch;

struct HttpAuthorizerOptions
{
    QUrl channelEndpoint; // e.g. https://example.com/pusher/auth or Laravel's /broadcasting/auth
    QUrl userEndpoint; // e.g. https://example.com/pusher/user-auth; empty disables sign-in
    QList<QPair<QByteArray, QByteArray>> headers; // sent with every request
    QList<QPair<QString, QString>> params; // extra form fields, after the standard ones
    // Called once per request, so a refreshed bearer or CSRF token is picked up without
    // rebuilding the authorizer. Its headers override static ones of the same name.
    std::function<QList<QPair<QByteArray, QByteArray>>()> headersProvider;
    int timeoutMs = 10000; // whole request, connect to last byte; <= 0 disables
    QString caBundlePath; // extra trusted CAs (PEM); verification stays on
    bool batching = false; // see HttpAuthorizer::setBatching
};

// The default authorizer: POSTs application/x-www-form-urlencoded
// "socket_id=..&channel_name=..(&params)" (or "socket_id=..(&params)" for sign-in) to the
// configured endpoint and expects pusher-http-node's authorizeChannel / authenticateUser JSON
// ({auth, channel_data?, shared_secret?, user_data?}), like pusher-js's ajax transport and
// Laravel's /broadcasting/auth.
//
// Outcomes: 200 with usable JSON resolves; 200 with anything else is BadResponse; 401/403 and
// other 4xx are Refused; 5xx, 408, 429, network errors and timeouts are Transient. Redirects
// are followed within the endpoint's origin only; one to another origin is BadResponse, and
// nothing (no header, no body) is sent there.
//
// Batching (off by default; for endpoints that say they support it, such as natter-server's
// /config "batch_auth"): channel authorizations asked for in the same event-loop turn for the
// same socket id - a reconnect resubscribing 50 rooms - go out as one POST in the format of the
// npm pusher-js-auth plugin (see AuthBatch), at most MaxBatchSize channels each, and the answer
// is split back to each request, every channel's status mapped as a single answer's would be.
// A lone channel still goes out as a single request. An endpoint that answers a batch with
// 400/404/405/415, or with a 200 that is not a batch answer, does not understand batches: the
// channels are sent again one request each, and so is everything after that.
class HttpAuthorizer : public QObject, public Authorizer
{
    Q_OBJECT
public:
    // The manager is not owned; it carries the proxy, cookie jar and connection reuse.
    HttpAuthorizer(QNetworkAccessManager *network, HttpAuthorizerOptions options,
                   QObject *parent = nullptr);
    // Requests still waiting for the end of the turn fail (Transient) rather than hang.
    ~HttpAuthorizer() override;

    AuthRequest *authorizeChannel(const QString &socketId, const QString &channelName,
                                  QObject *parent) override;
    AuthRequest *authenticateUser(const QString &socketId, QObject *parent) override;

    const HttpAuthorizerOptions &options() const { return m_options; }

    static constexpr int MaxBatchSize = 100;
    void setBatching(bool on) { m_options.batching = on; }
    bool batching() const { return m_options.batching; }
    // True once the endpoint showed it does not understand batches; batching stays off then.
    bool batchingUnsupported() const { return m_batchingUnsupported; }

    // The exact form bodies that are posted; public so tests and tools can show them.
    QByteArray channelFormBody(const QString &socketId, const QString &channelName) const;
    QByteArray userFormBody(const QString &socketId) const;
    // pusher-js-auth's form: socket_id, channel_name[0], channel_name[1], .. (then params).
    QByteArray batchFormBody(const QString &socketId, const QStringList &channelNames) const;

private:
    // What came back for one POST: `error` is set unless the endpoint answered 200.
    struct HttpResult
    {
        int status = 0; // 0 without an HTTP answer
        QByteArray body;
        std::optional<AuthError> error;
    };
    using ResultHandler = std::function<void(const HttpResult &)>;

    // Posts with the headers, the deadline and the same-origin redirect rule; `done` is called
    // exactly once, unless the reply is aborted by whoever holds it (cancellation).
    QNetworkReply *send(const QUrl &endpoint, const QByteArray &body, const QString &what,
                        ResultHandler done);
    void postSingle(AuthRequest *request, const QUrl &endpoint, const QByteArray &body,
                    AuthResponseReader::Purpose purpose, const QString &what);
    void queue(const QString &socketId, const QString &channelName, AuthRequest *request);
    void flushQueued();
    void postBatch(const std::shared_ptr<AuthBatch> &batch);
    void unbatch(const AuthBatch &batch);

    QNetworkAccessManager *m_network;
    HttpAuthorizerOptions m_options;
    CaBundle m_caBundle;
    // Waiting for the end of this event-loop turn, by socket id, in the order first asked for.
    QHash<QString, std::shared_ptr<AuthBatch>> m_queued;
    QStringList m_queuedOrder;
    bool m_flushScheduled = false;
    bool m_batchingUnsupported = false;
};

} // namespace natter::pusher
