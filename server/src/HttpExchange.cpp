#include "HttpExchange.h"

#include "Log.h"

#include <QJsonDocument>
#include <QMetaEnum>
#include <QTcpSocket>

HttpExchange::HttpExchange(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                           QTcpSocket *socket, std::function<void()> onFinished)
    : m_method(request.method())
    , m_path(request.url().path())
    , m_query(request.query())
    , m_body(request.body())
    , m_headers(request.headers())
    , m_responder(std::move(responder))
    , m_socket(socket)
    , m_onFinished(std::move(onFinished))
{
    m_elapsed.start();
    m_methodName = QByteArray(
                       QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(m_method)))
                       .toUpper();
}

HttpExchange::~HttpExchange()
{
    // A handler that dropped its exchange without answering is a bug; the client still gets an
    // answer rather than a hung connection.
    if (!m_answered)
        sendError(500, QStringLiteral("unavailable"), QStringLiteral("Internal error."));
}

QByteArray HttpExchange::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString HttpExchange::bearerToken() const
{
    const QByteArray value = header("Authorization").trimmed();
    if (value.size() < 8 || value.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

QList<QPair<QString, QString>> HttpExchange::formFields() const
{
    QByteArray body = m_body;
    body.replace('+', ' ');
    QList<QPair<QString, QString>> fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        fields.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return fields;
}

void HttpExchange::sendJson(int status, const QJsonObject &body, const Headers &headers)
{
    send(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

void HttpExchange::sendError(int status, const QString &code, const QString &message,
                             const Headers &headers, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("error"), message);
    body.insert(QStringLiteral("code"), code);
    sendJson(status, body, headers);
}

void HttpExchange::sendEmpty(int status)
{
    send(status, {}, {}, {});
}

void HttpExchange::send(int status, const QByteArray &contentType, const QByteArray &body,
                        const Headers &headers)
{
    if (m_answered)
        return;
    m_answered = true;
    // The path only: the query may carry nothing secret today, but a log must not depend on that.
    if (m_socket) {
        m_responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        if (!contentType.isEmpty())
            m_responder.writeHeader("Content-Type", contentType);
        m_responder.writeHeader("Content-Length", QByteArray::number(body.size()));
        for (const auto &h : headers)
            m_responder.writeHeader(h.first, h.second);
        m_responder.writeBody(body);
        qCInfo(lcAccess).noquote()
            << m_methodName << m_path << status << m_elapsed.elapsed() << "ms";
    } else {
        qCInfo(lcAccess).noquote()
            << m_methodName << m_path << status << m_elapsed.elapsed() << "ms (client gone)";
    }
    if (m_onFinished)
        m_onFinished();
}
