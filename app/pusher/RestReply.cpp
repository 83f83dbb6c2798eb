#include "RestReply.h"

#include "LogAuth.h"
#include "SameOriginRedirects.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace natter::pusher {

namespace {

constexpr qsizetype MaxQuotedBody = 500;

// Qt sometimes puts the URL into error strings; its query holds a replayable signature.
QString withoutQueries(QString text)
{
    static const QRegularExpression query(QStringLiteral("\\?[^\\s]*"));
    return text.replace(query, QString());
}

} // namespace

RestReply::RestReply(QObject *parent)
    : QObject(parent)
{
}

RestReply::~RestReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool RestReply::ok() const
{
    return m_finished && m_errorString.isEmpty() && m_httpStatus >= 200 && m_httpStatus < 300;
}

QJsonObject RestReply::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

void RestReply::abort()
{
    if (m_reply)
        m_reply->abort();
}

void RestReply::start(QNetworkReply *reply, int timeoutMs)
{
    m_reply = reply;
    m_timeoutMs = timeoutMs;
    connect(reply, &QNetworkReply::finished, this, &RestReply::onNetworkFinished);
    // The request is signed for the configured server: it never goes anywhere else.
    const QPointer<RestReply> self(this);
    SameOriginRedirects::guard(reply, [self](const QUrl &target) {
        if (self)
            self->m_refusedRedirect = target;
    });
    if (timeoutMs > 0) {
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            if (m_reply)
                m_reply->abort();
        });
        timer->start(timeoutMs);
    }
}

void RestReply::rejectLocally(const QString &error)
{
    m_rejectedLocally = true;
    m_errorString = error;
    qCWarning(lcPusherAuth) << "REST call rejected locally:" << error;
    // Same contract as a network reply: callers may connect after the call returns.
    QTimer::singleShot(0, this, &RestReply::finish);
}

void RestReply::onNetworkFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_httpStatus = status.isValid() ? status.toInt() : 0;
    // An aborted reply is closed, and reading it only earns a warning.
    if (reply->isOpen())
        m_body = reply->readAll();

    if (!m_refusedRedirect.isEmpty()) {
        m_errorString = QStringLiteral("HTTP %1: redirected to another origin (%2), not followed")
                            .arg(m_httpStatus)
                            .arg(m_refusedRedirect.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo
                                                            | QUrl::RemoveFragment));
        if (m_httpStatus >= 200 && m_httpStatus < 300)
            m_httpStatus = 0;
    } else if (m_timedOut) {
        m_httpStatus = 0;
        m_errorString = QStringLiteral("no answer within %1 ms").arg(m_timeoutMs);
    } else if (m_httpStatus == 0) {
        m_errorString
            = QStringLiteral("network error: %1").arg(withoutQueries(reply->errorString()));
    } else {
        m_errorString = readAnswer(m_httpStatus, m_body);
    }
    if (!m_errorString.isEmpty())
        qCInfo(lcPusherAuth) << "REST call failed:" << m_errorString;
    finish();
}

QString RestReply::readAnswer(int &httpStatus, const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (httpStatus >= 200 && httpStatus < 300 && object.value(QLatin1String("error")).isString()) {
        // soketi 1.6 answers some refusals (a bad signature among them) with HTTP 200 and
        // {"error":..,"code":401}: treat the embedded code as the status.
        httpStatus = object.value(QLatin1String("code")).toInt(httpStatus);
        const QString error
            = QStringLiteral("HTTP %1: %2")
                  .arg(httpStatus)
                  .arg(object.value(QLatin1String("error")).toString().left(MaxQuotedBody));
        if (httpStatus >= 200 && httpStatus < 300)
            httpStatus = 500; // an error without a code is still an error
        return error;
    }
    if (httpStatus >= 200 && httpStatus < 300)
        return {};
    // REST bodies hold no secrets (the signature travels in the query), so quote the server's
    // reason: soketi and Pusher explain 4xx answers there.
    QString detail;
    if (object.value(QLatin1String("error")).isString())
        detail = object.value(QLatin1String("error")).toString();
    else
        detail = QString::fromUtf8(body).simplified();
    if (detail.size() > MaxQuotedBody)
        detail = detail.left(MaxQuotedBody) + QStringLiteral("...");
    QString error = QStringLiteral("HTTP %1").arg(httpStatus);
    if (!detail.isEmpty())
        error += QStringLiteral(": ") + detail;
    return error;
}

void RestReply::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

} // namespace natter::pusher
