#include "ServerApiClient.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

QByteArray ServerApiClient::Result::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString ServerApiClient::Result::describe() const
{
    return QStringLiteral("HTTP %1 %2 %3").arg(status).arg(QString::fromUtf8(body), networkError);
}

ServerApiClient::ServerApiClient(QUrl base)
    : m_base(std::move(base))
{
}

QNetworkReply *ServerApiClient::start(const QByteArray &method, const QString &path,
                                      const QByteArray &body, const QByteArray &contentType,
                                      const QString &token,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    request.setTransferTimeout(20000);
    if (method == "GET")
        return m_network.get(request);
    if (method == "DELETE")
        return m_network.deleteResource(request);
    return m_network.sendCustomRequest(request, method, body);
}

ServerApiClient::Result ServerApiClient::wait(QNetworkReply *reply, int timeoutMs)
{
    Result result;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs)) {
        reply->abort();
        result.networkError = QStringLiteral("timed out");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

ServerApiClient::Result ServerApiClient::get(const QString &path, const QString &token)
{
    return wait(start("GET", path, {}, {}, token));
}

ServerApiClient::Result ServerApiClient::del(const QString &path, const QString &token)
{
    return wait(start("DELETE", path, {}, {}, token));
}

ServerApiClient::Result ServerApiClient::postJson(const QString &path, const QJsonObject &body,
                                                  const QString &token)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
}

ServerApiClient::Result ServerApiClient::postForm(const QString &path, const QByteArray &form,
                                                  const QString &token)
{
    return post(path, form, "application/x-www-form-urlencoded", token);
}

ServerApiClient::Result ServerApiClient::post(const QString &path, const QByteArray &body,
                                              const QByteArray &contentType, const QString &token,
                                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return wait(start("POST", path, body, contentType, token, headers));
}

QString ServerApiClient::login(const QString &name, Result *result)
{
    const Result r = postJson(QStringLiteral("/session"), {{QStringLiteral("name"), name}});
    if (result)
        *result = r;
    return r.status == 201 ? r.json.value(QStringLiteral("token")).toString() : QString();
}
