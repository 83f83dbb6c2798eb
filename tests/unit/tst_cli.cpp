// natter-cli as a user runs it: the built binary (NATTER_CLI_PATH) in a QProcess, `listen`
// against FakePusherServer. Exit codes, the JSON lines on stdout, one-line errors on stderr, and
// secrets that never show up in either. `trigger` is in tst_clitrigger; the rig in CliRig.h.
#include "CliRig.h"

#include "pusher/Signer.h"

#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void usageError_exits2WithOneLine_data();
    void usageError_exits2WithOneLine();

    void listen_count_printsStateSubscribedAndEvents();
    void listen_timeoutWithoutEvents_exits3();
    void listen_refusedConnection_exits4();
    void listen_subscriptionError_exits5();
    void listen_stats_printsFinalStatsLine();
    void listen_emit_sendsClientEventAfterSubscribing();
    void listen_debugLog_neverShowsSecret();
    void listen_authHeaderFromEnvironment_reachesEndpoint();
    void listen_authHeaderFromEnvironment_malformedIsUsageError();
    void listen_help_mentionsAuthHeaderEnvironment();
    void help_usageLineNamesTheCommand_data();
    void help_usageLineNamesTheCommand();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NATTER_CLI_PATH)), NATTER_CLI_PATH);
}

// --- usage -----------------------------------------------------------------------------------

void TestCli::usageError_exits2WithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QStringList base{QStringLiteral("listen"),    QStringLiteral("--host"),
                           QStringLiteral("127.0.0.1"), QStringLiteral("--no-tls"),
                           QStringLiteral("--key"),     Key};
    const QString port = QStringLiteral("--port");

    QTest::newRow("no channel") << (base + QStringList{port, QStringLiteral("6001")});
    QTest::newRow("port not a number")
        << (base + QStringList{port, QStringLiteral("abc"), QStringLiteral("news")});
    QTest::newRow("port 0") << (base
                                + QStringList{port, QStringLiteral("0"), QStringLiteral("news")});
    QTest::newRow("port too big") << (base
                                      + QStringList{port, QStringLiteral("70000"),
                                                    QStringLiteral("news")});
    QTest::newRow("--tls with --no-tls")
        << (base
            + QStringList{port, QStringLiteral("6001"), QStringLiteral("--tls"),
                          QStringLiteral("news")});
    QTest::newRow("private channel without --secret or --auth-endpoint")
        << (base + QStringList{port, QStringLiteral("6001"), QStringLiteral("private-chat")});
    QTest::newRow("presence channel without --secret or --auth-endpoint")
        << (base + QStringList{port, QStringLiteral("6001"), QStringLiteral("presence-lobby")});
    QTest::newRow("--emit without =")
        << (base
            + QStringList{port, QStringLiteral("6001"), QStringLiteral("--secret"), Secret,
                          QStringLiteral("--emit"), QStringLiteral("client-hi"),
                          QStringLiteral("private-chat")});
    QTest::newRow("--emit with bad JSON")
        << (base
            + QStringList{port, QStringLiteral("6001"), QStringLiteral("--secret"), Secret,
                          QStringLiteral("--emit"), QStringLiteral("client-hi={\"a\":"),
                          QStringLiteral("private-chat")});
    QTest::newRow("--emit with no event name")
        << (base
            + QStringList{port, QStringLiteral("6001"), QStringLiteral("--secret"), Secret,
                          QStringLiteral("--emit"), QStringLiteral("={}"),
                          QStringLiteral("private-chat")});
    QTest::newRow("--count 0") << (base
                                   + QStringList{port, QStringLiteral("6001"),
                                                 QStringLiteral("--count"), QStringLiteral("0"),
                                                 QStringLiteral("news")});
    QTest::newRow("--timeout not a number")
        << (base
            + QStringList{port, QStringLiteral("6001"), QStringLiteral("--timeout"),
                          QStringLiteral("soon"), QStringLiteral("news")});
    QTest::newRow("invalid channel name")
        << (base + QStringList{port, QStringLiteral("6001"), QStringLiteral("bad channel!")});
    QTest::newRow("unknown option")
        << (base
            + QStringList{port, QStringLiteral("6001"), QStringLiteral("--frobnicate"),
                          QStringLiteral("news")});
    QTest::newRow("no key") << QStringList{QStringLiteral("listen"), QStringLiteral("--host"),
                                           QStringLiteral("127.0.0.1"), QStringLiteral("--no-tls"),
                                           QStringLiteral("news")};
    QTest::newRow("trigger without secret") << QStringList{
        QStringLiteral("trigger"),  QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
        QStringLiteral("--no-tls"), QStringLiteral("--key"),  Key,
        QStringLiteral("--app-id"), QStringLiteral("1"),      QStringLiteral("news"),
        QStringLiteral("ev"),       QStringLiteral("{}")};
    QTest::newRow("trigger with two arguments")
        << QStringList{QStringLiteral("trigger"),   QStringLiteral("--host"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("--no-tls"),
                       QStringLiteral("--key"),     Key,
                       QStringLiteral("--app-id"),  QStringLiteral("1"),
                       QStringLiteral("--secret"),  Secret,
                       QStringLiteral("news"),      QStringLiteral("ev")};
}

