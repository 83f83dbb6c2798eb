// HttpAuthorizer's batched channel authorization when a batch does not simply succeed: requests
// cancelled before or while it is in flight, the authorizer going away, the deadline, a redirect
// to another origin, and signatures and tokens kept out of the logs (HttpAuthorizerBatchRig.h).
#include "HttpAuthorizerBatchRig.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QTest>

class TestHttpAuthorizerBatchFailures : public QObject, protected BatchRig
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

    void cancelledBeforeSendingAreLeftOut()
    {
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        QList<AuthRequest *> requests;
        const auto outcomes = ask(authorizer, names(QStringLiteral("presence-r"), 4), &parent,
                                  Socket, &requests);
        delete requests.at(1);
        delete requests.at(3);
        QVERIFY(allDone({outcomes.at(0), outcomes.at(2)}));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(batchedChannels(m_server->requests().first()),
                 (QStringList{QStringLiteral("presence-r0"), QStringLiteral("presence-r2")}));
        QCOMPARE(outcomes.at(1)->count, 0);
        QCOMPARE(outcomes.at(3)->count, 0);

        // All cancelled before the turn ends: nothing is sent.
        m_server->clearRequests();
        requests.clear();
        ask(authorizer, names(QStringLiteral("presence-x"), 3), &parent, Socket, &requests);
        qDeleteAll(requests);
        QTest::qWait(200);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void queuedRequestsFailWhenTheAuthorizerGoesAway()
    {
        auto authorizer = std::make_unique<HttpAuthorizer>(m_network, options());
        QObject parent;
        const auto outcomes = ask(*authorizer, names(QStringLiteral("presence-r"), 3), &parent);
        authorizer.reset();
        QVERIFY(allDone(outcomes));
        for (const auto &o : outcomes) {
            QCOMPARE(o->count, 1);
            QCOMPARE(o->error.kind, AuthError::Kind::Transient);
        }
        QCOMPARE(m_server->requests().size(), 0);
    }

    void cancellingSomeInFlightKeepsTheOthers()
    {
        m_server->setHandler([](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response response = signingHandler(request);
            response.delayMs = 200;
            return response;
        });
        HttpAuthorizer authorizer(m_network, options());
        QObject parent;
        QList<AuthRequest *> requests;
        const auto outcomes = ask(authorizer, names(QStringLiteral("presence-r"), 3), &parent,
                                  Socket, &requests);
        QVERIFY(m_server->waitForRequests(1));
        delete requests.at(0);
        QVERIFY(allDone({outcomes.at(1), outcomes.at(2)}));
        QVERIFY(outcomes.at(1)->succeeded && outcomes.at(2)->succeeded);
        QCOMPARE(outcomes.at(0)->count, 0);
        QCOMPARE(m_server->abandonedCount(), 0);
    }

    void cancellingAllInFlightAbortsTheBatch()
    {
        m_server->setHandler([](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response response = signingHandler(request);
            response.delayMs = 300;
            return response;
        });
        HttpAuthorizer authorizer(m_network, options());
        auto parent = std::make_unique<QObject>();
        const auto outcomes = ask(authorizer, names(QStringLiteral("presence-r"), 3), parent.get());
        QVERIFY(m_server->waitForRequests(1));
        parent.reset(); // the channels went away
        QVERIFY(m_server->waitForAbandoned(1));
        QTest::qWait(400);
        for (const auto &o : outcomes)
            QCOMPARE(o->count, 0);
    }

    void deadlineAppliesToTheBatch()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response;
            response.noAnswer = true;
            return response;
        });
        HttpAuthorizerOptions o = options();
        o.timeoutMs = 300;
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const auto outcomes = ask(authorizer, names(QStringLiteral("presence-r"), 3), &parent);
        QVERIFY(allDone(outcomes, 3000));
        QCOMPARE(m_server->requests().size(), 1);
        for (const auto &outcome : outcomes) {
            QCOMPARE(outcome->error.kind, AuthError::Kind::Transient);
            QVERIFY(outcome->error.message.contains(QLatin1String("within 300 ms")));
        }
        QVERIFY(!authorizer.batchingUnsupported());
    }

    void crossOriginRedirectOfTheBatchIsRefused()
    {
        FakeHttpServer other;
        m_server->setHandler([&other](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response = FakeHttpServer::Response::text("", 307);
            response.headers.append({"Location", other.url(QStringLiteral("/steal")).toEncoded()});
            return response;
        });
        HttpAuthorizerOptions o = options();
        o.headers = {{"Authorization", "Bearer t0ken"}};
        HttpAuthorizer authorizer(m_network, o);
        QObject parent;
        const auto outcomes = ask(authorizer, names(QStringLiteral("presence-r"), 2), &parent);
        QVERIFY(allDone(outcomes));
        for (const auto &outcome : outcomes) {
            QCOMPARE(outcome->error.kind, AuthError::Kind::BadResponse);
            QVERIFY(outcome->error.message.contains(QLatin1String("another origin")));
        }
        QTest::qWait(100);
        QCOMPARE(other.requests().size(), 0);
        QVERIFY(!authorizer.batchingUnsupported());
    }

    void signaturesAndTokensAreNeverLogged()
    {
        static QStringList messages;
        messages.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("natter.pusher.auth*=true"));
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) {
                messages.append(message);
            });
        HttpAuthorizerOptions o = options();
        o.headers = {{"Authorization", "Bearer t0ken-secret"}};
        {
            HttpAuthorizer authorizer(m_network, o);
            QObject parent;
            auto outcomes = ask(authorizer,
                                {QStringLiteral("presence-a"),
                                 QStringLiteral("presence-b-forbidden"),
                                 QStringLiteral("presence-c")},
                                &parent);
            const bool done = allDone(outcomes);
            qInstallMessageHandler(previous);
            QLoggingCategory::setFilterRules(QString());
            QVERIFY(done);
            QVERIFY(outcomes.at(0)->succeeded);
        }
        QVERIFY(!messages.isEmpty()); // the categories were on
        const QString signature = Signer(Key, Secret)
                                      .presenceAuth(Socket, QStringLiteral("presence-a"),
                                                    ChannelData)
                                      .section(QLatin1Char(':'), 1);
        for (const QString &message : messages) {
            QVERIFY2(!message.contains(signature), qPrintable(message));
            QVERIFY2(!message.contains(QLatin1String("t0ken")), qPrintable(message));
        }
    }
};

QTEST_MAIN(TestHttpAuthorizerBatchFailures)
#include "tst_httpauthorizerbatchfailures.moc"
