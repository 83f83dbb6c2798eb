#pragma once

#include "Transport.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QWebSocket>

#include <optional>

class QSocketNotifier;

namespace natter::pusher {

// Transport over QWebSocket: TLS verification on, optional extra CAs, optional proxy.
class WebSocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit WebSocketTransport(const ConnectionOptions &options, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open(const QUrl &url) override;
    bool sendText(const QString &text) override;
    void abort() override;

    static TransportFactory factory();

private:
    void finish(int code, const QString &reason, Failure failure);
    void watchConnect();
    void armConnectWatch();
    void checkConnect();
    void disarmConnectWatch();
    qintptr connectingDescriptor() const;

    QWebSocket m_socket;
    // Works around Qt 6.4 reconnecting after an RST during connect (see checkConnect()).
    QPointer<QAbstractSocket> m_tcp;
    QSocketNotifier *m_connectWatch = nullptr;
    bool m_open = false;
    bool m_finished = false;
    Failure m_failure = Failure::None;
    QString m_errorText;
};

} // namespace natter::pusher
