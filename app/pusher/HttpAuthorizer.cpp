#include "HttpAuthorizer.h"

#include "AuthRequest.h"
#include "LogAuth.h"
#include "SameOriginRedirects.h"
#include "SecretBox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace natter::pusher {

namespace {

constexpr qsizetype MaxServerMessage = 200;

QString safeUrl(const QUrl &url)
{
    // Endpoint queries and user info may carry tokens.
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

void appendField(QByteArray &body, const QString &key, const QString &value)
{
    if (!body.isEmpty())
        body += '&';
    body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
}

// The error text a refusing backend gives: pusher-http-node apps and Laravel answer
// {"error": ".."} or {"message": ".."}; some answer plain text. Signatures never appear in a
// refusal, so quoting it is safe; HTML error pages are left out as noise.
QString serverMessage(QNetworkReply *reply, const QByteArray &body)
{
    QString message;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        for (const auto name : {QLatin1String("error"), QLatin1String("message")}) {
            if (object.value(name).isString()) {
                message = object.value(name).toString();
                break;
            }
        }
    } else if (reply->header(QNetworkRequest::ContentTypeHeader)
                   .toString()
                   .startsWith(QLatin1String("text/plain"))) {
        message = QString::fromUtf8(body);
    }
    message = message.simplified();
    if (message.size() > MaxServerMessage)
        message = message.left(MaxServerMessage) + QStringLiteral("...");
    return message;
}

AuthError httpError(AuthError::Kind kind, int status, QNetworkReply *reply, const QByteArray &body)
{
    QString message = QStringLiteral("HTTP %1").arg(status);
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (!reason.isEmpty())
        message += QLatin1Char(' ') + reason;
    const QString fromServer = serverMessage(reply, body);
    if (!fromServer.isEmpty())
        message += QStringLiteral(": ") + fromServer;
    return AuthError{kind, status, message};
}

AuthError badResponse(int status, const QString &reason)
{
    return AuthError{AuthError::Kind::BadResponse, status,
                     QStringLiteral("HTTP %1 with an unusable body: %2").arg(status).arg(reason)};
}

} // namespace

