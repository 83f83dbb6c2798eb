#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

class QNetworkReply;

// Talks HTTP to a natter-server from a test: each call waits (spinning the event loop) for the
// answer. start() leaves the request running, for tests that need several at once.
class ServerApiClient
{
public:
    struct Result
    {
        int status = 0; // 0: no HTTP answer
        QByteArray body;
        QJsonObject json;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString networkError;

        QByteArray header(const QByteArray &name) const;
        QString code() const { return json.value(QStringLiteral("code")).toString(); }
        QString describe() const; // status and body, for failure messages
    };

    explicit ServerApiClient(QUrl base);

    Result get(const QString &path, const QString &token = {});
    Result del(const QString &path, const QString &token = {});
    Result postJson(const QString &path, const QJsonObject &body, const QString &token = {});
    Result postForm(const QString &path, const QByteArray &form, const QString &token = {});
    Result post(const QString &path, const QByteArray &body, const QByteArray &contentType,
                const QString &token = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {});

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QByteArray &contentType, const QString &token = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static Result wait(QNetworkReply *reply, int timeoutMs = 15000);

    // POST /session; the token, or empty (and QTest-visible details in *result).
    QString login(const QString &name, Result *result = nullptr);

private:
    QUrl m_base;
    QNetworkAccessManager m_network;
};
