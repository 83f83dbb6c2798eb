// natter-cli trigger as a user runs it: the built binary (NATTER_CLI_PATH) in a QProcess against
// FakeHttpServer. The signed POST a server accepts, the exit code of a refusal, and a secret that
// never shows up on stdout or stderr (CliRig.h).
#include "CliRig.h"

#include <QJsonArray>
#include <QTest>

class TestCliTrigger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void trigger_sendsSignedPost();
    void trigger_withoutSocketId_leavesItOut();
    void trigger_unauthorized_exitsNonZero();
};

void TestCliTrigger::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NATTER_CLI_PATH)), NATTER_CLI_PATH);
}

void TestCliTrigger::trigger_sendsSignedPost()
{
    FakeHttpServer http;
    QVERIFY(http.isListening());
    Cli cli({QStringLiteral("trigger"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--port"), QString::number(http.port()), QStringLiteral("--no-tls"),
             QStringLiteral("--app-id"), QStringLiteral("4242"), QStringLiteral("--key"), Key,
             QStringLiteral("--secret"), Secret, QStringLiteral("--socket-id"),
             QStringLiteral("123.456"), QStringLiteral("news,other"), QStringLiteral("my-event"),
             QStringLiteral("{\"text\":\"hi\"}")});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(http.requests().size(), 1);
    const FakeHttpServer::Request &request = http.requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/apps/4242/events"));
    QCOMPARE(request.queryValue(QStringLiteral("auth_key")), Key);
    QVERIFY(!request.queryValue(QStringLiteral("auth_timestamp")).isEmpty());
    QCOMPARE(request.queryValue(QStringLiteral("auth_version")), QStringLiteral("1.0"));
    QVERIFY(!request.queryValue(QStringLiteral("auth_signature")).isEmpty());
    QCOMPARE(restVerdict(request, Secret.toUtf8()), QStringLiteral("ok"));
    QVERIFY(request.header("Content-Type").startsWith("application/json"));

    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QLatin1String("name")).toString(), QStringLiteral("my-event"));
    QCOMPARE(body.value(QLatin1String("channels")).toArray(),
             (QJsonArray{QStringLiteral("news"), QStringLiteral("other")}));
    QCOMPARE(body.value(QLatin1String("data")).toString(), QStringLiteral("{\"text\":\"hi\"}"));
    QCOMPARE(body.value(QLatin1String("socket_id")).toString(), QStringLiteral("123.456"));

    QVERIFY2(run.lines.size() == 1, qPrintable(run.describe()));
    QCOMPARE(run.lines.first().value(QLatin1String("type")).toString(), QStringLiteral("triggered"));
    QCOMPARE(run.lines.first().value(QLatin1String("status")).toInt(), 200);
    QVERIFY(!request.target.contains(Secret.toUtf8()) && !request.body.contains(Secret.toUtf8()));
    checkNoSecret(run);
}

void TestCliTrigger::trigger_withoutSocketId_leavesItOut()
{
    FakeHttpServer http;
    Cli cli({QStringLiteral("trigger"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--port"), QString::number(http.port()), QStringLiteral("--no-tls"),
             QStringLiteral("--app-id"), QStringLiteral("7"), QStringLiteral("--key"), Key,
             QStringLiteral("--secret"), Secret, QStringLiteral("news"), QStringLiteral("ev"),
             QStringLiteral("plain text")});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(http.requests().size(), 1);
    const FakeHttpServer::Request &request = http.requests().first();
    QCOMPARE(request.path, QByteArray("/apps/7/events"));
    QCOMPARE(restVerdict(request, Secret.toUtf8()), QStringLiteral("ok"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QVERIFY(!body.contains(QLatin1String("socket_id")));
    QCOMPARE(body.value(QLatin1String("data")).toString(), QStringLiteral("plain text"));
    QCOMPARE(body.value(QLatin1String("channels")).toArray(), QJsonArray{QStringLiteral("news")});
    checkNoSecret(run);
}

void TestCliTrigger::trigger_unauthorized_exitsNonZero()
{
    FakeHttpServer http;
    http.setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::text(
            "Invalid signature: you should have sent HmacSHA256Hex", 401);
    });
    Cli cli({QStringLiteral("trigger"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--port"), QString::number(http.port()), QStringLiteral("--no-tls"),
             QStringLiteral("--app-id"), QStringLiteral("7"), QStringLiteral("--key"), Key,
             QStringLiteral("--secret"), Secret, QStringLiteral("news"), QStringLiteral("ev"),
             QStringLiteral("{}")});
    const Run run = cli.wait();
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 5, qPrintable(run.describe())); // README: 5 = authorization failed
    QCOMPARE(http.requests().size(), 1);
    const QList<QJsonObject> errors = run.ofType(QStringLiteral("error"));
    QVERIFY2(errors.size() == 1, qPrintable(run.describe()));
    QCOMPARE(errors.first().value(QLatin1String("status")).toInt(), 401);
    QVERIFY2(cliMessages(run.err).size() == 1, qPrintable(run.describe()));
    checkNoSecret(run);
}

QTEST_GUILESS_MAIN(TestCliTrigger)
#include "tst_clitrigger.moc"