HttpAuthorizer::HttpAuthorizer(QNetworkAccessManager *network, HttpAuthorizerOptions options,
                               QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
    , m_caBundle(m_options.caBundlePath)
{
}

QByteArray HttpAuthorizer::channelFormBody(const QString &socketId, const QString &channelName) const
{
    QByteArray body;
    appendField(body, QStringLiteral("socket_id"), socketId);
    appendField(body, QStringLiteral("channel_name"), channelName);
    for (const auto &[key, value] : m_options.params)
        appendField(body, key, value);
    return body;
}

QByteArray HttpAuthorizer::userFormBody(const QString &socketId) const
{
    QByteArray body;
    appendField(body, QStringLiteral("socket_id"), socketId);
    for (const auto &[key, value] : m_options.params)
        appendField(body, key, value);
    return body;
}

AuthRequest *HttpAuthorizer::authorizeChannel(const QString &socketId, const QString &channelName,
                                              QObject *parent)
{
    const Purpose purpose = channelName.startsWith(QLatin1String("private-encrypted-"))
        ? Purpose::EncryptedChannel
        : Purpose::Channel;
    return post(m_options.channelEndpoint, channelFormBody(socketId, channelName), purpose,
                channelName, parent);
}

AuthRequest *HttpAuthorizer::authenticateUser(const QString &socketId, QObject *parent)
{
    return post(m_options.userEndpoint, userFormBody(socketId), Purpose::User,
                QStringLiteral("user sign-in"), parent);
}

AuthRequest *HttpAuthorizer::post(const QUrl &endpoint, const QByteArray &body, Purpose purpose,
                                  const QString &what, QObject *parent)
{
    auto *request = new AuthRequest(parent);
    if (!m_network) {
        request->reject(
            {AuthError::Kind::BadResponse, 0, QStringLiteral("no network access manager")});
        return request;
    }
    if (!endpoint.isValid() || endpoint.isRelative()) {
        request->reject({AuthError::Kind::BadResponse, 0,
                         purpose == Purpose::User
                             ? QStringLiteral("no user authentication endpoint is configured")
                             : QStringLiteral("no channel authorization endpoint is configured")});
        return request;
    }

    QNetworkRequest httpRequest(endpoint);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
    // Laravel answers a failed check with a JSON error instead of a login redirect when asked.
    httpRequest.setRawHeader("Accept", "application/json");
    httpRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                             QNetworkRequest::AlwaysNetwork);
    for (const auto &[name, value] : m_options.headers)
        httpRequest.setRawHeader(name, value);
    if (m_options.headersProvider) {
        for (const auto &[name, value] : m_options.headersProvider())
            httpRequest.setRawHeader(name, value);
    }
    m_caBundle.applyTo(httpRequest);
    SameOriginRedirects::prepare(httpRequest);

    qCDebug(lcPusherAuth) << "requesting authorization for" << what << "from" << safeUrl(endpoint);
    QNetworkReply *reply = m_network->post(httpRequest, body);
    const QPointer<AuthRequest> guard(request);
    auto timedOut = std::make_shared<bool>(false);
    // Set when the endpoint redirected elsewhere: the headers (a bearer token, a CSRF cookie)
    // were meant for this origin only, so the reply is aborted before anything is sent there.
    auto refusedRedirect = std::make_shared<QUrl>();
    SameOriginRedirects::guard(
        reply, [refusedRedirect](const QUrl &target) { *refusedRedirect = target; });

    if (m_options.timeoutMs > 0) {
        // A whole-request deadline rather than setTransferTimeout's inactivity timer, so a server
        // that trickles bytes cannot hold a subscription forever.
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
            *timedOut = true;
            reply->abort();
        });
        timer->start(m_options.timeoutMs);
    }

    // Cancellation: the reply is not a child of the request, so abort it explicitly. The
    // finished handler below sees a null guard and only cleans up.
    connect(request, &QObject::destroyed, reply, [reply] {
        reply->abort();
        reply->deleteLater();
    });

    // If the manager is destroyed first it takes its replies along without a finished signal.
    connect(reply, &QObject::destroyed, request, [guard] {
        if (guard)
            guard->reject({AuthError::Kind::Transient, 0,
                           QStringLiteral("the network access manager went away")});
    });

    const int timeoutMs = m_options.timeoutMs;
    connect(
        reply, &QNetworkReply::finished, reply,
        [reply, guard, timedOut, refusedRedirect, purpose, what, endpoint, timeoutMs] {
            reply->deleteLater();
            if (!guard)
                return;
            AuthRequest *request = guard.data();

            const auto fail = [&](const AuthError &error) {
                qCInfo(lcPusherAuth) << "authorization for" << what << "failed:" << error.message;
                request->reject(error);
            };

            if (!refusedRedirect->isEmpty()) {
                const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                fail({AuthError::Kind::BadResponse, status.toInt(),
                      QStringLiteral("%1 redirected to another origin (%2); not followed, so the "
                                     "auth headers stay with the configured endpoint")
                          .arg(safeUrl(endpoint), safeUrl(*refusedRedirect))});
                return;
            }
            if (*timedOut) {
                fail({AuthError::Kind::Transient, 0,
                      QStringLiteral("no answer from %1 within %2 ms")
                          .arg(safeUrl(endpoint))
                          .arg(timeoutMs)});
                return;
            }
            const QVariant statusAttribute = reply->attribute(
                QNetworkRequest::HttpStatusCodeAttribute);
            if (!statusAttribute.isValid()) {
                const char *code = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(
                    reply->error());
                QString detail = reply->errorString();
                detail.replace(endpoint.toString(), safeUrl(endpoint));
                fail({AuthError::Kind::Transient, 0,
                      QStringLiteral("network error (%1): %2")
                          .arg(QLatin1String(code ? code : "unknown"), detail)});
                return;
            }

            const int status = statusAttribute.toInt();
            const QByteArray body = reply->readAll();
            if (status == 401 || status == 403) {
                fail(httpError(AuthError::Kind::Refused, status, reply, body));
                return;
            }
            if (status == 408 || status == 429 || status >= 500) {
                fail(httpError(AuthError::Kind::Transient, status, reply, body));
                return;
            }
            if (status >= 400) {
                fail(httpError(AuthError::Kind::Refused, status, reply, body));
                return;
            }
            if (status != 200) {
                // pusher-js accepts nothing but 200 either; a stray 204 or an unfollowed redirect
                // is a backend bug. The body is not quoted: it might hold a signature.
                fail(
                    {AuthError::Kind::BadResponse, status,
                     QStringLiteral("HTTP %1 where 200 with a JSON body was expected").arg(status)});
                return;
            }

            // From here on the body may contain a signature: reasons only, never its content.
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                fail(badResponse(status, QStringLiteral("not a JSON object")));
                return;
            }
            const QJsonObject object = document.object();
            const QJsonValue auth = object.value(QLatin1String("auth"));
            if (!auth.isString() || auth.toString().isEmpty()) {
                fail(badResponse(status, QStringLiteral("no string \"auth\" member")));
                return;
            }

            AuthResponse response;
            response.auth = auth.toString();

            const QJsonValue channelData = object.value(QLatin1String("channel_data"));
            if (!channelData.isUndefined() && !channelData.isNull()) {
                // An object here means the backend forgot to JSON-encode it; the server could not
                // verify the signature of whatever we would re-serialise.
                if (!channelData.isString()) {
                    fail(badResponse(status, QStringLiteral("\"channel_data\" is not a string")));
                    return;
                }
                response.channelData = channelData.toString();
            }

            const QJsonValue sharedSecret = object.value(QLatin1String("shared_secret"));
            if (purpose == Purpose::EncryptedChannel) {
                const auto decoded = sharedSecret.isString()
                    ? QByteArray::fromBase64Encoding(sharedSecret.toString().toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors)
                    : QByteArray::FromBase64Result{};
                if (!sharedSecret.isString() || !decoded
                    || decoded.decoded.size() != SecretBox::KeyBytes) {
                    fail(badResponse(status,
                                     QStringLiteral("encrypted channel without a valid "
                                                    "\"shared_secret\" (base64 of %1 bytes)")
                                         .arg(SecretBox::KeyBytes)));
                    return;
                }
                response.sharedSecret = *decoded;
            }

            const QJsonValue userData = object.value(QLatin1String("user_data"));
            if (purpose == Purpose::User) {
                if (!userData.isString() || userData.toString().isEmpty()) {
                    fail(badResponse(status, QStringLiteral("no string \"user_data\" member")));
                    return;
                }
                response.userData = userData.toString();
            }

            qCDebug(lcPusherAuth) << "authorized" << what;
            request->resolve(response);
        });

    return request;
}

} // namespace natter::pusher
