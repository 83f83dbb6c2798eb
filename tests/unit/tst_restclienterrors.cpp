// RestClient against an in-process HTTP server, when a call cannot go through: local validation
// before anything is sent, limits, HTTP and network errors, timeouts, aborting, TLS, missing
// configuration and redirects, with the signature never in an error (RestClientRig.h).
#include "RestClientRig.h"
#include "SelfSignedCertificate.h"

#include <QNetworkProxy>
#include <QTest>

class TestRestClientErrors : public QObject, protected RestRig
{
    Q_OBJECT

private slots:
    void init()
    {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->isListening());
        m_client = new RestClient(m_network, config(), this);
        m_client->setTimestampProvider([] { return Timestamp; });
    }

    void cleanup()
    {
        delete m_client;
        delete m_server;
        delete m_network;
    }

    void validation_data()
    {
        QTest::addColumn<int>("call");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("101 channels") << 0 << QStringLiteral("the limit is 100");
        QTest::newRow("no channels") << 1 << QStringLiteral("at least one channel");
        QTest::newRow("event name 201") << 2 << QStringLiteral("200 characters");
        QTest::newRow("empty event name") << 3 << QStringLiteral("event name is empty");
        QTest::newRow("data 10241 bytes") << 4 << QStringLiteral("10241 bytes; the limit is 10240");
        QTest::newRow("data multibyte") << 5 << QStringLiteral("10242 bytes");
        QTest::newRow("invalid channel") << 6 << QStringLiteral("invalid channel name");
        QTest::newRow("channel too long") << 7 << QStringLiteral("longer than 200");
        QTest::newRow("invalid socket id") << 8 << QStringLiteral("invalid socket id");
        QTest::newRow("batch of 11") << 9 << QStringLiteral("batch of 11 events; the limit is 10");
        QTest::newRow("empty batch") << 10 << QStringLiteral("batch is empty");
        QTest::newRow("batch event data")
            << 11 << QStringLiteral("batch event 1: event data is 10241 bytes");
        QTest::newRow("batch event channel")
            << 12 << QStringLiteral("batch event 0: channel name is empty");
        QTest::newRow("channel info bad name") << 13 << QStringLiteral("invalid channel name");
        QTest::newRow("hash channel") << 14 << QStringLiteral("invalid channel name");
    }

    void validation()
    {
        QFETCH(int, call);
        QFETCH(QString, mustContain);
        const QString ok = QStringLiteral("private-ok");
        const QString name = QStringLiteral("ev");
        QStringList many;
        for (int i = 0; i < 101; ++i)
            many.append(QStringLiteral("c%1").arg(i));
        QList<BatchEvent> eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append({ok, name, QStringLiteral("x"), {}});

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("REST call rejected locally")));
        RestReply *reply = nullptr;
        switch (call) {
        case 0:
            reply = m_client->trigger(many, name, {});
            break;
        case 1:
            reply = m_client->trigger({}, name, {});
            break;
        case 2:
            reply = m_client->trigger({ok}, QString(201, QLatin1Char('e')), {});
            break;
        case 3:
            reply = m_client->trigger({ok}, {}, {});
            break;
        case 4:
            reply = m_client->trigger({ok}, name, QString(10241, QLatin1Char('d')));
            break;
        case 5:
            reply = m_client->trigger({ok}, name, QString(5121, QChar(0xe9)));
            break;
        case 6:
            reply = m_client->trigger({QStringLiteral("bad channel")}, name, {});
            break;
        case 7:
            reply = m_client->trigger({QString(201, QLatin1Char('c'))}, name, {});
            break;
        case 8:
            reply = m_client->trigger({ok}, name, {}, QStringLiteral("1.2:private-x"));
            break;
        case 9:
            reply = m_client->triggerBatch(eleven);
            break;
        case 10:
            reply = m_client->triggerBatch({});
            break;
        case 11:
            reply = m_client->triggerBatch({{ok, name, QStringLiteral("x"), {}},
                                            {ok, name, QString(10241, QLatin1Char('d')), {}}});
            break;
        case 12:
            reply = m_client->triggerBatch({{QString(), name, QStringLiteral("x"), {}}});
            break;
        case 13:
            reply = m_client->channelInfo(QStringLiteral("a/b"));
            break;
        case 14:
            reply = m_client->trigger({QStringLiteral("#private")}, name, {});
            break;
        }
        QVERIFY(reply);
        QVERIFY(waitFinished(reply));
        QVERIFY(!reply->ok());
        QVERIFY(reply->wasRejectedLocally());
        QCOMPARE(reply->httpStatus(), 0);
        QVERIFY2(reply->errorString().contains(mustContain), qPrintable(reply->errorString()));
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void limitsAreInclusive()
    {
        QStringList hundred;
        for (int i = 0; i < 100; ++i)
            hundred.append(QStringLiteral("c%1").arg(i));
        QList<BatchEvent> ten;
        for (int i = 0; i < 10; ++i)
            ten.append({QStringLiteral("c"), QStringLiteral("e"), QStringLiteral("x"), {}});
        QList<RestReply *> replies{
            m_client->trigger(hundred, QString(200, QLatin1Char('e')),
                              QString(10240, QLatin1Char('d'))),
            m_client->trigger({QString(200, QLatin1Char('c'))}, QStringLiteral("e"),
                              QString(5120, QChar(0xe9))),
            m_client->triggerBatch(ten),
        };
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(replies.begin(), replies.end(),
                                   [](RestReply *r) { return r->isFinished(); });
            },
            5000));
        for (RestReply *reply : replies) {
            QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
        }
        QCOMPARE(m_server->requests().size(), 3);
    }

    void httpErrorSurfaces_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("413 json") << 413
                                  << QByteArray("{\"error\":\"The data content of this event "
                                                "exceeds the allowed maximum (10240 bytes)\"}")
                                  << QStringLiteral(
                                         "HTTP 413: The data content of this event exceeds");
        QTest::newRow("401 text") << 401 << QByteArray("Invalid signature")
                                  << QStringLiteral("HTTP 401: Invalid signature");
        QTest::newRow("500 empty") << 500 << QByteArray() << QStringLiteral("HTTP 500");
    }

    void httpErrorSurfaces()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, mustContain);
        m_server->setHandler([status, body](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(body, status);
        });
        RestReply *reply = m_client->trigger({QStringLiteral("c")}, QStringLiteral("e"),
                                             QStringLiteral("x"));
        QVERIFY(waitFinished(reply));
        QVERIFY(!reply->ok());
        QVERIFY(!reply->wasRejectedLocally());
        QCOMPARE(reply->httpStatus(), status);
        QCOMPARE(reply->body(), body);
        QVERIFY2(reply->errorString().contains(mustContain), qPrintable(reply->errorString()));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void timeout()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response;
            response.noAnswer = true;
            return response;
        });
        RestConfig c = config();
        c.timeoutMs = 200;
        RestClient client(m_network, c);
        RestReply *reply = client.channels();
        QVERIFY(waitFinished(reply, 3000));
        QVERIFY(!reply->ok());
        QCOMPARE(reply->httpStatus(), 0);
        QVERIFY2(reply->errorString().contains(QLatin1String("200 ms")),
                 qPrintable(reply->errorString()));
    }

    void networkErrorHidesSignature()
    {
        quint16 closedPort = 0;
        {
            FakeHttpServer gone;
            closedPort = gone.port();
        }
        RestConfig c = config();
        c.baseUrl.setPort(closedPort);
        RestClient client(m_network, c);
        RestReply *reply = client.channels();
        QVERIFY(waitFinished(reply));
        QVERIFY(!reply->ok());
        QCOMPARE(reply->httpStatus(), 0);
        QVERIFY(!reply->errorString().isEmpty());
        QVERIFY2(!reply->errorString().contains(QLatin1String("auth_signature")),
                 qPrintable(reply->errorString()));
    }

    void deletingReplyAborts()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response = FakeHttpServer::Response::json("{}");
            response.delayMs = 300;
            return response;
        });
        RestReply *reply = m_client->channels();
        QSignalSpy spy(reply, &RestReply::finished);
        QVERIFY(m_server->waitForRequests(1));
        delete reply;
        QVERIFY(m_server->waitForAbandoned(1));
        QTest::qWait(350);
        QCOMPARE(spy.count(), 0);
    }

    // Untrusted first, then trusted, on the same manager and host: QNetworkAccessManager would
    // reuse the first connection's TLS settings unless CaBundle gives the request its own key.
    void tlsWithCaBundle()
    {
        const SelfSignedCertificate certificate;
        if (!certificate.isValid())
            QSKIP(qPrintable(certificate.error()));
        FakeHttpServer server(certificate.serverConfiguration());
        QVERIFY(server.isListening());
        RestConfig c = config();
        c.baseUrl = server.url();
        RestClient untrusted(m_network, c);
        RestReply *refused = untrusted.channels();
        QVERIFY(waitFinished(refused));
        QVERIFY(!refused->ok());
        QCOMPARE(server.requests().size(), 0);

        c.caBundlePath = certificate.certificatePath();
        RestClient trusted(m_network, c);
        RestReply *reply = trusted.channels();
        QVERIFY(waitFinished(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
        QCOMPARE(server.requests().size(), 1);
    }

    void missingConfigurationRejected()
    {
        RestConfig c = config();
        c.secret.clear();
        RestClient client(m_network, c);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("REST call rejected locally")));
        RestReply *reply = client.channels();
        QVERIFY(waitFinished(reply));
        QVERIFY(reply->wasRejectedLocally());
        QCOMPARE(m_server->requests().size(), 0);
    }

    void crossOriginRedirectIsNotFollowed_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("307 POST") << 307;
        QTest::newRow("302 POST") << 302;
        QTest::newRow("301 GET") << 301;
    }

    void crossOriginRedirectIsNotFollowed()
    {
        QFETCH(int, status);
        FakeHttpServer other; // another port: another origin
        QVERIFY(other.isListening());
        const QUrl otherBase = other.url();
        // A redirect that would replay the signed query on the other server.
        m_server->setHandler([status, otherBase](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response r = FakeHttpServer::Response::text("moved", status);
            r.headers.append(
                qMakePair(QByteArray("Location"), otherBase.toEncoded() + request.target));
            return r;
        });
        RestReply *reply = status == 301
            ? m_client->channels()
            : m_client->trigger({QStringLiteral("c")}, QStringLiteral("e"), QStringLiteral("x"));
        QVERIFY(waitFinished(reply));
        QTest::qWait(100); // a followed redirect would arrive by now
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(other.requests().size(), 0);
        QVERIFY(!reply->ok());
        QCOMPARE(reply->httpStatus(), status);
        QVERIFY2(reply->errorString().contains(QLatin1String("another origin")),
                 qPrintable(reply->errorString()));
        QVERIFY2(!reply->errorString().contains(QLatin1String("auth_signature")),
                 qPrintable(reply->errorString()));
    }
};

QTEST_GUILESS_MAIN(TestRestClientErrors)
#include "tst_restclienterrors.moc"