void TestCli::usageError_exits2WithOneLine()
{
    QFETCH(QStringList, arguments);
    Cli cli(arguments);
    const Run run = cli.wait();
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    const QStringList errLines = nonEmptyLines(run.err);
    QVERIFY2(errLines.size() == 1, qPrintable(run.describe()));
    QVERIFY2(errLines.at(0).startsWith(QLatin1String("natter-cli: ")), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    checkNoSecret(run);
}

// --- listen ----------------------------------------------------------------------------------

void TestCli::listen_count_printsStateSubscribedAndEvents()
{
    FakePusherServer server;
    Cli cli(QStringList{QStringLiteral("listen")} + serverArgs(server)
            + QStringList{QStringLiteral("--count"), QStringLiteral("3"),
                          QStringLiteral("--timeout"), QStringLiteral("20"),
                          QStringLiteral("news")});
    QVERIFY(server.waitForSubscribed(-1, QStringLiteral("news"), 10000));

    // JSON object (double-encoded, as Pusher sends it), a plain string, a string that only
    // looks like JSON, then an event after --count that must not be printed.
    QVERIFY(server.sendEvent(
        -1, QStringLiteral("msg"),
        QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}, {QStringLiteral("n"), 1}},
        QStringLiteral("news")));
    QVERIFY(server.sendEvent(-1, QStringLiteral("plain"), QStringLiteral("hello world"),
                             QStringLiteral("news")));
    QVERIFY(server.sendEvent(-1, QStringLiteral("broken"), QStringLiteral("{oops"),
                             QStringLiteral("news")));
    server.sendEvent(-1, QStringLiteral("late"), QStringLiteral("too late"), QStringLiteral("news"));

    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.allLinesJson, qPrintable(run.describe()));
    QVERIFY2(run.err.trimmed().isEmpty(), qPrintable(run.describe()));

    // state lines, then subscribed, then the three events.
    QStringList types = run.types();
    types.removeDuplicates();
    QVERIFY2(types
                 == (QStringList{QStringLiteral("state"), QStringLiteral("subscribed"),
                                 QStringLiteral("event")}),
             qPrintable(run.describe()));
    const QStringList all = run.types();
    QVERIFY2(all.lastIndexOf(QStringLiteral("state")) < all.indexOf(QStringLiteral("subscribed")),
             qPrintable(run.describe()));
    QVERIFY2(all.indexOf(QStringLiteral("subscribed")) < all.indexOf(QStringLiteral("event")),
             qPrintable(run.describe()));

    const QList<QJsonObject> states = run.ofType(QStringLiteral("state"));
    QCOMPARE(states.first().value(QLatin1String("current")).toString(),
             QStringLiteral("connecting"));
    QCOMPARE(states.last().value(QLatin1String("current")).toString(), QStringLiteral("connected"));
    QCOMPARE(
        run.ofType(QStringLiteral("subscribed")).first().value(QLatin1String("channel")).toString(),
        QStringLiteral("news"));

    const QList<QJsonObject> events = run.ofType(QStringLiteral("event"));
    QCOMPARE(events.size(), 3);
    for (const QJsonObject &e : events)
        QCOMPARE(e.value(QLatin1String("channel")).toString(), QStringLiteral("news"));
    QCOMPARE(events.at(0).value(QLatin1String("event")).toString(), QStringLiteral("msg"));
    QVERIFY(events.at(0).value(QLatin1String("data")).isObject());
    QCOMPARE(
        events.at(0).value(QLatin1String("data")).toObject(),
        (QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}, {QStringLiteral("n"), 1}}));
    QCOMPARE(events.at(1).value(QLatin1String("event")).toString(), QStringLiteral("plain"));
    QCOMPARE(events.at(1).value(QLatin1String("data")), QJsonValue(QStringLiteral("hello world")));
    QCOMPARE(events.at(2).value(QLatin1String("event")).toString(), QStringLiteral("broken"));
    QCOMPARE(events.at(2).value(QLatin1String("data")), QJsonValue(QStringLiteral("{oops")));
}

