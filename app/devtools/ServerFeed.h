#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace natter::pusher {
class Channel;
class Client;
struct Event;
} // namespace natter::pusher

namespace natter::devtools {

class FrameRecorder;

// The server-wide view: natter-server republishes the Pusher webhooks it receives (channels
// occupied and vacated, members added and removed, client events) on a private debug channel
// that it signs only for its debug users. While started, this subscribes that channel on the
// session's own connection and puts each event in the Debug console as a "server" line, next to
// the local frames. Nothing is subscribed for users the server did not name (GET /debug said
// no), so for them the view simply does not exist.
class ServerFeed : public QObject
{
    Q_OBJECT
public:
    // `recorder` is not owned and must outlive the feed.
    explicit ServerFeed(FrameRecorder *recorder, QObject *parent = nullptr);
    ~ServerFeed() override;

    // Subscribes `channel` on `client`; a null client or an empty channel just stops.
    void start(natter::pusher::Client *client, const QString &channel);
    void stop();
    bool isRunning() const { return m_channel != nullptr; }
    QString channelName() const { return m_channelName; }

private:
    void onEvent(const natter::pusher::Event &event);

    FrameRecorder *m_recorder;
    QPointer<natter::pusher::Client> m_client;
    QPointer<natter::pusher::Channel> m_channel;
    QString m_channelName;
    QList<QMetaObject::Connection> m_signals;
};

} // namespace natter::devtools
