#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkReply;

namespace natter::pusher {

// One REST API call made by RestClient. finished() is emitted exactly once, always
// asynchronously, also for calls rejected before anything was sent. Deleting the reply aborts
// the request; delete it (deleteLater) once finished, or leave it to the RestClient it is
// parented to.
class RestReply : public QObject
{
    Q_OBJECT
public:
    ~RestReply() override;

    bool isFinished() const { return m_finished; }
    // True for a 2xx answer.
    bool ok() const;
    // 0 when no HTTP answer arrived (validation error, network error, timeout).
    int httpStatus() const { return m_httpStatus; }
    QByteArray body() const { return m_body; }
    // The body as a JSON object; empty if it is not one.
    QJsonObject json() const;
    // Empty when ok(); otherwise what went wrong, including the server's error text if any.
    QString errorString() const { return m_errorString; }
    // True if the call was rejected locally and no request was sent.
    bool wasRejectedLocally() const { return m_rejectedLocally; }

    void abort();

    // The error text for an HTTP answer (empty for a success), and the status it really means:
    // soketi's HTTP 200 with {"error":..,"code":..} is a refusal. What finished() reports for
    // any answer that arrived.
    static QString readAnswer(int &httpStatus, const QByteArray &body);

signals:
    void finished();

private:
    friend class RestClient;
    explicit RestReply(QObject *parent);
    void start(QNetworkReply *reply, int timeoutMs); // takes ownership of reply
    void rejectLocally(const QString &error);
    void onNetworkFinished();
    void finish();

    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_rejectedLocally = false;
    int m_timeoutMs = 0;
    int m_httpStatus = 0;
    QByteArray m_body;
    QString m_errorString;
    QUrl m_refusedRedirect; // a redirect to another origin, aborted
};

} // namespace natter::pusher
