// HttpAuthorizer's batched channel authorization (the npm pusher-js-auth 4.0.1 format) against
// an in-process HTTP server (HttpAuthorizerBatchRig.h). tst_batchedsubscribe has a real Client
// using it; cancelling, the deadline, redirects and logging are in tst_httpauthorizerbatchfailures.
#include "HttpAuthorizerBatchRig.h"

#include <QNetworkProxy>
#include <QTest>

class TestHttpAuthorizerBatch : public QObject, protected BatchRig
{
    Q_OBJECT

private slots:
    void init()
    {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->isListening());
        m_server->setHandler(&signingHandler);
    }

    void cleanup()
    {
        delete m_server;
        delete m_network;
    }

    void concurrentRequestsGoOutAsOnePost()
    {
        HttpAuthorizer authorizer(m_network, options());
        QVERIFY(authorizer.batching());
        QObject parent;
        const QStringList channels = {QStringLiteral("presence-a b"), QStringLiteral("private-c"),
                                      QStringLiteral("presence-d"), QStringLiteral("presence-e"),
                                      QStringLiteral("private-f")};
        const auto outcomes = ask(authorizer, channels, &parent);
        QVERIFY(allDone(outcomes));

        QCOMPARE(m_server->requests().size(), 1);
        const FakeHttpServer::Request &sent = m_server->requests().first();
        QCOMPARE(sent.path, QByteArray("/pusher/auth"));
        QCOMPARE(sent.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        // pusher-js-auth's form: indices in brackets, names percent-encoded.
        QCOMPARE(sent.body,
                 QByteArray("socket_id=1234.1234&channel_name[0]=presence-a%20b"
                            "&channel_name[1]=private-c&channel_name[2]=presence-d"
                            "&channel_name[3]=presence-e&channel_name[4]=private-f"));
        QCOMPARE(authorizer.batchFormBody(Socket, channels), sent.body);

        const Signer signer(Key, Secret);
        for (int i = 0; i < channels.size(); ++i) {
            const Outcome &o = *outcomes.at(i);
            QCOMPARE(o.count, 1);
            QVERIFY2(o.succeeded, qPrintable(o.error.message));
            if (channels.at(i).startsWith(QLatin1String("presence-"))) {
                QCOMPARE(o.response.auth, signer.presenceAuth(Socket, channels.at(i), ChannelData));
                QCOMPARE(o.response.channelData, ChannelData);
            } else {
                QCOMPARE(o.response.auth, signer.channelAuth(Socket, channels.at(i)));
                QVERIFY(o.response.channelData.isEmpty());
            }
        }
        QVERIFY(!authorizer.batchingUnsupported());
    }

    void batchCarriesHeadersAndParamsOnce()
    {
        int calls = 0;
        HttpAuthorizerOptions o = options();
        o.headers = {{"X-App", "natter"}};
        o.params = {{QStringLiteral("room"), QStringLiteral("a&b")}};
        o.headersProvider = [&calls] {
            ++calls;
            return QList<QPair<QByteArray, QByteArray>>{{"Authorization", "Bearer t0ken"}};
        };
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        QVERIFY(allDone(ask(authorizer, names(QStringLiteral("presence-r"), 3), &parent)));
        QCOMPARE(calls, 1);
        QCOMPARE(m_server->requests().size(), 1);
        const FakeHttpServer::Request &sent = m_server->requests().first();
        QCOMPARE(sent.header("X-App"), QByteArray("natter"));
        QCOMPARE(sent.header("Authorization"), QByteArray("Bearer t0ken"));
        QVERIFY(sent.body.endsWith("&channel_name[2]=presence-r2&room=a%26b"));
    }

    void loneChannelIsASingleRequest()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const auto outcomes = ask(authorizer, {QStringLiteral("presence-solo")}, &parent);
        QVERIFY(allDone(outcomes));
        QVERIFY(outcomes.first()->succeeded);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().body,
                 QByteArray("socket_id=1234.1234&channel_name=presence-solo"));
    }

    void batchingIsOffByDefault()
    {
        HttpAuthorizerOptions o = options();
        o.batching = false;
        HttpAuthorizer authorizer(m_network, o);
        QVERIFY(!authorizer.batching());
        QObject parent;
        QVERIFY(allDone(ask(authorizer, names(QStringLiteral("presence-r"), 4), &parent)));
        QCOMPARE(m_server->requests().size(), 4);
        for (const auto &request : m_server->requests())
            QVERIFY(batchedChannels(request).isEmpty());

        m_server->clearRequests();
        authorizer.setBatching(true);
        QVERIFY(allDone(ask(authorizer, names(QStringLiteral("presence-r"), 4), &parent)));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void mixedStatusesAreMappedPerChannel()
    {
        // Every entry shape a batch answer can hold, mapped as a single answer's status would be.
        m_server->setHandler([](const FakeHttpServer::Request &request) {
            const QString socketId = request.formValue(QStringLiteral("socket_id"));
            const auto entry = [](int status, const QJsonObject &data) {
                return QJsonObject{{QStringLiteral("status"), status},
                                   {QStringLiteral("data"), data}};
            };
            const QJsonObject error{{QStringLiteral("error"), QStringLiteral("  not\n yours ")}};
            QJsonObject answer{
                {QStringLiteral("presence-ok"),
                 entry(200, signedAnswer(socketId, QStringLiteral("presence-ok")))},
                // pusher-js-auth: no status is success
                {QStringLiteral("private-nostatus"),
                 QJsonObject{{QStringLiteral("data"),
                              signedAnswer(socketId, QStringLiteral("private-nostatus"))}}},
                {QStringLiteral("presence-403"), entry(403, error)},
                {QStringLiteral("presence-401"),
                 entry(401, {{QStringLiteral("message"), QStringLiteral("log in")}})},
                {QStringLiteral("presence-404"), QJsonObject{{QStringLiteral("status"), 404}}},
                {QStringLiteral("presence-429"), entry(429, {})},
                {QStringLiteral("presence-503"), entry(503, error)},
                {QStringLiteral("presence-nodata"), QJsonObject{{QStringLiteral("status"), 200}}},
                {QStringLiteral("presence-objectdata"),
                 entry(200,
                       {{QStringLiteral("auth"), QStringLiteral("k:s")},
                        {QStringLiteral("channel_data"), QJsonObject{}}})},
                {QStringLiteral("presence-badstatus"),
                 QJsonObject{{QStringLiteral("status"), QStringLiteral("200")}}},
                {QStringLiteral("presence-notobject"), 42},
                // presence-missing is not answered at all
            };
            return FakeHttpServer::Response::json(jsonBody(answer));
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const QStringList channels = {
            QStringLiteral("presence-ok"),         QStringLiteral("private-nostatus"),
            QStringLiteral("presence-403"),        QStringLiteral("presence-401"),
            QStringLiteral("presence-404"),        QStringLiteral("presence-429"),
            QStringLiteral("presence-503"),        QStringLiteral("presence-nodata"),
            QStringLiteral("presence-objectdata"), QStringLiteral("presence-badstatus"),
            QStringLiteral("presence-notobject"),  QStringLiteral("presence-missing")};
        const auto outcomes = ask(authorizer, channels, &parent);
        QVERIFY(allDone(outcomes));
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(!authorizer.batchingUnsupported());

        const auto check = [&](int index, AuthError::Kind kind, int status, const QString &message) {
            const Outcome &o = *outcomes.at(index);
            QCOMPARE(o.count, 1);
            QVERIFY2(!o.succeeded, qPrintable(channels.at(index)));
            QCOMPARE(o.error.kind, kind);
            QCOMPARE(o.error.httpStatus, status);
            QVERIFY2(o.error.message.contains(message), qPrintable(o.error.message));
        };
        QVERIFY(outcomes.at(0)->succeeded);
        QCOMPARE(outcomes.at(0)->response.channelData, ChannelData);
        QVERIFY(outcomes.at(1)->succeeded);
        QCOMPARE(outcomes.at(1)->response.auth,
                 Signer(Key, Secret).channelAuth(Socket, QStringLiteral("private-nostatus")));
        check(2, AuthError::Kind::Refused, 403, QStringLiteral("HTTP 403: not yours"));
        check(3, AuthError::Kind::Refused, 401, QStringLiteral("HTTP 401: log in"));
        check(4, AuthError::Kind::Refused, 404, QStringLiteral("HTTP 404"));
        check(5, AuthError::Kind::Transient, 429, QStringLiteral("HTTP 429"));
        check(6, AuthError::Kind::Transient, 503, QStringLiteral("HTTP 503: not yours"));
        check(7, AuthError::Kind::BadResponse, 200, QStringLiteral("\"data\""));
        check(8, AuthError::Kind::BadResponse, 200, QStringLiteral("\"channel_data\""));
        check(9, AuthError::Kind::BadResponse, 200, QStringLiteral("\"status\""));
        check(10, AuthError::Kind::BadResponse, 200, QStringLiteral("not a JSON object"));
        check(11, AuthError::Kind::BadResponse, 200, QStringLiteral("no answer"));
        // A refusal never quotes a signature, and the bad entry's fake one is not quoted either.
        QVERIFY(!outcomes.at(8)->error.message.contains(QLatin1String("k:s")));
    }

    void encryptedChannelInABatch()
    {
        const QByteArray secret(32, 's');
        m_server->setHandler([secret](const FakeHttpServer::Request &request) {
            const QString socketId = request.formValue(QStringLiteral("socket_id"));
            QJsonObject answer;
            for (const QString &channel : batchedChannels(request)) {
                QJsonObject data = signedAnswer(socketId, channel);
                if (channel != QLatin1String("private-encrypted-nosecret"))
                    data.insert(QStringLiteral("shared_secret"),
                                QString::fromLatin1(secret.toBase64()));
                answer.insert(
                    channel,
                    QJsonObject{{QStringLiteral("status"), 200}, {QStringLiteral("data"), data}});
            }
            return FakeHttpServer::Response::json(jsonBody(answer));
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const auto outcomes = ask(
            authorizer,
            {QStringLiteral("private-encrypted-x"), QStringLiteral("private-encrypted-nosecret")},
            &parent);
        QVERIFY(allDone(outcomes));
        QVERIFY(outcomes.at(0)->succeeded);
        QCOMPARE(outcomes.at(0)->response.sharedSecret, secret);
        QVERIFY(!outcomes.at(1)->succeeded);
        QCOMPARE(outcomes.at(1)->error.kind, AuthError::Kind::BadResponse);
        QVERIFY(outcomes.at(1)->error.message.contains(QLatin1String("shared_secret")));
    }

    void endpointWithoutBatchesFallsBack_data()
    {
        QTest::addColumn<FakeHttpServer::Response>("batchAnswer");
        QTest::newRow("400") << FakeHttpServer::Response::json(R"({"error":"no channel"})", 400);
        QTest::newRow("404") << FakeHttpServer::Response::text("Not Found", 404);
        QTest::newRow("405") << FakeHttpServer::Response::text("", 405);
        QTest::newRow("415") << FakeHttpServer::Response::text("", 415);
        // A lenient backend that signed the missing channel_name as an empty name.
        QTest::newRow("single answer")
            << FakeHttpServer::Response::json(jsonBody(signedAnswer(Socket, QString())));
        QTest::newRow("not JSON") << FakeHttpServer::Response::text("<html>ok</html>", 200);
        QTest::newRow("empty object") << FakeHttpServer::Response::json("{}");
        QTest::newRow("array") << FakeHttpServer::Response::json("[]");
    }

    void endpointWithoutBatchesFallsBack()
    {
        QFETCH(FakeHttpServer::Response, batchAnswer);
        m_server->setHandler([batchAnswer](const FakeHttpServer::Request &request) {
            if (!batchedChannels(request).isEmpty())
                return batchAnswer;
            return signingHandler(request);
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const QStringList channels = {QStringLiteral("presence-a"), QStringLiteral("private-b"),
                                      QStringLiteral("presence-c-forbidden")};
        const auto outcomes = ask(authorizer, channels, &parent);
        QVERIFY(allDone(outcomes));
        QVERIFY(authorizer.batchingUnsupported());
        QCOMPARE(m_server->requests().size(), 4); // the batch, then one each
        QCOMPARE(batchedChannels(m_server->requests().first()), channels);
        for (int i = 0; i < channels.size(); ++i) {
            QCOMPARE(m_server->requests().at(i + 1).body,
                     authorizer.channelFormBody(Socket, channels.at(i)));
            QCOMPARE(outcomes.at(i)->count, 1);
        }
        QVERIFY(outcomes.at(0)->succeeded);
        QCOMPARE(outcomes.at(0)->response.channelData, ChannelData);
        QVERIFY(outcomes.at(1)->succeeded);
        QVERIFY(!outcomes.at(2)->succeeded);
        QCOMPARE(outcomes.at(2)->error.kind, AuthError::Kind::Refused);
        QCOMPARE(outcomes.at(2)->error.httpStatus, 403);

        // Remembered: the next resubscribe does not try a batch again.
        m_server->clearRequests();
        QVERIFY(allDone(ask(authorizer, names(QStringLiteral("presence-n"), 3), &parent)));
        QCOMPARE(m_server->requests().size(), 3);
        for (const auto &request : m_server->requests())
            QVERIFY(batchedChannels(request).isEmpty());
    }

    void refusalOrOutageOfTheBatchIsNoFallback_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<AuthError::Kind>("kind");
        QTest::newRow("401") << 401 << AuthError::Kind::Refused;
        QTest::newRow("403") << 403 << AuthError::Kind::Refused;
        QTest::newRow("422") << 422 << AuthError::Kind::Refused;
        QTest::newRow("429") << 429 << AuthError::Kind::Transient;
        QTest::newRow("500") << 500 << AuthError::Kind::Transient;
        QTest::newRow("503") << 503 << AuthError::Kind::Transient;
        QTest::newRow("204") << 204 << AuthError::Kind::BadResponse;
    }

    void refusalOrOutageOfTheBatchIsNoFallback()
    {
        QFETCH(int, status);
        QFETCH(AuthError::Kind, kind);
        m_server->setHandler([status](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(
                status == 204 ? QByteArray() : R"({"error":"token expired"})", status);
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const auto outcomes = ask(authorizer, names(QStringLiteral("presence-r"), 3), &parent);
        QVERIFY(allDone(outcomes));
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(!authorizer.batchingUnsupported());
        for (const auto &o : outcomes) {
            QCOMPARE(o->count, 1);
            QVERIFY(!o->succeeded);
            QCOMPARE(o->error.kind, kind);
            QCOMPARE(o->error.httpStatus, status);
            if (status != 204)
                QVERIFY2(o->error.message.contains(QLatin1String("token expired")),
                         qPrintable(o->error.message));
        }
    }

    void atMostMaxBatchSizeChannelsPerPost()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const QStringList channels = names(QStringLiteral("presence-room"), 250);
        const auto outcomes = ask(authorizer, channels, &parent);
        QVERIFY(allDone(outcomes, 10000));
        for (const auto &o : outcomes)
            QVERIFY(o->succeeded && o->count == 1);

        QCOMPARE(m_server->requests().size(), 3);
        QStringList sent;
        QList<qsizetype> sizes;
        for (const auto &request : m_server->requests()) {
            const QStringList part = batchedChannels(request);
            sizes.append(part.size());
            sent += part;
        }
        std::sort(sizes.begin(), sizes.end());
        QCOMPARE(sizes, (QList<qsizetype>{50, 100, 100}));
        sent.sort();
        QStringList expected = channels;
        expected.sort();
        QCOMPARE(sent, expected);
    }

    void socketIdsAreNeverMixed()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        // Interleaved, as an old connection's late retries and a new one's subscriptions can be.
        QList<std::shared_ptr<Outcome>> outcomes;
        QList<QString> sockets;
        for (int i = 0; i < 6; ++i) {
            const QString socketId = i % 2 ? QStringLiteral("1.1") : QStringLiteral("2.2");
            sockets.append(socketId);
            outcomes.append(watch(authorizer.authorizeChannel(
                socketId, QStringLiteral("presence-r%1").arg(i), &parent)));
        }
        QVERIFY(allDone(outcomes));
        QCOMPARE(m_server->requests().size(), 2);
        for (const auto &request : m_server->requests()) {
            const QString socketId = request.formValue(QStringLiteral("socket_id"));
            const QStringList expected = socketId == QLatin1String("2.2")
                ? QStringList{QStringLiteral("presence-r0"), QStringLiteral("presence-r2"),
                              QStringLiteral("presence-r4")}
                : QStringList{QStringLiteral("presence-r1"), QStringLiteral("presence-r3"),
                              QStringLiteral("presence-r5")};
            QCOMPARE(batchedChannels(request), expected);
        }
        const Signer signer(Key, Secret);
        for (int i = 0; i < outcomes.size(); ++i) {
            QVERIFY(outcomes.at(i)->succeeded);
            // Signed for its own socket id.
            QCOMPARE(outcomes.at(i)->response.auth,
                     signer.presenceAuth(sockets.at(i), QStringLiteral("presence-r%1").arg(i),
                                         ChannelData));
        }
    }

    void requestsOfDifferentTurnsAreNotHeldBack()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        auto first = ask(authorizer, names(QStringLiteral("presence-a"), 2), &parent);
        QVERIFY(m_server->waitForRequests(1));
        auto second = ask(authorizer, names(QStringLiteral("presence-b"), 2), &parent);
        QVERIFY(allDone(first + second));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(batchedChannels(m_server->requests().at(1)),
                 names(QStringLiteral("presence-b"), 2));
    }

    void sameChannelTwiceSharesOneEntry()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        const auto outcomes = ask(authorizer,
                                  {QStringLiteral("presence-a"), QStringLiteral("presence-b"),
                                   QStringLiteral("presence-a")},
                                  &parent);
        QVERIFY(allDone(outcomes));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(batchedChannels(m_server->requests().first()),
                 (QStringList{QStringLiteral("presence-a"), QStringLiteral("presence-b")}));
        for (const auto &o : outcomes)
            QVERIFY(o->succeeded && o->count == 1);
    }
};

QTEST_MAIN(TestHttpAuthorizerBatch)
#include "tst_httpauthorizerbatch.moc"