void TestCli::listen_timeoutWithoutEvents_exits3()
{
    FakePusherServer server;
    Cli cli(QStringList{QStringLiteral("listen")} + serverArgs(server)
            + QStringList{QStringLiteral("--count"), QStringLiteral("1"),
                          QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("news")});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 3, qPrintable(run.describe()));
    QVERIFY2(run.ms >= 900 && run.ms < 5000, qPrintable(QStringLiteral("took %1 ms").arg(run.ms)));
    QVERIFY2(cliMessages(run.err).size() == 1, qPrintable(run.describe()));
    QVERIFY(run.ofType(QStringLiteral("event")).isEmpty());
    QVERIFY2(!run.ofType(QStringLiteral("subscribed")).isEmpty(), qPrintable(run.describe()));
}

void TestCli::listen_refusedConnection_exits4()
{
    FakePusherServer server;
    QObject::connect(&server, &FakePusherServer::newConnection, &server, [&server](int connection) {
        server.close(connection, 4001, QStringLiteral("App key cli-key does not exist"));
    });
    Cli cli(
        QStringList{QStringLiteral("listen")} + serverArgs(server)
        + QStringList{QStringLiteral("--timeout"), QStringLiteral("10"), QStringLiteral("news")});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 4, qPrintable(run.describe()));
    const QList<QJsonObject> errors = run.ofType(QStringLiteral("error"));
    QVERIFY2(!errors.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(errors.last().value(QLatin1String("kind")).toString(),
             QStringLiteral("connection_refused"));
    QCOMPARE(errors.last().value(QLatin1String("code")).toInt(), 4001);
    QVERIFY2(cliMessages(run.err).size() == 1, qPrintable(run.describe()));
    QCOMPARE(server.connectionCount(), 1); // and it did not try again
}

void TestCli::listen_subscriptionError_exits5()
{
    FakePusherServer server;
    server.setAppCredentials(Key, "not-the-secret-the-cli-has");
    Cli cli(QStringList{QStringLiteral("listen")} + serverArgs(server)
            + QStringList{QStringLiteral("--secret"), Secret, QStringLiteral("--timeout"),
                          QStringLiteral("10"), QStringLiteral("private-chat")});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 5, qPrintable(run.describe()));
    QCOMPARE(server.events(-1, QStringLiteral("pusher:subscribe")).size(), 1);
    const QList<QJsonObject> errors = run.ofType(QStringLiteral("error"));
    QVERIFY2(!errors.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(errors.last().value(QLatin1String("channel")).toString(),
             QStringLiteral("private-chat"));
    QCOMPARE(errors.last().value(QLatin1String("status")).toInt(), 401);
    QVERIFY2(cliMessages(run.err).size() == 1, qPrintable(run.describe()));
    checkNoSecret(run);
}

