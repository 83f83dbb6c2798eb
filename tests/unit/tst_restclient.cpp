// RestClient against an in-process HTTP server with a pinned timestamp: exact requests, signatures
// a server would accept, local validation and error reporting.
#include "FakeHttpServer.h"
#include "SelfSignedCertificate.h"

#include "pusher/RestClient.h"
#include "pusher/RestReply.h"
#include "pusher/Signer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace natter::pusher;

namespace {

const QString Key = QStringLiteral("278d425bdf160c739803");
const QByteArray Secret = "7ad3773142a6692b25b8";
constexpr qint64 Timestamp = 1353088179;

// Checks a request the way soketi and Pusher do, independently of Signer: decode the query,
// drop auth_signature, sort by key, sign "METHOD\nPATH\nk=v&..." and compare; check body_md5.
QString serverVerdict(const FakeHttpServer::Request &request)
{
    QList<QPair<QString, QString>> items = request.queryItems();
    QString signature;
    for (qsizetype i = items.size() - 1; i >= 0; --i) {
        if (items.at(i).first == QLatin1String("auth_signature"))
            signature = items.takeAt(i).second;
    }
    std::sort(items.begin(), items.end());
    QStringList pairs;
    QString bodyMd5;
    for (const auto &[key, value] : items) {
        pairs.append(key + QLatin1Char('=') + value);
        if (key == QLatin1String("body_md5"))
            bodyMd5 = value;
    }
    if (!request.body.isEmpty()
        && bodyMd5.toLatin1()
            != QCryptographicHash::hash(request.body, QCryptographicHash::Md5).toHex())
        return QStringLiteral("body_md5 mismatch");
    const QByteArray toSign = request.method + '\n' + request.path + '\n'
        + pairs.join(QLatin1Char('&')).toUtf8();
    const QByteArray expected
        = QMessageAuthenticationCode::hash(toSign, Secret, QCryptographicHash::Sha256).toHex();
    return signature.toLatin1() == expected
        ? QStringLiteral("ok")
        : QStringLiteral("bad signature for ") + QString::fromUtf8(toSign);
}

bool waitFinished(RestReply *reply, int timeoutMs = 5000)
{
    QSignalSpy spy(reply, &RestReply::finished);
    if (reply->isFinished())
        return false; // finished must never be emitted synchronously
    if (!spy.wait(timeoutMs))
        return false;
    QTest::qWait(5);
    return spy.count() == 1 && reply->isFinished();
}

} // namespace

class TestRestClient : public QObject
{
    Q_OBJECT

    QNetworkAccessManager *m_network = nullptr;
    FakeHttpServer *m_server = nullptr;
    RestClient *m_client = nullptr;

    RestConfig config() const
    {
        RestConfig c;
        c.baseUrl = m_server->url();
        c.appId = QStringLiteral("3");
        c.key = Key;
        c.secret = Secret;
        return c;
    }

    const FakeHttpServer::Request &onlyRequest()
    {
        static const FakeHttpServer::Request none;
        if (m_server->requests().size() != 1) {
            qWarning("expected exactly one request, got %d", int(m_server->requests().size()));
            return none; // the comparisons that follow fail
        }
        return m_server->requests().first();
    }

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

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
