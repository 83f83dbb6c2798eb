#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace natter::pusher {

struct ConnectionOptions;

// One connection attempt's socket. Connection makes a fresh one per attempt, so a late signal
// from an old socket can never be mistaken for the new one. `closed` is emitted exactly once
// after open(), unless the owner called abort() first.
class Transport : public QObject
{
    Q_OBJECT
public:
    enum class Failure { None, Network, Tls };
    using QObject::QObject;

    virtual void open(const QUrl &url) = 0;
    virtual bool sendText(const QString &text) = 0;
    // Close without emitting `closed` (the owner has already moved on).
    virtual void abort() = 0;

signals:
    void opened();
    void textReceived(const QString &text);
    // A frame the protocol does not allow (a binary frame): dropped, the connection stays.
    void malformedReceived(const QString &reason);
    // code: the WebSocket close code (1006 when the socket failed without a close frame).
    void closed(int code, const QString &reason, natter::pusher::Transport::Failure failure);
};

using TransportFactory = std::function<std::unique_ptr<Transport>(const ConnectionOptions &)>;

} // namespace natter::pusher
