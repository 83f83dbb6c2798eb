#include "HttpAuthorizer.h"

#include "AuthBatch.h"
#include "AuthRequest.h"
#include "LogAuth.h"
#include "SameOriginRedirects.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace natter::pusher {

namespace {

using Purpose = AuthResponseReader::Purpose;

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
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        return AuthResponseReader::errorText(document.object());
    if (reply->header(QNetworkRequest::ContentTypeHeader)
            .toString()
            .startsWith(QLatin1String("text/plain")))
        return AuthResponseReader::shortened(QString::fromUtf8(body));
    return {};
}

AuthError httpError(int status, QNetworkReply *reply, const QByteArray &body)
{
    QString message = QStringLiteral("HTTP %1").arg(status);
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (!reason.isEmpty())
        message += QLatin1Char(' ') + reason;
    const QString fromServer = serverMessage(reply, body);
    if (!fromServer.isEmpty())
        message += QStringLiteral(": ") + fromServer;
    return AuthError{AuthResponseReader::kindForStatus(status), status, message};
}

AuthError badResponse(int status, const QString &reason)
{
    return AuthError{AuthError::Kind::BadResponse, status,
                     QStringLiteral("HTTP %1 with an unusable body: %2").arg(status).arg(reason)};
}

// Answers to a batch that mean "no such thing here" rather than "no": the endpoint does not
// take channel_name[i] (a strict form parser, an older backend, a route that only exists for
// single requests).
bool batchNotUnderstood(int status)
{
    return status == 400 || status == 404 || status == 405 || status == 415;
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

HttpAuthorizer::~HttpAuthorizer()
{
    for (const auto &batch : std::as_const(m_queued))
        batch->rejectAll(
            {AuthError::Kind::Transient, 0, QStringLiteral("the authorizer went away")});
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

QByteArray HttpAuthorizer::batchFormBody(const QString &socketId,
                                         const QStringList &channelNames) const
{
    QByteArray body;
    appendField(body, QStringLiteral("socket_id"), socketId);
    for (qsizetype i = 0; i < channelNames.size(); ++i) {
        // pusher-js-auth leaves the brackets unencoded; form parsers (PHP, qs, body-parser)
        // read channel_name[0] either way.
        body += "&channel_name[" + QByteArray::number(i)
            + "]=" + QUrl::toPercentEncoding(channelNames.at(i));
    }
    for (const auto &[key, value] : m_options.params)
        appendField(body, key, value);
    return body;
}

AuthRequest *HttpAuthorizer::authorizeChannel(const QString &socketId, const QString &channelName,
                                              QObject *parent)
{
    auto *request = new AuthRequest(parent);
    if (m_options.batching && !m_batchingUnsupported && m_network
        && m_options.channelEndpoint.isValid() && !m_options.channelEndpoint.isRelative()) {
        queue(socketId, channelName, request);
        return request;
    }
    postSingle(request, m_options.channelEndpoint, channelFormBody(socketId, channelName),
               AuthResponseReader::purposeOf(channelName), channelName);
    return request;
}

AuthRequest *HttpAuthorizer::authenticateUser(const QString &socketId, QObject *parent)
{
    auto *request = new AuthRequest(parent);
    postSingle(request, m_options.userEndpoint, userFormBody(socketId), Purpose::User,
               QStringLiteral("user sign-in"));
    return request;
}

void HttpAuthorizer::queue(const QString &socketId, const QString &channelName, AuthRequest *request)
{
    std::shared_ptr<AuthBatch> &batch = m_queued[socketId];
    if (!batch) {
        batch = std::make_shared<AuthBatch>(socketId);
        m_queuedOrder.append(socketId);
    }
    batch->add(channelName, request);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        // A zero timer runs once the current turn's work (a whole resubscribe loop) is done.
        QTimer::singleShot(0, this, &HttpAuthorizer::flushQueued);
    }
}

void HttpAuthorizer::flushQueued()
{
    m_flushScheduled = false;
    const QHash<QString, std::shared_ptr<AuthBatch>> queued = std::exchange(m_queued, {});
    const QStringList order = std::exchange(m_queuedOrder, {});
    for (const QString &socketId : order) {
        const std::shared_ptr<AuthBatch> &waiting = queued.value(socketId);
        const QStringList channels = waiting->channelNames();
        if (channels.size() < 2 || m_batchingUnsupported) {
            unbatch(*waiting);
            continue;
        }
        // Split by distinct channel: a channel asked for twice shares its answer.
        for (qsizetype first = 0; first < channels.size(); first += MaxBatchSize) {
            const QStringList part = channels.mid(first, MaxBatchSize);
            auto batch = std::make_shared<AuthBatch>(socketId);
            for (const AuthBatch::Entry &entry : waiting->liveEntries()) {
                if (part.contains(entry.channelName))
                    batch->add(entry.channelName, entry.request);
            }
            postBatch(batch);
        }
    }
}

void HttpAuthorizer::unbatch(const AuthBatch &batch)
{
    for (const AuthBatch::Entry &entry : batch.liveEntries()) {
        postSingle(entry.request, m_options.channelEndpoint,
                   channelFormBody(batch.socketId(), entry.channelName),
                   AuthResponseReader::purposeOf(entry.channelName), entry.channelName);
    }
}

void HttpAuthorizer::postBatch(const std::shared_ptr<AuthBatch> &batch)
{
    const QStringList channels = batch->channelNames();
    const QString what = QStringLiteral("%1 channels (batched)").arg(channels.size());
    const QPointer<HttpAuthorizer> self(this);
    QNetworkReply *reply = send(
        m_options.channelEndpoint, batchFormBody(batch->socketId(), channels), what,
        [self, batch](const HttpResult &result) {
            if (!batch->hasLiveRequests())
                return;
            const bool understood = !batchNotUnderstood(result.status)
                && (result.error || batch->distribute(result.body));
            if (understood) {
                if (result.error)
                    batch->rejectAll(*result.error);
                return;
            }
            if (!self) {
                batch->rejectAll(
                    {AuthError::Kind::Transient, 0, QStringLiteral("the authorizer went away")});
                return;
            }
            if (!self->m_batchingUnsupported) {
                qCInfo(lcPusherAuth).noquote()
                    << QStringLiteral("the auth endpoint does not understand batched requests "
                                      "(HTTP %1); sending one request per channel from now on")
                           .arg(result.status);
            }
            self->m_batchingUnsupported = true;
            self->unbatch(*batch);
        });

    // Cancellation: the answer is still wanted while any of the batch's requests is.
    for (const AuthBatch::Entry &entry : batch->liveEntries()) {
        connect(entry.request, &QObject::destroyed, reply, [reply, batch] {
            if (!batch->hasLiveRequests()) {
                reply->abort();
                reply->deleteLater();
            }
        });
    }
}

void HttpAuthorizer::postSingle(AuthRequest *request, const QUrl &endpoint, const QByteArray &body,
                                Purpose purpose, const QString &what)
{
    if (!m_network) {
        request->reject(
            {AuthError::Kind::BadResponse, 0, QStringLiteral("no network access manager")});
        return;
    }
    if (!endpoint.isValid() || endpoint.isRelative()) {
        request->reject({AuthError::Kind::BadResponse, 0,
                         purpose == Purpose::User
                             ? QStringLiteral("no user authentication endpoint is configured")
                             : QStringLiteral("no channel authorization endpoint is configured")});
        return;
    }

    const QPointer<AuthRequest> guard(request);
    QNetworkReply *reply = send(
        endpoint, body, what, [guard, purpose, what](const HttpResult &result) {
            if (!guard)
                return;
            const auto fail = [&](const AuthError &error) {
                qCInfo(lcPusherAuth) << "authorization for" << what << "failed:" << error.message;
                guard->reject(error);
            };
            if (result.error) {
                fail(*result.error);
                return;
            }
            // From here on the body may contain a signature: reasons only, never its content.
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                fail(badResponse(result.status, QStringLiteral("not a JSON object")));
                return;
            }
            QString reason;
            const auto response = AuthResponseReader::read(document.object(), purpose, &reason);
            if (!response) {
                fail(badResponse(result.status, reason));
                return;
            }
            qCDebug(lcPusherAuth) << "authorized" << what;
            guard->resolve(*response);
        });

    // Cancellation: the reply is not a child of the request, so abort it explicitly. The
    // handler sees a null guard and does nothing.
    connect(request, &QObject::destroyed, reply, [reply] {
        reply->abort();
        reply->deleteLater();
    });
}