void TestCli::listen_stats_printsFinalStatsLine()
{
    FakePusherServer server;
    Cli cli(QStringList{QStringLiteral("listen")} + serverArgs(server)
            + QStringList{QStringLiteral("--quiet"), QStringLiteral("--stats"),
                          QStringLiteral("--count"), QStringLiteral("5"),
                          QStringLiteral("--timeout"), QStringLiteral("20"),
                          QStringLiteral("news")});
    QVERIFY(server.waitForSubscribed(-1, QStringLiteral("news"), 10000));
    for (int i = 0; i < 5; ++i) {
        QVERIFY(server.sendEvent(-1, QStringLiteral("tick"), QJsonObject{{QStringLiteral("i"), i}},
                                 QStringLiteral("news")));
        QTest::qWait(20);
    }
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    // --quiet: nothing per event; the stats line is the last (and only) line.
    QVERIFY2(run.lines.size() == 1, qPrintable(run.describe()));
    const QJsonObject stats = run.lines.last();
    QCOMPARE(stats.value(QLatin1String("type")).toString(), QStringLiteral("stats"));
    for (const char *field : {"events", "seconds", "events_per_s", "cpu_seconds", "max_rss_kb"})
        QVERIFY2(stats.value(QLatin1String(field)).isDouble(), field);
    QCOMPARE(stats.value(QLatin1String("events")).toInt(), 5);
    const double seconds = stats.value(QLatin1String("seconds")).toDouble();
    QVERIFY2(seconds > 0.0 && seconds < 10.0, qPrintable(QString::number(seconds)));
    QVERIFY(stats.value(QLatin1String("events_per_s")).toDouble() > 0.0);
    QVERIFY(stats.value(QLatin1String("cpu_seconds")).toDouble() > 0.0);
    QVERIFY(stats.value(QLatin1String("max_rss_kb")).toDouble() > 1000.0);
}

void TestCli::listen_emit_sendsClientEventAfterSubscribing()
{
    FakePusherServer server;
    server.setAppCredentials(Key, Secret.toUtf8());
    Cli cli(QStringList{QStringLiteral("listen")} + serverArgs(server)
            + QStringList{QStringLiteral("--secret"), Secret, QStringLiteral("--emit"),
                          QStringLiteral("client-hi={\"a\":1}"), QStringLiteral("--count"),
                          QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("20"),
                          QStringLiteral("private-chat")});
    QVERIFY(server.waitForEvent(-1, QStringLiteral("client-hi"), 1, 10000));
    QVERIFY(server.subscribedChannels(-1).contains(
        QStringLiteral("private-chat"))); // the server accepted the auth

    const QList<QJsonObject> sent = server.events(-1, QStringLiteral("client-hi"));
    QCOMPARE(sent.size(), 1);
    const QJsonObject expected{{QStringLiteral("event"), QStringLiteral("client-hi")},
                               {QStringLiteral("channel"), QStringLiteral("private-chat")},
                               {QStringLiteral("data"), QJsonObject{{QStringLiteral("a"), 1}}}};
    QCOMPARE(sent.at(0), expected);
    // After the subscription was confirmed: after the subscribe on the wire (the server
    // answers a subscribe before it reads the next frame).
    const QStringList frames = server.frames(-1);
    const auto subscribeAt = std::find_if(frames.begin(), frames.end(), [](const QString &f) {
        return f.contains(QLatin1String("pusher:subscribe"));
    });
    const auto emitAt = std::find_if(frames.begin(), frames.end(), [](const QString &f) {
        return f.contains(QLatin1String("client-hi"));
    });
    QVERIFY(subscribeAt < emitAt);

    QVERIFY(server.broadcast(QStringLiteral("private-chat"), QStringLiteral("done"), QJsonObject())
            == 1);
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.ofType(QStringLiteral("error")).isEmpty(), qPrintable(run.describe()));
    checkNoSecret(run);
}

void TestCli::listen_debugLog_neverShowsSecret()
{
    FakePusherServer server;
    server.setAppCredentials(Key, Secret.toUtf8());
    Cli cli(QStringList{QStringLiteral("listen")} + serverArgs(server)
            + QStringList{QStringLiteral("--log-level"), QStringLiteral("debug"),
                          QStringLiteral("--secret"), Secret, QStringLiteral("--user-id"),
                          QStringLiteral("u1"), QStringLiteral("--signin"),
                          QStringLiteral("--count"), QStringLiteral("1"),
                          QStringLiteral("--timeout"), QStringLiteral("20"),
                          QStringLiteral("private-chat"), QStringLiteral("presence-lobby")});
    QVERIFY(server.waitForSubscribed(-1, QStringLiteral("private-chat"), 10000));
    QVERIFY(server.waitForSubscribed(-1, QStringLiteral("presence-lobby"), 10000));
    QVERIFY(
        server.sendEvent(-1, QStringLiteral("msg"), QJsonObject(), QStringLiteral("private-chat")));
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(!run.err.isEmpty(), "expected debug logging on stderr");
    checkNoSecret(run);
}

