#include "ServerFeed.h"

#include "FrameRecorder.h"
#include "LogDevtools.h"

#include <pusher/Channel.h>
#include <pusher/Client.h>
#include <pusher/Event.h>

#include <QJsonObject>

namespace natter::devtools {

ServerFeed::ServerFeed(FrameRecorder *recorder, QObject *parent)
    : QObject(parent)
    , m_recorder(recorder)
{
}

ServerFeed::~ServerFeed()
{
    stop();
}

void ServerFeed::start(natter::pusher::Client *client, const QString &channel)
{
    if (client == m_client && channel == m_channelName && m_channel)
        return;
    stop();
    if (!client || channel.isEmpty())
        return;
    QString error;
    natter::pusher::Channel *c = client->subscribe(channel, &error);
    if (!c) {
        m_recorder->note(FrameEntry::Kind::Error, tr("server-wide view unavailable: %1").arg(error),
                         channel, QStringLiteral("server"));
        return;
    }
    m_client = client;
    m_channel = c;
    m_channelName = channel;
    m_signals << connect(c, &natter::pusher::Channel::eventReceived, this, &ServerFeed::onEvent);
    m_signals << connect(c, &natter::pusher::Channel::subscriptionFailed, this,
                         [this](const natter::pusher::ChannelError &error) {
                             m_recorder->note(FrameEntry::Kind::Error,
                                              tr("server-wide view refused: %1").arg(error.message),
                                              m_channelName, QStringLiteral("server"));
                         });
}

void ServerFeed::stop()
{
    for (const QMetaObject::Connection &c : std::as_const(m_signals))
        disconnect(c);
    m_signals.clear();
    if (m_client && m_channel)
        m_client->unsubscribe(m_channelName);
    m_client = nullptr;
    m_channel = nullptr;
    m_channelName.clear();
}

void ServerFeed::onEvent(const natter::pusher::Event &event)
{
    if (event.event.startsWith(QLatin1String("pusher")))
        return; // the subscription's own protocol events
    // The webhook event as Pusher sent it: "channel" is the channel it is about, not ours.
    const QJsonObject hook = event.dataObject();
    const QString about = hook.value(QLatin1String("channel")).toString();
    m_recorder->note(FrameEntry::Kind::Server, event.data, about, event.event);
}

} // namespace natter::devtools
