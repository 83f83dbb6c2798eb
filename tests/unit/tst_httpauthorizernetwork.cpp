// HttpAuthorizer against an in-process HTTP server, the network side: timeouts, refused
// connections, cancelling by deleting a request, its parent or the network manager, TLS with and
// without the extra CA, and redirects (HttpAuthorizerRig.h).
#include "HttpAuthorizerRig.h"
#include "SelfSignedCertificate.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QPointer>
#include <QTest>
#include <QTimer>

class TestHttpAuthorizerNetwork : public QObject, protected AuthorizerRig
{
    Q_OBJECT

private slots:
    void init()
    {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->isListening());
        m_server->setHandler(&TestHttpAuthorizerNetwork::signingHandler);
    }

    void cleanup()
    {
        delete m_server;
        delete m_network;
    }

    void timeoutIsTransient()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response;
            response.noAnswer = true;
            return response;
        });
        HttpAuthorizerOptions o = options();
        o.timeoutMs = 200;
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        QElapsedTimer elapsed;
        elapsed.start();
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(elapsed.elapsed() >= 180); // coarse timers may fire up to 5 % early
        QVERIFY(elapsed.elapsed() < 3000);
        QCOMPARE(outcome.error.kind, AuthError::Kind::Transient);
        QCOMPARE(outcome.error.httpStatus, 0);
        QVERIFY2(outcome.error.message.contains(QLatin1String("200 ms")),
                 qPrintable(outcome.error.message));
        // The connection was dropped, not left dangling.
        QVERIFY(m_server->waitForAbandoned(1));
    }

    void delayedAnswerWithinTimeout()
    {
        m_server->setHandler([](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response response = signingHandler(request);
            response.delayMs = 100;
            return response;
        });
        HttpAuthorizerOptions o = options();
        o.timeoutMs = 2000;
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.succeeded);
    }

    void connectionRefusedIsTransient()
    {
        quint16 closedPort = 0;
        {
            FakeHttpServer gone;
            closedPort = gone.port();
        }
        HttpAuthorizerOptions o = options();
        o.channelEndpoint.setPort(closedPort);
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QCOMPARE(outcome.error.kind, AuthError::Kind::Transient);
        QCOMPARE(outcome.error.httpStatus, 0);
        QVERIFY2(outcome.error.message.contains(QLatin1String("ConnectionRefused")),
                 qPrintable(outcome.error.message));
    }

    void cancelByDeletingRequest()
    {
        m_server->setHandler([](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response response = signingHandler(request);
            response.delayMs = 300;
            return response;
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        QPointer<AuthRequest> request = authorizer.authorizeChannel(
            Socket, QStringLiteral("private-foobar"), &parent);
        int signals_ = 0;
        connect(request, &AuthRequest::succeeded, &parent, [&] { ++signals_; });
        connect(request, &AuthRequest::failed, &parent, [&] { ++signals_; });
        QVERIFY(m_server->waitForRequests(1));
        delete request;
        // The reply is aborted: the server sees the client hang up before its answer.
        QVERIFY(m_server->waitForAbandoned(1));
        QTest::qWait(400);
        QCOMPARE(signals_, 0);
    }

    void cancelBeforeConnecting()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        AuthRequest *request = authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"),
                                                           &parent);
        int signals_ = 0;
        connect(request, &AuthRequest::succeeded, &parent, [&] { ++signals_; });
        connect(request, &AuthRequest::failed, &parent, [&] { ++signals_; });
        delete request;
        QTest::qWait(200);
        QCOMPARE(signals_, 0);
    }

    void deletingParentCancels()
    {
        m_server->setHandler([](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response response = signingHandler(request);
            response.delayMs = 200;
            return response;
        });
        HttpAuthorizer authorizer(m_network, options());
        auto *parent = new QObject;
        int signals_ = 0;
        for (const char *name : {"private-a", "private-b"}) {
            AuthRequest *request = authorizer.authorizeChannel(Socket, QString::fromLatin1(name),
                                                               parent);
            connect(request, &AuthRequest::succeeded, this, [&] { ++signals_; });
            connect(request, &AuthRequest::failed, this, [&] { ++signals_; });
        }
        QVERIFY(m_server->waitForRequests(2));
        delete parent;
        QVERIFY(m_server->waitForAbandoned(2));
        QTest::qWait(300);
        QCOMPARE(signals_, 0);
    }

    void managerDestroyedFailsRequest()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response;
            response.noAnswer = true;
            return response;
        });
        auto *network = new QNetworkAccessManager;
        network->setProxy(QNetworkProxy::NoProxy);
        HttpAuthorizer authorizer(network, options());
        QObject parent;
        AuthRequest *request = authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"),
                                                           &parent);
        QVERIFY(m_server->waitForRequests(1));
        QTimer::singleShot(0, network, [network] { delete network; });
        const Outcome outcome = waitFor(request);
        QCOMPARE(outcome.count, 1);
        QCOMPARE(outcome.error.kind, AuthError::Kind::Transient);
    }

    void tlsWithCaBundle()
    {
        const SelfSignedCertificate certificate;
        if (!certificate.isValid())
            QSKIP(qPrintable(certificate.error()));
        FakeHttpServer server(certificate.serverConfiguration());
        QVERIFY(server.isListening());
        server.setHandler(&TestHttpAuthorizerNetwork::signingHandler);

        HttpAuthorizerOptions o;
        o.channelEndpoint = server.url(QStringLiteral("/pusher/auth"));
        QCOMPARE(o.channelEndpoint.scheme(), QStringLiteral("https"));
        o.caBundlePath = certificate.certificatePath();
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QCOMPARE(outcome.response.auth, QString::fromLatin1(V1Auth));
        QCOMPARE(server.requests().size(), 1);
    }

    // Verification is never switched off: without the extra CA the self-signed server is refused
    // before any request is sent, and that counts as a (retryable) network failure.
    void tlsWithoutCaBundleFails()
    {
        const SelfSignedCertificate certificate;
        if (!certificate.isValid())
            QSKIP(qPrintable(certificate.error()));
        FakeHttpServer server(certificate.serverConfiguration());
        QVERIFY(server.isListening());

        HttpAuthorizerOptions o;
        o.channelEndpoint = server.url(QStringLiteral("/pusher/auth"));
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.kind, AuthError::Kind::Transient);
        QCOMPARE(outcome.error.httpStatus, 0);
        QVERIFY2(outcome.error.message.contains(QLatin1String("Ssl")),
                 qPrintable(outcome.error.message));
        QCOMPARE(server.requests().size(), 0);

        // An unrelated CA in the bundle does not help either.
        const SelfSignedCertificate other;
        QVERIFY(other.isValid());
        o.caBundlePath = other.certificatePath();
        HttpAuthorizer wrongCa(m_network, o);
        const Outcome second = waitFor(
            wrongCa.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QCOMPARE(second.count, 1);
        QVERIFY(!second.succeeded);
        QCOMPARE(server.requests().size(), 0);
    }

    void crossOriginRedirectNeverCarriesHeaders_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("307") << 307; // repeats the POST with its body
        QTest::newRow("308") << 308;
        QTest::newRow("302") << 302; // turns into a GET, headers still copied by Qt's default
    }

    void crossOriginRedirectNeverCarriesHeaders()
    {
        QFETCH(int, status);
        // Another port on the same host is another origin.
        FakeHttpServer other;
        QVERIFY(other.isListening());
        other.setHandler(&TestHttpAuthorizerNetwork::signingHandler);
        const QUrl target = other.url(QStringLiteral("/collect"));
        m_server->setHandler([status, target](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r = FakeHttpServer::Response::text("moved", status);
            r.headers.append(qMakePair(QByteArray("Location"), target.toEncoded()));
            return r;
        });

        HttpAuthorizerOptions o = options();
        o.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer static-token")));
        o.headersProvider = [] {
            return QList<QPair<QByteArray, QByteArray>>{{"X-CSRF-TOKEN", "csrf-token"}};
        };
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        // Give a followed redirect time to arrive: B must see nothing at all.
        QTest::qWait(100);
        for (const FakeHttpServer::Request &r : other.requests()) {
            QVERIFY2(r.header("Authorization").isNull(), r.header("Authorization").constData());
            QVERIFY2(r.header("X-CSRF-TOKEN").isNull(), r.header("X-CSRF-TOKEN").constData());
        }
        QCOMPARE(other.requests().size(), 0);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().header("Authorization"),
                 QByteArray("Bearer static-token"));
        QCOMPARE(outcome.count, 1);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
        QVERIFY2(outcome.error.message.contains(QLatin1String("another origin")),
                 qPrintable(outcome.error.message));
        QCOMPARE(outcome.error.httpStatus, status);
    }

    void sameOriginRedirectIsFollowed()
    {
        m_server->setHandler([this](const FakeHttpServer::Request &request) {
            if (request.path == "/old/auth") {
                FakeHttpServer::Response r = FakeHttpServer::Response::text("moved", 307);
                r.headers.append(
                    qMakePair(QByteArray("Location"),
                              m_server->url(QStringLiteral("/pusher/auth")).toEncoded()));
                return r;
            }
            return signingHandler(request);
        });
        HttpAuthorizerOptions o = options();
        o.channelEndpoint = m_server->url(QStringLiteral("/old/auth"));
        o.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer static-token")));
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QCOMPARE(outcome.response.auth, QString::fromLatin1(V1Auth));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests().at(1).path, QByteArray("/pusher/auth"));
        QCOMPARE(m_server->requests().at(1).header("Authorization"),
                 QByteArray("Bearer static-token"));
    }
};

QTEST_GUILESS_MAIN(TestHttpAuthorizerNetwork)
#include "tst_httpauthorizernetwork.moc"
