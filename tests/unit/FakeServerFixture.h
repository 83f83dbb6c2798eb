// The fixture shared by tst_fakeserver and tst_fakeserverrecovery: a FakePusherServer, a
// LocalSigner for its app and the real Client under test.
#pragma once

#include "FakePusherServer.h"

#include "pusher/AuthRequest.h"
#include "pusher/Authorizer.h"
#include "pusher/Channel.h"
#include "pusher/ChannelError.h"
#include "pusher/Client.h"
#include "pusher/ClientEventQueue.h"
#include "pusher/Connection.h"
#include "pusher/ConnectionOptions.h"
#include "pusher/Event.h"
#include "pusher/LocalSigner.h"
#include "pusher/PresenceChannel.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace natter::pusher;

// ConnectionState has a toString() returning QString that QCOMPARE would pick up through ADL.
#define COMPARE_STATE(actual, expected) \
    QVERIFY2( \
        (actual) == (expected), \
        qPrintable( \
            QStringLiteral("state is %1, expected %2").arg(toString(actual), toString(expected))))

namespace fakeserverfixture {

inline const QString Key = QStringLiteral("app-key");
inline const QByteArray Secret = "app-secret";

// Independent of Signer: what a server expects for a private channel.
inline QString privateAuth(const QString &socketId, const QString &channel,
                           const QByteArray &secret = Secret)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(
        (socketId + QLatin1Char(':') + channel).toUtf8(), secret, QCryptographicHash::Sha256);
    return Key + QLatin1Char(':') + QString::fromLatin1(mac.toHex());
}

// Answers through another authorizer, but only after `delayMs`: an auth endpoint that is slow.
// Cancelling (deleting) the request before then cancels the answer, as the Authorizer contract
// says; requests() records the socket id of every call.
class DelayedAuthorizer : public Authorizer
{
public:
    DelayedAuthorizer(Authorizer *inner, int delayMs)
        : m_inner(inner)
        , m_delayMs(delayMs)
    {
    }

    AuthRequest *authorizeChannel(const QString &socketId, const QString &channelName,
                                  QObject *parent) override
    {
        m_requests.append(socketId);
        auto *request = new AuthRequest(parent);
        const QPointer<AuthRequest> guard(request);
        QTimer::singleShot(m_delayMs, &m_context, [this, guard, socketId, channelName] {
            if (!guard) {
                ++m_cancelled;
                return;
            }
            AuthRequest *inner = m_inner->authorizeChannel(socketId, channelName, guard);
            QObject::connect(inner, &AuthRequest::succeeded, guard,
                             [guard](const AuthResponse &r) { guard->resolve(r); });
            QObject::connect(inner, &AuthRequest::failed, guard,
                             [guard](const AuthError &e) { guard->reject(e); });
        });
        return request;
    }
    AuthRequest *authenticateUser(const QString &socketId, QObject *parent) override
    {
        return m_inner->authenticateUser(socketId, parent);
    }

    QStringList requests() const { return m_requests; }
    int cancelled() const { return m_cancelled; }

private:
    Authorizer *m_inner;
    int m_delayMs;
    QObject m_context;
    QStringList m_requests;
    int m_cancelled = 0;
};

// Per test: set up in init(), torn down in cleanup() (QVERIFY-style failures in setUp() are
// seen by QTest::currentTestFailed()).
class FakeServerFixture
{
protected:
    void setUpFixture()
    {
        m_server = std::make_unique<FakePusherServer>();
        QVERIFY(m_server->isListening());
        m_signer = std::make_unique<LocalSigner>(
            Key, Secret, QStringLiteral("alice"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Alice")}});
    }

    void tearDownFixture()
    {
        m_client.reset(); // before the server and the authorizer it uses
        m_server.reset();
        m_signer.reset();
    }

    static void registerTypes()
    {
        // LocalSigner warns about holding the secret every time one is made: once per test here.
        QLoggingCategory::setFilterRules(QStringLiteral("natter.pusher.auth.warning=false"));
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<ChannelError>();
        qRegisterMetaType<ClientEventError>();
        qRegisterMetaType<Event>();
    }

    static ConnectionOptions options(quint16 port)
    {
        ConnectionOptions o;
        o.key = Key;
        o.host = QStringLiteral("127.0.0.1");
        o.port = port;
        o.tls = false;
        // Small, so the suite is fast, but with room for a loaded 2-core machine: a pong that is a
        // few hundred ms late must not cause a reconnect that a test does not expect.
        o.activityTimeoutMs = 2000;
        o.pongTimeoutMs = 1000;
        o.unavailableTimeoutMs = 2000;
        o.handshakeTimeoutMs = 2000;
        o.backoffInitialMs = 50;
        o.backoffMaxMs = 1000;
        return o;
    }

    Client *makeClient(const ConnectionOptions &options, Authorizer *authorizer = nullptr)
    {
        m_client = std::make_unique<Client>(options, authorizer ? authorizer : m_signer.get());
        return m_client.get();
    }

    // Connects, subscribes to `channel` and waits for both ends to agree it is subscribed.
    Channel *connectAndSubscribe(const QString &channel, int connection = 0)
    {
        if (!m_client)
            makeClient(options(m_server->port()));
        Channel *c = m_client->subscribe(channel);
        if (!c)
            return nullptr;
        m_client->connect();
        if (!m_server->waitForSubscribed(connection, channel))
            return nullptr;
        if (!QTest::qWaitFor([c] { return c->isSubscribed(); }, 5000))
            return nullptr;
        return c;
    }

    std::unique_ptr<FakePusherServer> m_server;
    std::unique_ptr<LocalSigner> m_signer;
    std::unique_ptr<Client> m_client;
};

} // namespace fakeserverfixture

using namespace fakeserverfixture;