QNetworkReply *HttpAuthorizer::send(const QUrl &endpoint, const QByteArray &body,
                                    const QString &what, ResultHandler done)
{
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
    auto timedOut = std::make_shared<bool>(false);
    auto finished = std::make_shared<bool>(false);
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

    // If the manager is destroyed first it takes its replies along without a finished signal.
    connect(reply, &QObject::destroyed, [finished, done] {
        if (!*finished) {
            *finished = true;
            done({0,
                  {},
                  AuthError{AuthError::Kind::Transient, 0,
                            QStringLiteral("the network access manager went away")}});
        }
    });

    const int timeoutMs = m_options.timeoutMs;
    connect(
        reply, &QNetworkReply::finished, reply,
        [reply, finished, timedOut, refusedRedirect, endpoint, timeoutMs, done] {
            reply->deleteLater();
            if (*finished)
                return;
            *finished = true;

            const QVariant statusAttribute = reply->attribute(
                QNetworkRequest::HttpStatusCodeAttribute);
            if (!refusedRedirect->isEmpty()) {
                done({0,
                      {},
                      AuthError{AuthError::Kind::BadResponse, statusAttribute.toInt(),
                                QStringLiteral("%1 redirected to another origin (%2); not "
                                               "followed, so the auth headers stay with the "
                                               "configured endpoint")
                                    .arg(safeUrl(endpoint), safeUrl(*refusedRedirect))}});
                return;
            }
            if (*timedOut) {
                done({0,
                      {},
                      AuthError{AuthError::Kind::Transient, 0,
                                QStringLiteral("no answer from %1 within %2 ms")
                                    .arg(safeUrl(endpoint))
                                    .arg(timeoutMs)}});
                return;
            }
            if (!statusAttribute.isValid()) {
                const char *code = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(
                    reply->error());
                QString detail = reply->errorString();
                detail.replace(endpoint.toString(), safeUrl(endpoint));
                done({0,
                      {},
                      AuthError{AuthError::Kind::Transient, 0,
                                QStringLiteral("network error (%1): %2")
                                    .arg(QLatin1String(code ? code : "unknown"), detail)}});
                return;
            }

            const int status = statusAttribute.toInt();
            HttpResult result{status, reply->readAll(), std::nullopt};
            if (status >= 400) {
                result.error = httpError(status, reply, result.body);
            } else if (status != 200) {
                // pusher-js accepts nothing but 200 either; a stray 204 or an unfollowed redirect
                // is a backend bug. The body is not quoted: it might hold a signature.
                result.error = AuthError{
                    AuthError::Kind::BadResponse, status,
                    QStringLiteral("HTTP %1 where 200 with a JSON body was expected").arg(status)};
            }
            done(result);
        });

    return reply;
}

} // namespace natter::pusher
