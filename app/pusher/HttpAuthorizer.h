#pragma once

#include "Authorizer.h"
#include "CaBundle.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace natter::pusher {

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
class HttpAuthorizer : public QObject, public Authorizer
{
    Q_OBJECT
public:
    // The manager is not owned; it carries the proxy, cookie jar and connection reuse.
    HttpAuthorizer(QNetworkAccessManager *network, HttpAuthorizerOptions options,
                   QObject *parent = nullptr);

    AuthRequest *authorizeChannel(const QString &socketId, const QString &channelName,
                                  QObject *parent) override;
    AuthRequest *authenticateUser(const QString &socketId, QObject *parent) override;

    const HttpAuthorizerOptions &options() const { return m_options; }

    // The exact form bodies that are posted; public so tests and tools can show them.
    QByteArray channelFormBody(const QString &socketId, const QString &channelName) const;
    QByteArray userFormBody(const QString &socketId) const;

private:
    enum class Purpose { Channel, EncryptedChannel, User };

    AuthRequest *post(const QUrl &endpoint, const QByteArray &body, Purpose purpose,
                      const QString &what, QObject *parent);

    QNetworkAccessManager *m_network;
    HttpAuthorizerOptions m_options;
    CaBundle m_caBundle;
};

} // namespace natter::pusher
