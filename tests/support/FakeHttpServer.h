#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;

// A minimal in-process HTTP/1.1 server on 127.0.0.1 for tests of HTTP clients (auth endpoints,
// the REST API). One request per connection (answers carry "Connection: close"); bodies need a
// Content-Length, which is what QNetworkAccessManager sends.
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // raw request target as sent: path and query, still percent-encoded
        QByteArray path; // target before '?'
        QByteArray query; // target after '?', raw
        QList<QPair<QByteArray, QByteArray>> headers; // in order, names as sent
        QByteArray body;

        // First header with that name (case-insensitive), or a null array.
        QByteArray header(const QByteArray &name) const;
        // application/x-www-form-urlencoded (or query string) decoding: '+' and %XX.
        static QList<QPair<QString, QString>> decodeForm(const QByteArray &encoded);
        QList<QPair<QString, QString>> formFields() const { return decodeForm(body); }
        QString formValue(const QString &name) const;
        QList<QPair<QString, QString>> queryItems() const { return decodeForm(query); }
        QString queryValue(const QString &name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0; // answer this much later
        bool noAnswer = false; // keep the connection open and never answer (timeouts)

        static Response json(const QByteArray &body, int status = 200);
        static Response text(const QByteArray &body, int status);
    };

    using Handler = std::function<Response(const Request &)>;

    // Starts listening on 127.0.0.1 with an ephemeral port; the default handler answers 200 {}.
    explicit FakeHttpServer(QObject *parent = nullptr);
    // HTTPS with the given server configuration (local certificate and private key).
    explicit FakeHttpServer(const QSslConfiguration &tls, QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool isListening() const;
    quint16 port() const;
    // http(s)://127.0.0.1:<port><path>
    QUrl url(const QString &path = QString()) const;

    void setHandler(Handler handler);

    const QList<Request> &requests() const { return m_requests; }
    void clearRequests();
    // Connections the client closed after sending a complete request but before the answer.
    int abandonedCount() const { return m_abandoned; }

    // Spin the event loop until that many requests (in total) arrived / were abandoned.
    bool waitForRequests(int count, int timeoutMs = 5000);
    bool waitForAbandoned(int count, int timeoutMs = 5000);

signals:
    void requestReceived();
    void requestAbandoned();

private:
    void setUp();
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Response &response);

    QTcpServer *m_server;
    Handler m_handler;
    QList<Request> m_requests;
    int m_abandoned = 0;
    bool m_tls = false;
};
