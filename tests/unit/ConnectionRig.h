// The Connection test rig shared by tst_connection*: one Connection on a FakeClock and a
// FakeNetwork (no real time, no real sockets), and everything it emitted.
#pragma once

#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "pusher/Connection.h"
#include "pusher/ConnectionOptions.h"
#include "pusher/ConnectionState.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <memory>

using namespace natter::pusher;
using State = ConnectionState;

namespace connectionrig {

inline QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// ConnectionState's toString() returns a QString, which QTest cannot print: compare names.
inline QString T(State previous, State current)
{
    return toString(previous) + QStringLiteral("->") + toString(current);
}

struct ServerError
{
    int code;
    QString message;
    QString channel;
};

// One Connection under test plus everything it emitted.
struct Rig
{
    explicit Rig(ConnectionOptions o = defaults())
        : options(std::move(o))
    {
        connection = std::make_unique<Connection>(options, &clock, net.factory());
        Connection *c = connection.get();
        QObject::connect(c, &Connection::stateChanged, c, [this](State previous, State current) {
            transitions.append(T(previous, current));
        });
        QObject::connect(c, &Connection::connected, c,
                         [this](const QString &id) { connectedIds.append(id); });
        QObject::connect(c, &Connection::reconnectingIn, c, [this](int ms) { delays.append(ms); });
        QObject::connect(c, &Connection::connectionLost, c,
                         [this](int code, const QString &) { lost.append(code); });
        QObject::connect(c, &Connection::connectionRefused, c,
                         [this](int code, const QString &) { refused.append(code); });
        QObject::connect(c, &Connection::tlsError, c,
                         [this](const QString &reason) { tlsErrors.append(reason); });
        QObject::connect(c, &Connection::serverError, c,
                         [this](int code, const QString &message, const QString &channel) {
                             serverErrors.append({code, message, channel});
                         });
        QObject::connect(c, &Connection::malformedFrame, c,
                         [this](const QString &reason) { malformed.append(reason); });
        QObject::connect(c, &Connection::eventReceived, c,
                         [this](const Event &e) { events.append(e); });
    }

    static ConnectionOptions defaults()
    {
        ConnectionOptions o;
        o.key = QStringLiteral("KEY");
        o.cluster = QStringLiteral("mt1");
        return o;
    }

    // connect() and complete the handshake on the new transport.
    FakeTransport *connectAndAccept(const QString &socketId = QStringLiteral("123.456"),
                                    int activityS = 120)
    {
        connection->connect();
        FakeTransport *t = net.last();
        if (t)
            t->accept(socketId, activityS);
        return t;
    }

    State state() const { return connection->state(); }

    ConnectionOptions options;
    FakeClock clock;
    FakeNetwork net;
    std::unique_ptr<Connection> connection;
    QStringList transitions;
    QStringList connectedIds;
    QList<int> delays;
    QList<int> lost;
    QList<int> refused;
    QStringList tlsErrors;
    QList<ServerError> serverErrors;
    QStringList malformed;
    QList<Event> events;
};

inline QString expectedQuery()
{
    return QStringLiteral("protocol=7&client=natter&version=") + QStringLiteral(NATTER_VERSION);
}

} // namespace connectionrig

using namespace connectionrig;
