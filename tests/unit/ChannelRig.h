// The channel test rig shared by tst_channels, tst_channelauth and tst_clientevents: a Client on a
// FakeClock, a FakeNetwork and a FakeAuthorizer, and a log of what its channels emitted.
#pragma once

#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "pusher/Channel.h"
#include "pusher/ChannelName.h"
#include "pusher/Client.h"
#include "pusher/ClientEventQueue.h"
#include "pusher/Connection.h"
#include "pusher/EncryptedChannel.h"
#include "pusher/Members.h"
#include "pusher/PresenceChannel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace natter::pusher;

namespace channelrig {

inline QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

inline QString stateName(Channel::State s)
{
    switch (s) {
    case Channel::State::Unsubscribed:
        return S("unsubscribed");
    case Channel::State::Authorizing:
        return S("authorizing");
    case Channel::State::Pending:
        return S("pending");
    case Channel::State::Subscribed:
        return S("subscribed");
    case Channel::State::Failed:
        return S("failed");
    }
    return {};
}

#define QCOMPARE_STATE(channel, expected) \
    QCOMPARE(stateName((channel)->state()), stateName(Channel::State::expected))

struct Rig
{
    Rig()
    {
        ConnectionOptions o;
        o.key = QStringLiteral("KEY");
        o.cluster = QStringLiteral("mt1");
        client = std::make_unique<Client>(o, &auth, &clock, net.factory());
        QObject::connect(client->clientEvents(), &ClientEventQueue::sent, client.get(),
                         [this](const QString &channel, const QString &event) {
                             clientSends.append({clock.nowMs(), channel + u'/' + event});
                         });
    }

    FakeTransport *connect(const QString &socketId = QStringLiteral("1.1"))
    {
        client->connect();
        net.last()->accept(socketId);
        return net.last();
    }

    FakeTransport *t() const { return net.last(); }

    // The socket dies; the next attempt is accepted with `socketId`.
    FakeTransport *reconnect(const QString &socketId)
    {
        const int before = net.count();
        t()->fail();
        while (net.count() == before)
            clock.runNextTimer();
        net.last()->accept(socketId);
        return net.last();
    }

    void serverSend(const QString &frame) { t()->serverSend(frame); }

    // Subscribes and completes auth (if needed) and subscription_succeeded.
    Channel *subscribed(const QString &name)
    {
        Channel *c = client->subscribe(name);
        if (!c)
            return nullptr;
        if (ChannelName::needsAuth(name))
            auth.respondLast();
        if (ChannelName::type(name) == ChannelName::Type::Presence)
            serverSend(frames::presenceSucceeded(
                name, QJsonArray{auth.userId},
                QJsonObject{{auth.userId, QJsonObject{{S("name"), auth.userName}}}}));
        else
            serverSend(frames::subscriptionSucceeded(name));
        return c;
    }

    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    std::unique_ptr<Client> client; // last: destroyed first
    QList<QPair<qint64, QString>> clientSends;
};

struct ChannelLog
{
    explicit ChannelLog(Channel *c)
    {
        QObject::connect(c, &Channel::stateChanged, c, [this](Channel::State a, Channel::State b) {
            states.append(stateName(a) + QStringLiteral("->") + stateName(b));
        });
        QObject::connect(c, &Channel::subscribed, c, [this] { ++subscribed; });
        QObject::connect(c, &Channel::subscriptionFailed, c,
                         [this](const ChannelError &e) { failures.append(e); });
        QObject::connect(c, &Channel::authRetrying, c,
                         [this](int ms, const QString &) { retries.append(ms); });
        QObject::connect(c, &Channel::eventReceived, c,
                         [this](const Event &e) { events.append(e); });
        QObject::connect(c, &Channel::subscriptionCountChanged, c,
                         [this](int n) { counts.append(n); });
        QObject::connect(c, &Channel::cacheMiss, c, [this] { ++cacheMisses; });
        QObject::connect(c, &Channel::clientEventRejected, c,
                         [this](const ClientEventError &e) { rejected.append(e); });
    }
    QStringList states;
    int subscribed = 0;
    QList<ChannelError> failures;
    QList<int> retries;
    QList<Event> events;
    QList<int> counts;
    int cacheMisses = 0;
    QList<ClientEventError> rejected;
};

inline QString appEvent(const QString &channel, const QString &event,
                        const QString &data = QStringLiteral("{}"))
{
    return frames::frame(event, data, channel);
}

inline QList<QJsonObject> subscribeFrames(const FakeTransport *t, const QString &channel)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : t->sentEvents(S("pusher:subscribe"))) {
        if (o.value(QLatin1String("data")).toObject().value(QLatin1String("channel")).toString()
            == channel)
            out.append(o);
    }
    return out;
}

} // namespace channelrig

using namespace channelrig;
