#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpSocket;

// One request and its deferred answer. Handlers keep the shared pointer in their completion
// callbacks (a Pusher call, say) and answer later; the event loop never waits. Answering
// writes the access-log line and tells the server the request is done.
class HttpExchange
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    HttpExchange(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                 QTcpSocket *socket, std::function<void()> onFinished);
    ~HttpExchange();
    HttpExchange(const HttpExchange &) = delete;
    HttpExchange &operator=(const HttpExchange &) = delete;

    QHttpServerRequest::Method method() const { return m_method; }
    const QString &path() const { return m_path; }
    const QUrlQuery &query() const { return m_query; }
    const QByteArray &body() const { return m_body; }
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    // The token of "Authorization: Bearer TOKEN"; empty if absent.
    QString bearerToken() const;
    // application/x-www-form-urlencoded body ('+' is a space), keys and values decoded.
    QList<QPair<QString, QString>> formFields() const;

    void sendJson(int status, const QJsonObject &body, const Headers &headers = {});
    void sendError(int status, const QString &code, const QString &message,
                   const Headers &headers = {}, const QJsonObject &extra = {});
    void sendEmpty(int status);
    bool isAnswered() const { return m_answered; }

private:
    void send(int status, const QByteArray &contentType, const QByteArray &body,
              const Headers &headers);

    QHttpServerRequest::Method m_method;
    QByteArray m_methodName;
    QString m_path;
    QUrlQuery m_query;
    QByteArray m_body;
    Headers m_headers;
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    QElapsedTimer m_elapsed;
    std::function<void()> m_onFinished;
    bool m_answered = false;
};

using ExchangePtr = std::shared_ptr<HttpExchange>;
