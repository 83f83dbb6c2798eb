#pragma once

#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"

#include "pusher/Client.h"

#include <memory>

// A Client wired to a FakeClock, a FakeNetwork and a FakeAuthorizer, with the usual moves.
struct ClientRig
{
    ClientRig();
    ~ClientRig();

    // connect() and accept the handshake with `socketId`.
    FakeTransport *connect(const QString &socketId = QStringLiteral("1.1"));
    // The current socket dies; virtual time runs until the next attempt, which is accepted.
    FakeTransport *reconnect(const QString &socketId);
    FakeTransport *t() const { return net.last(); }
    void serverSend(const QString &frame) { t()->serverSend(frame); }

    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    std::unique_ptr<natter::pusher::Client> client; // declared last: destroyed first
};