void TestCli::listen_authHeaderFromEnvironment_reachesEndpoint()
{
    const QByteArray token = "Bearer tok-9f8e7d6c5b4a";
    FakePusherServer server;
    server.setAppCredentials(Key, Secret.toUtf8());
    FakeHttpServer http;
    QVERIFY(http.isListening());
    http.setHandler([](const FakeHttpServer::Request &request) {
        const natter::pusher::Signer signer(Key, Secret.toUtf8());
        const QJsonObject answer{
            {QStringLiteral("auth"),
             signer.channelAuth(request.formValue(QStringLiteral("socket_id")),
                                request.formValue(QStringLiteral("channel_name")))}};
        return FakeHttpServer::Response::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    });
    // Two headers, a CRLF line end and a blank line, as a shell heredoc may give them.
    Cli cli(QStringList{QStringLiteral("listen")} + serverArgs(server)
                + QStringList{QStringLiteral("--auth-endpoint"),
                              http.url(QStringLiteral("/pusher/auth")).toString(),
                              QStringLiteral("--log-level"), QStringLiteral("debug"),
                              QStringLiteral("--count"), QStringLiteral("1"),
                              QStringLiteral("--timeout"), QStringLiteral("20"),
                              QStringLiteral("private-chat")},
            {{QStringLiteral("NATTER_AUTH_HEADER"),
              QStringLiteral("Authorization: ") + QString::fromLatin1(token)
                  + QStringLiteral("\r\n\nX-Team:  blue \n")}});
    QVERIFY(server.waitForSubscribed(-1, QStringLiteral("private-chat"), 10000));
    QVERIFY(
        server.sendEvent(-1, QStringLiteral("msg"), QJsonObject(), QStringLiteral("private-chat")));
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(!http.requests().isEmpty());
    const FakeHttpServer::Request &request = http.requests().first();
    QCOMPARE(request.header("Authorization"), token);
    QCOMPARE(request.header("X-Team"), QByteArray("blue"));
    // Never echoed, not even in debug logging.
    QVERIFY2(!run.out.contains("tok-9f8e7d6c5b4a"), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains("tok-9f8e7d6c5b4a"), qPrintable(run.describe()));
}

void TestCli::listen_authHeaderFromEnvironment_malformedIsUsageError()
{
    Cli cli(QStringList{QStringLiteral("listen"), QStringLiteral("--host"),
                        QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                        QStringLiteral("6001"), QStringLiteral("--no-tls"), QStringLiteral("--key"),
                        Key, QStringLiteral("--auth-endpoint"),
                        QStringLiteral("http://127.0.0.1:1/auth"), QStringLiteral("private-chat")},
            {{QStringLiteral("NATTER_AUTH_HEADER"), QStringLiteral("tok-without-a-name")}});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("NATTER_AUTH_HEADER"), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains("tok-without-a-name"), qPrintable(run.describe()));
}

void TestCli::listen_help_mentionsAuthHeaderEnvironment()
{
    Cli cli({QStringLiteral("listen"), QStringLiteral("--help")});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("NATTER_AUTH_HEADER"), qPrintable(run.describe()));
}

void TestCli::help_usageLineNamesTheCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("usage");
    QTest::newRow("listen") << QStringLiteral("listen")
                            << QStringLiteral("Usage: natter-cli listen [options] CHANNEL...");
    QTest::newRow("trigger") << QStringLiteral("trigger")
                             << QStringLiteral("Usage: natter-cli trigger [options] ");
}

// The usage line named the binary by the path it was started with and left the command out.
void TestCli::help_usageLineNamesTheCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, usage);
    Cli cli({command, QStringLiteral("--help")});
    const Run run = cli.wait();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString first = QString::fromUtf8(run.out).section(u'\n', 0, 0);
    QVERIFY2(first.startsWith(usage), qPrintable(first));
    QVERIFY2(!first.contains(u'/'), qPrintable(first));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
