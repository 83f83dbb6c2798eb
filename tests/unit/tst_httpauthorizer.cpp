// HttpAuthorizer against an in-process HTTP server: what is posted and how answers are classified.
// Timeouts, cancelling, TLS and redirects are in tst_httpauthorizernetwork; the rig is in
// HttpAuthorizerRig.h.
#include "HttpAuthorizerRig.h"

#include <QNetworkProxy>
#include <QTest>

class TestHttpAuthorizer : public QObject, protected AuthorizerRig
{
    Q_OBJECT

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

    void encodingAndHeadersAreIndependentOfChannelType()
    {
        // Accept: application/json makes Laravel answer refusals with JSON instead of a redirect.
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        QVERIFY(waitFor(authorizer.authorizeChannel(Socket, QStringLiteral("presence-x"), &parent))
                    .succeeded);
        QCOMPARE(m_server->requests().first().header("Accept"), QByteArray("application/json"));
    }
};

QTEST_GUILESS_MAIN(TestHttpAuthorizer)
#include "tst_httpauthorizer.moc"
