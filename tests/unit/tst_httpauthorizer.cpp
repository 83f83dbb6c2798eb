// HttpAuthorizer against an in-process HTTP server: what is posted and how answers are classified.
#include "FakeHttpServer.h"
#include "SelfSignedCertificate.h"

#include "pusher/AuthRequest.h"
#include "pusher/HttpAuthorizer.h"
#include "pusher/Signer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QTest>
#include <QTimer>

using namespace natter::pusher;

Q_DECLARE_METATYPE(FakeHttpServer::Response)

namespace {

const QString Key = QStringLiteral("278d425bdf160c739803");
const QByteArray Secret = "7ad3773142a6692b25b8";
const QString Socket = QStringLiteral("1234.1234");
const QByteArray V1Auth
    = "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";

struct Outcome
{
    int count = 0;
    bool succeeded = false;
    AuthResponse response;
    AuthError error;
};

Outcome waitFor(AuthRequest *request, int timeoutMs = 5000)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(request, &AuthRequest::succeeded, [outcome](const AuthResponse &r) {
        ++outcome->count;
        outcome->succeeded = true;
        outcome->response = r;
    });
    QObject::connect(request, &AuthRequest::failed, [outcome](const AuthError &e) {
        ++outcome->count;
        outcome->error = e;
    });
    if (QTest::qWaitFor([&] { return outcome->count > 0; }, timeoutMs))
        QTest::qWait(10); // a second emission would show up here
    return *outcome;
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestHttpAuthorizer : public QObject
{
    Q_OBJECT

    QNetworkAccessManager *m_network = nullptr;
    FakeHttpServer *m_server = nullptr;

    HttpAuthorizerOptions options() const
    {
        HttpAuthorizerOptions o;
        o.channelEndpoint = m_server->url(QStringLiteral("/pusher/auth"));
        o.userEndpoint = m_server->url(QStringLiteral("/pusher/user-auth"));
        return o;
    }

    // The server signs like pusher-http-node's authorizeChannel would.
    static FakeHttpServer::Response signingHandler(const FakeHttpServer::Request &request)
    {
        const Signer signer(Key, Secret);
        const QString socketId = request.formValue(QStringLiteral("socket_id"));
        const QString channel = request.formValue(QStringLiteral("channel_name"));
        QJsonObject answer;
        if (request.path == "/pusher/user-auth") {
            const QString userData = QStringLiteral(R"({"id":"12345"})");
            answer.insert(QStringLiteral("auth"), signer.userAuth(socketId, userData));
            answer.insert(QStringLiteral("user_data"), userData);
        } else if (channel.startsWith(QLatin1String("presence-"))) {
            const QString channelData = QStringLiteral(
                R"({"user_id":"10","user_info":{"name":"Mr. Channels"}})");
            answer.insert(QStringLiteral("auth"),
                          signer.presenceAuth(socketId, channel, channelData));
            answer.insert(QStringLiteral("channel_data"), channelData);
        } else {
            answer.insert(QStringLiteral("auth"), signer.channelAuth(socketId, channel));
            if (channel.startsWith(QLatin1String("private-encrypted-"))) {
                const QByteArray master = QByteArray::fromBase64(
                    "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
                answer.insert(QStringLiteral("shared_secret"),
                              QString::fromLatin1(Signer::sharedSecret(channel, master).toBase64()));
            }
        }
        return FakeHttpServer::Response::json(jsonBody(answer));
    }

private slots:
    void init()
    {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->isListening());
        m_server->setHandler(&TestHttpAuthorizer::signingHandler);
    }

    void cleanup()
    {
        delete m_server;
        delete m_network;
    }

    void privateChannelSuccess()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        AuthRequest *request = authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"),
                                                           &parent);
        QCOMPARE(request->parent(), &parent);
        const Outcome outcome = waitFor(request);
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.succeeded);
        QCOMPARE(outcome.response.auth, QString::fromLatin1(V1Auth));
        QVERIFY(outcome.response.channelData.isEmpty());
        QVERIFY(outcome.response.sharedSecret.isEmpty());

        QCOMPARE(m_server->requests().size(), 1);
        const FakeHttpServer::Request &sent = m_server->requests().first();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/pusher/auth"));
        QCOMPARE(sent.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(sent.body, QByteArray("socket_id=1234.1234&channel_name=private-foobar"));
    }

    void presenceChannelSuccess()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("presence-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.succeeded);
        const QString channelData = QStringLiteral(
            R"({"user_id":"10","user_info":{"name":"Mr. Channels"}})");
        QCOMPARE(outcome.response.channelData, channelData);
        QCOMPARE(outcome.response.auth,
                 QStringLiteral(
                     "278d425bdf160c739803:"
                     "4c6d8fc42a207ba96a0779844171b0bb819d96ffceef9609f5cce596ab17a800")); // V4
    }

    void encryptedChannelSuccess()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const Outcome outcome = waitFor(authorizer.authorizeChannel(
            QStringLiteral("123.456"), QStringLiteral("private-encrypted-bla"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.succeeded);
        QCOMPARE(outcome.response.sharedSecret.size(), 32);
        QCOMPARE(outcome.response.sharedSecret.toBase64(),
                 QByteArray("nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=")); // V7
    }

    void encryptedChannelBadSharedSecret_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("missing") << QByteArray("{\"auth\":\"" + V1Auth + "\"}");
        QTest::newRow("not base64")
            << QByteArray("{\"auth\":\"" + V1Auth + "\",\"shared_secret\":\"**\"}");
        QTest::newRow("16 bytes") << QByteArray("{\"auth\":\"" + V1Auth + "\",\"shared_secret\":\""
                                                + QByteArray(16, 'k').toBase64() + "\"}");
        QTest::newRow("number") << QByteArray("{\"auth\":\"" + V1Auth + "\",\"shared_secret\":42}");
    }

    void encryptedChannelBadSharedSecret()
    {
        QFETCH(QByteArray, body);
        m_server->setHandler([body](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(body);
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-encrypted-x"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
        QCOMPARE(outcome.error.httpStatus, 200);
        QVERIFY(outcome.error.message.contains(QLatin1String("shared_secret")));
        QVERIFY(!outcome.error.message.contains(QString::fromLatin1(V1Auth.mid(21))));
    }

    void formBodyEncoding()
    {
        HttpAuthorizerOptions o = options();
        o.params = {{QStringLiteral("team name"), QString::fromUtf8("Zoë & co")},
                    {QStringLiteral("sum"), QStringLiteral("1+1=2")},
                    {QStringLiteral("path"), QStringLiteral("/a?b#c;d")}};
        HttpAuthorizer authorizer(m_network, o);
        const QString channel = QString::fromUtf8("private-a+b&c=d é%");
        QObject parent;
        const Outcome outcome = waitFor(authorizer.authorizeChannel(Socket, channel, &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.succeeded);

        const QByteArray expected = "socket_id=1234.1234"
                                    "&channel_name=private-a%2Bb%26c%3Dd%20%C3%A9%25"
                                    "&team%20name=Zo%C3%AB%20%26%20co"
                                    "&sum=1%2B1%3D2"
                                    "&path=%2Fa%3Fb%23c%3Bd";
        QCOMPARE(authorizer.channelFormBody(Socket, channel), expected);
        QCOMPARE(m_server->requests().size(), 1);
        const FakeHttpServer::Request &sent = m_server->requests().first();
        QCOMPARE(sent.body, expected);
        // Decoded by a standard form parser, every value comes back intact and in order.
        const QList<QPair<QString, QString>> fields = sent.formFields();
        QCOMPARE(fields.size(), 5);
        QCOMPARE(fields.at(0), qMakePair(QStringLiteral("socket_id"), Socket));
        QCOMPARE(fields.at(1), qMakePair(QStringLiteral("channel_name"), channel));
        QCOMPARE(fields.at(2),
                 qMakePair(QStringLiteral("team name"), QString::fromUtf8("Zoë & co")));
        QCOMPARE(fields.at(3), qMakePair(QStringLiteral("sum"), QStringLiteral("1+1=2")));
        QCOMPARE(fields.at(4), qMakePair(QStringLiteral("path"), QStringLiteral("/a?b#c;d")));
        // The server signed what it decoded, so the signature matches the real channel name.
        QCOMPARE(outcome.response.auth, Signer(Key, Secret).channelAuth(Socket, channel));
    }

    void headersAndHeadersProvider()
    {
        int calls = 0;
        HttpAuthorizerOptions o = options();
        o.headers = {{"X-App", "natter"}, {"Authorization", "Bearer static"}};
        o.headersProvider = [&calls] {
            ++calls;
            return QList<QPair<QByteArray, QByteArray>>{
                {"Authorization", "Bearer token-" + QByteArray::number(calls)},
                {"X-CSRF-TOKEN", "csrf-" + QByteArray::number(calls)}};
        };
        HttpAuthorizer authorizer(m_network, o);
        QCOMPARE(calls, 0);
        QObject parent;
        QVERIFY(waitFor(authorizer.authorizeChannel(Socket, QStringLiteral("private-a"), &parent))
                    .succeeded);
        QVERIFY(waitFor(authorizer.authorizeChannel(Socket, QStringLiteral("private-b"), &parent))
                    .succeeded);
        QVERIFY(waitFor(authorizer.authenticateUser(Socket, &parent)).succeeded);
        QCOMPARE(calls, 3);

        QCOMPARE(m_server->requests().size(), 3);
        for (int i = 0; i < 3; ++i) {
            const FakeHttpServer::Request &sent = m_server->requests().at(i);
            QCOMPARE(sent.header("X-App"), QByteArray("natter"));
            // The provider's fresh token wins over the static one of the same name.
            QCOMPARE(sent.header("Authorization"), "Bearer token-" + QByteArray::number(i + 1));
            QCOMPARE(sent.header("X-CSRF-TOKEN"), "csrf-" + QByteArray::number(i + 1));
        }
    }

    void userAuthentication()
    {
        HttpAuthorizerOptions o = options();
        o.params = {{QStringLiteral("device"), QStringLiteral("desk top")}};
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(authorizer.authenticateUser(Socket, &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.succeeded);
        QCOMPARE(outcome.response.userData, QStringLiteral(R"({"id":"12345"})"));
        QCOMPARE(outcome.response.auth,
                 QStringLiteral(
                     "278d425bdf160c739803:"
                     "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba")); // V2
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/pusher/user-auth"));
        QCOMPARE(m_server->requests().first().body,
                 QByteArray("socket_id=1234.1234&device=desk%20top"));
    }

    void userAuthenticationWithoutUserData()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json("{\"auth\":\"" + V1Auth + "\"}");
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const Outcome outcome = waitFor(authorizer.authenticateUser(Socket, &parent));
        QCOMPARE(outcome.count, 1);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
        QVERIFY(outcome.error.message.contains(QLatin1String("user_data")));
    }

    void userAuthenticationWithoutEndpoint()
    {
        HttpAuthorizerOptions o = options();
        o.userEndpoint = QUrl();
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const Outcome outcome = waitFor(authorizer.authenticateUser(Socket, &parent));
        QCOMPARE(outcome.count, 1);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void badResponse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        // The bodies carry a signature-like secret to prove it is never quoted.
        QTest::newRow("html") << QByteArray("<html>" + V1Auth + "</html>")
                              << QStringLiteral("JSON");
        QTest::newRow("truncated json")
            << QByteArray("{\"auth\":\"" + V1Auth) << QStringLiteral("JSON");
        QTest::newRow("array") << QByteArray("[\"" + V1Auth + "\"]") << QStringLiteral("JSON");
        QTest::newRow("double encoded")
            << QByteArray("\"{\\\"auth\\\":\\\"" + V1Auth + "\\\"}\"") << QStringLiteral("JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("JSON");
        QTest::newRow("no auth") << QByteArray("{\"token\":\"" + V1Auth + "\"}")
                                 << QStringLiteral("auth");
        QTest::newRow("auth not a string") << QByteArray("{\"auth\":42}") << QStringLiteral("auth");
        QTest::newRow("auth empty") << QByteArray("{\"auth\":\"\"}") << QStringLiteral("auth");
        QTest::newRow("channel_data object")
            << QByteArray("{\"auth\":\"" + V1Auth + "\",\"channel_data\":{\"user_id\":\"1\"}}")
            << QStringLiteral("channel_data");
    }

    void badResponse()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        m_server->setHandler([body](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(body);
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("presence-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
        QCOMPARE(outcome.error.httpStatus, 200);
        QVERIFY2(outcome.error.message.contains(QLatin1String("200")),
                 qPrintable(outcome.error.message));
        QVERIFY2(outcome.error.message.contains(reason), qPrintable(outcome.error.message));
        QVERIFY2(!outcome.error.message.contains(QLatin1String("58df8b0c36d6")),
                 qPrintable(outcome.error.message));
    }

    void statusClassification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<FakeHttpServer::Response>("response");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mustContain");
        using R = FakeHttpServer::Response;
        const int refused = int(AuthError::Kind::Refused);
        const int transient = int(AuthError::Kind::Transient);
        const int bad = int(AuthError::Kind::BadResponse);
        QTest::newRow("401 json error") << 401 << R::json("{\"error\":\"Not logged in\"}", 401)
                                        << refused << QStringLiteral("Not logged in");
        QTest::newRow("403 laravel message")
            << 403 << R::json("{\"message\":\"This action is unauthorized.\"}", 403) << refused
            << QStringLiteral("This action is unauthorized.");
        QTest::newRow("403 plain text") << 403 << R::text("Forbidden channel", 403) << refused
                                        << QStringLiteral("Forbidden channel");
        QTest::newRow("404") << 404 << R::json("{}", 404) << refused << QStringLiteral("404");
        QTest::newRow("422") << 422 << R::json("{\"message\":\"bad input\"}", 422) << refused
                             << QStringLiteral("bad input");
        QTest::newRow("408") << 408 << R::json("{}", 408) << transient << QStringLiteral("408");
        QTest::newRow("429") << 429 << R::json("{}", 429) << transient << QStringLiteral("429");
        QTest::newRow("500") << 500 << R::text("boom", 500) << transient << QStringLiteral("500");
        QTest::newRow("502") << 502 << R::json("{}", 502) << transient << QStringLiteral("502");
        QTest::newRow("503") << 503 << R::json("{\"error\":\"maintenance\"}", 503) << transient
                             << QStringLiteral("maintenance");
        QTest::newRow("204") << 204 << R::json({}, 204) << bad << QStringLiteral("204");
    }

    void statusClassification()
    {
        QFETCH(int, status);
        QFETCH(FakeHttpServer::Response, response);
        QFETCH(int, kind);
        QFETCH(QString, mustContain);
        m_server->setHandler([response](const FakeHttpServer::Request &) { return response; });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const Outcome outcome = waitFor(
            authorizer.authorizeChannel(Socket, QStringLiteral("private-foobar"), &parent));
        QCOMPARE(outcome.count, 1);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(int(outcome.error.kind), kind);
        QCOMPARE(outcome.error.httpStatus, status);
        QVERIFY2(outcome.error.message.contains(QString::number(status)),
                 qPrintable(outcome.error.message));
        QVERIFY2(outcome.error.message.contains(mustContain), qPrintable(outcome.error.message));
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
        server.setHandler(&TestHttpAuthorizer::signingHandler);

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

    void encodingAndHeadersAreIndependentOfChannelType()
    {
        // Accept: application/json makes Laravel answer refusals with JSON instead of a redirect.
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        QVERIFY(waitFor(authorizer.authorizeChannel(Socket, QStringLiteral("presence-x"), &parent))
                    .succeeded);
        QCOMPARE(m_server->requests().first().header("Accept"), QByteArray("application/json"));
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
        other.setHandler(&TestHttpAuthorizer::signingHandler);
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

QTEST_GUILESS_MAIN(TestHttpAuthorizer)
#include "tst_httpauthorizer.moc"
