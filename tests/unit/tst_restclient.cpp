// RestClient against an in-process HTTP server with a pinned timestamp: exact requests and
// signatures a server would accept (RestClientRig.h). Local validation and error reporting are in
// tst_restclienterrors.
#include "RestClientRig.h"

#include "pusher/Signer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QTest>

class TestRestClient : public QObject, protected RestRig
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

    void hostedBaseUrl()
    {
        QCOMPARE(RestClient::hostedBaseUrl(QStringLiteral("eu")),
                 QUrl(QStringLiteral("https://api-eu.pusher.com")));
        QCOMPARE(RestClient::hostedBaseUrl(QString()),
                 QUrl(QStringLiteral("https://api-mt1.pusher.com")));
    }

    void bodiesMatchTheDocs()
    {
        // V9 and V11 bodies byte for byte, hence their body_md5 and signatures.
        QCOMPARE(RestClient::triggerBody({QStringLiteral("project-3")}, QStringLiteral("foo"),
                                         QStringLiteral("{\"some\":\"data\"}")),
                 QByteArray("{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{"
                            "\\\"some\\\":\\\"data\\\"}\"}"));
        QCOMPARE(RestClient::batchBody({{QStringLiteral("private-foobar"),
                                         QStringLiteral("foo"),
                                         QStringLiteral("{\"some\":\"data\"}"),
                                         {}}}),
                 QByteArray("{\"batch\":[{\"channel\":\"private-foobar\",\"name\":\"foo\","
                            "\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}]}"));
    }

    void triggerV9()
    {
        RestReply *reply = m_client->trigger({QStringLiteral("project-3")}, QStringLiteral("foo"),
                                             QStringLiteral("{\"some\":\"data\"}"));
        QCOMPARE(reply->parent(), m_client);
        QVERIFY(waitFinished(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
        QCOMPARE(reply->httpStatus(), 200);
        const FakeHttpServer::Request &sent = onlyRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.target,
                 QByteArray("/apps/3/events?auth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                            "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f"
                            "&auth_signature="
                            "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"));
        QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(serverVerdict(sent), QStringLiteral("ok"));
    }

    void triggerWithSocketIdAndSeveralChannels()
    {
        const QStringList channels{QStringLiteral("private-a"), QStringLiteral("presence-b"),
                                   QStringLiteral("c=@,.;_-")};
        const QString data = QString::fromUtf8("{\"text\":\"Zoë says \\\"hi\\\" \\\\o/\"}");
        RestReply *reply = m_client->trigger(channels, QStringLiteral("message"), data,
                                             QStringLiteral("123.456"));
        QVERIFY(waitFinished(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
        const FakeHttpServer::Request &sent = onlyRequest();
        QCOMPARE(sent.path, QByteArray("/apps/3/events"));
        const QByteArray body = RestClient::triggerBody(channels, QStringLiteral("message"), data,
                                                        QStringLiteral("123.456"));
        QCOMPARE(sent.body, body);
        const QJsonObject json = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(json.value(QLatin1String("socket_id")).toString(), QStringLiteral("123.456"));
        QCOMPARE(json.value(QLatin1String("data")).toString(), data);
        QCOMPARE(json.value(QLatin1String("channels")).toArray().size(), 3);
        QCOMPARE(json.value(QLatin1String("channels")).toArray().at(2).toString(), channels.at(2));
        const QString query = Signer(Key, Secret)
                                  .restQuery(QStringLiteral("POST"),
                                             QStringLiteral("/apps/3/events"), {}, body, Timestamp);
        QCOMPARE(QString::fromLatin1(sent.query), query);
        QCOMPARE(serverVerdict(sent), QStringLiteral("ok"));
    }

    void batchV11()
    {
        RestReply *reply = m_client->triggerBatch({{QStringLiteral("private-foobar"),
                                                    QStringLiteral("foo"),
                                                    QStringLiteral("{\"some\":\"data\"}"),
                                                    {}}});
        QVERIFY(waitFinished(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
        const FakeHttpServer::Request &sent = onlyRequest();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.target,
                 QByteArray(
                     "/apps/3/batch_events?auth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                     "&auth_version=1.0&body_md5=9d97c293148e99921ae28bd150fe256b"
                     "&auth_signature="
                     "8d59d10c28bde2d607a34724d60ea58224c064aa7f99dab512e40c5209e04bc3"));
        QCOMPARE(serverVerdict(sent), QStringLiteral("ok"));
    }

    void batchWithSocketIds()
    {
        const QList<BatchEvent> events{
            {QStringLiteral("a"), QStringLiteral("e1"), QStringLiteral("1"), QStringLiteral("1.2")},
            {QStringLiteral("b"), QStringLiteral("e2"), QStringLiteral("2"), {}}};
        RestReply *reply = m_client->triggerBatch(events);
        QVERIFY(waitFinished(reply));
        QVERIFY(reply->ok());
        QCOMPARE(onlyRequest().body,
                 QByteArray("{\"batch\":[{\"channel\":\"a\",\"name\":\"e1\",\"data\":\"1\","
                            "\"socket_id\":\"1.2\"},"
                            "{\"channel\":\"b\",\"name\":\"e2\",\"data\":\"2\"}]}"));
        QCOMPARE(serverVerdict(onlyRequest()), QStringLiteral("ok"));
    }

    void channelsV10()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(
                "{\"channels\":{\"presence-foobar\":{\"user_count\":42}}}");
        });
        RestReply *reply = m_client->channels(QStringLiteral("presence-"),
                                              {QStringLiteral("user_count")});
        QVERIFY(waitFinished(reply));
        QVERIFY(reply->ok());
        const FakeHttpServer::Request &sent = onlyRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(
            sent.target,
            QByteArray("/apps/3/channels?auth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                       "&auth_version=1.0&filter_by_prefix=presence-&info=user_count"
                       "&auth_signature="
                       "16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291"));
        QVERIFY(sent.body.isEmpty());
        QCOMPARE(serverVerdict(sent), QStringLiteral("ok"));
        QCOMPARE(reply->json()
                     .value(QLatin1String("channels"))
                     .toObject()
                     .value(QLatin1String("presence-foobar"))
                     .toObject()
                     .value(QLatin1String("user_count"))
                     .toInt(),
                 42);
    }

    void channelsWithoutFilters()
    {
        RestReply *reply = m_client->channels();
        QVERIFY(waitFinished(reply));
        QCOMPARE(onlyRequest().path, QByteArray("/apps/3/channels"));
        QVERIFY(!onlyRequest().query.contains("filter_by_prefix"));
        QVERIFY(!onlyRequest().query.contains("info"));
        QCOMPARE(serverVerdict(onlyRequest()), QStringLiteral("ok"));
    }

    void channelInfo()
    {
        RestReply *reply = m_client->channelInfo(
            QStringLiteral("presence-foobar"),
            {QStringLiteral("user_count"), QStringLiteral("subscription_count")});
        QVERIFY(waitFinished(reply));
        const FakeHttpServer::Request &sent = onlyRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.path, QByteArray("/apps/3/channels/presence-foobar"));
        // The comma travels percent-encoded and is signed decoded.
        QVERIFY2(sent.query.contains("&info=user_count%2Csubscription_count&"),
                 sent.query.constData());
        const Signer::QueryParams params{
            {QStringLiteral("info"), QStringLiteral("user_count,subscription_count")}};
        QCOMPARE(QString::fromLatin1(sent.query),
                 Signer(Key, Secret)
                     .restQuery(QStringLiteral("GET"),
                                QStringLiteral("/apps/3/channels/presence-foobar"), params, {},
                                Timestamp));
        QCOMPARE(serverVerdict(sent), QStringLiteral("ok"));
    }

    void presenceUsers()
    {
        m_server->setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json("{\"users\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");
        });
        RestReply *reply = m_client->presenceUsers(QStringLiteral("presence-foobar"));
        QVERIFY(waitFinished(reply));
        QVERIFY(reply->ok());
        const FakeHttpServer::Request &sent = onlyRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.path, QByteArray("/apps/3/channels/presence-foobar/users"));
        QCOMPARE(QString::fromLatin1(sent.query),
                 Signer(Key, Secret)
                     .restQuery(QStringLiteral("GET"),
                                QStringLiteral("/apps/3/channels/presence-foobar/users"), {}, {},
                                Timestamp));
        QCOMPARE(serverVerdict(sent), QStringLiteral("ok"));
        QCOMPARE(reply->json().value(QLatin1String("users")).toArray().size(), 2);
    }

    void sendToUserAndTerminate()
    {
        RestReply *send = m_client->sendToUser(QStringLiteral("42"), QStringLiteral("hello"),
                                               QStringLiteral("{}"));
        QVERIFY(waitFinished(send));
        QVERIFY(send->ok());
        RestReply *terminate = m_client->terminateUserConnections(QStringLiteral("42"));
        QVERIFY(waitFinished(terminate));
        QVERIFY(terminate->ok());
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(m_server->requests().at(0).body.contains("\"channels\":[\"#server-to-user-42\"]"));
        QCOMPARE(m_server->requests().at(1).method, QByteArray("POST"));
        QCOMPARE(m_server->requests().at(1).path,
                 QByteArray("/apps/3/users/42/terminate_connections"));
        QCOMPARE(m_server->requests().at(1).body, QByteArray("{}"));
        QCOMPARE(serverVerdict(m_server->requests().at(0)), QStringLiteral("ok"));
        QCOMPARE(serverVerdict(m_server->requests().at(1)), QStringLiteral("ok"));
    }

    void reservedCharactersInPathAreEscapedAndSigned()
    {
        RestReply *reply = m_client->channelInfo(QStringLiteral("#server-to-user-7"));
        QVERIFY(waitFinished(reply));
        QCOMPARE(onlyRequest().path, QByteArray("/apps/3/channels/%23server-to-user-7"));
        QCOMPARE(serverVerdict(onlyRequest()), QStringLiteral("ok"));
    }

    void baseUrlWithPathPrefix()
    {
        RestConfig c = config();
        c.baseUrl = m_server->url(QStringLiteral("/pusher/"));
        RestClient client(m_network, c);
        client.setTimestampProvider([] { return Timestamp; });
        QCOMPARE(client.appPath(QStringLiteral("/events")), QStringLiteral("/pusher/apps/3/events"));
        RestReply *reply = client.channels();
        QVERIFY(waitFinished(reply));
        QCOMPARE(onlyRequest().path, QByteArray("/pusher/apps/3/channels"));
        QCOMPARE(serverVerdict(onlyRequest()), QStringLiteral("ok"));
    }

    void defaultTimestampIsNow()
    {
        RestClient client(m_network, config());
        RestReply *reply = client.channels();
        QVERIFY(waitFinished(reply));
        const qint64 sent = onlyRequest().queryValue(QStringLiteral("auth_timestamp")).toLongLong();
        QVERIFY(qAbs(sent - QDateTime::currentSecsSinceEpoch()) <= 5);
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
