#include "ClientRig.h"

#include "pusher/ConnectionOptions.h"

#include <QTest>

ClientRig::ClientRig()
{
    natter::pusher::ConnectionOptions o;
    o.key = QStringLiteral("KEY");
    o.cluster = QStringLiteral("mt1");
    client = std::make_unique<natter::pusher::Client>(o, &auth, &clock, net.factory());
}

ClientRig::~ClientRig() = default;

FakeTransport *ClientRig::connect(const QString &socketId)
{
    client->connect();
    net.last()->accept(socketId);
    return net.last();
}

FakeTransport *ClientRig::reconnect(const QString &socketId)
{
    const int before = net.count();
    if (FakeTransport *current = t())
        current->fail();
    for (int guard = 0; net.count() == before && guard < 1000; ++guard) {
        if (!clock.runNextTimer())
            break;
    }
    if (net.count() == before) {
        QTest::qFail("ClientRig::reconnect: no new connection attempt", __FILE__, __LINE__);
        return nullptr;
    }
    net.last()->accept(socketId);
    return net.last();
}
