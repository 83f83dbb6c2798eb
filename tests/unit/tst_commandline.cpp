// natter's command line: options into CommandLine::Options, errors as messages, log levels.
#include "CommandLine.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using natter::chat::ServerProfile;
using natter::ui::CommandLine;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

CommandLine::Result parse(QStringList args, const QProcessEnvironment &env = QProcessEnvironment())
{
    args.prepend(S("natter"));
    return CommandLine::parse(args, env);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    // natter --bogus without a display aborted in the Qt platform plugin (exit 134): options are
    // checked before QApplication needs a display. Qt's own options still pass through.
    void badOptionWithoutDisplay_exits2()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        const auto run = [&](const QStringList &args) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(NATTER_APP_PATH), args);
            const bool finished = p.waitForFinished(20000);
            return std::tuple(finished && p.exitStatus() == QProcess::NormalExit, p.exitCode(),
                              QString::fromLocal8Bit(p.readAllStandardError()));
        };
        auto [normal, code, err] = run({S("--bogus")});
        QVERIFY2(normal, qPrintable(err));
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(S("Unknown option")), qPrintable(err));
        QVERIFY2(err.contains(S("bogus")), qPrintable(err));

        std::tie(normal, code, err) = run({S("-platform"), S("offscreen"), S("--user"), S("a b")});
        QVERIFY2(normal, qPrintable(err));
        QCOMPARE(code, 2); // the bad user name, not the Qt option
        QVERIFY2(!err.contains(S("Unknown option")), qPrintable(err));
    }

    // Issue 12, defect 5: --profile with a name that is not saved was silently ignored (the
    // window opened on another profile); now one line says so and natter exits with 2.
    void unknownProfileIsRefused()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(S("XDG_CONFIG_HOME"), home.filePath(S("config")));
        env.insert(S("XDG_DATA_HOME"), home.filePath(S("data")));
        env.insert(S("XDG_RUNTIME_DIR"), home.path());
        env.insert(S("QT_QPA_PLATFORM"), S("offscreen"));
        env.remove(S("DBUS_SESSION_BUS_ADDRESS"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(NATTER_APP_PATH), {S("--profile"), S("nope"), S("--new-instance")});
        const bool finished = p.waitForFinished(15000);
        if (!finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        QVERIFY2(finished, "natter kept running with an unknown --profile");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QStringList lines = err.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.constFirst().startsWith(S("natter: ")), qPrintable(err));
        QVERIFY2(lines.constFirst().contains(S("“nope”")), qPrintable(err));
    }

    void plainStart()
    {
        const auto r = parse({});
        QCOMPARE(r.action, CommandLine::Action::Run);
        QVERIFY(!r.options.autoLogin());
        QVERIFY(!r.options.adHocProfile);
        QCOMPARE(r.options.logLevel, CommandLine::LogLevel::Default);
    }

    void helpAndVersion()
    {
        auto r = parse({S("--help")});
        QCOMPARE(r.action, CommandLine::Action::Help);
        QVERIFY(r.text.contains(S("--profile")));
        QVERIFY(r.text.contains(S("natter")));
        QVERIFY(!r.text.contains(S("<executable_name>")));
        r = parse({S("--version")});
        QCOMPARE(r.action, CommandLine::Action::Version);
        QVERIFY(r.text.startsWith(S("natter ")));
    }

    void profileUserRooms()
    {
        const auto r = parse({S("--profile"), S("work"), S("--user"), S("alice"), S("--room"),
                              S("dev"), S("--room"), S("lobby"), S("--room"), S("dev"),
                              S("--new-instance"), S("--log-level"), S("debug")});
        QCOMPARE(r.action, CommandLine::Action::Run);
        QCOMPARE(r.options.profile, S("work"));
        QCOMPARE(r.options.user, S("alice"));
        QCOMPARE(r.options.rooms, (QStringList{S("dev"), S("lobby")}));
        QVERIFY(r.options.newInstance);
        QVERIFY(r.options.autoLogin());
        QCOMPARE(r.options.logLevel, CommandLine::LogLevel::Debug);
    }

    void adHocSelfHostedWithSecretFromEnvironment()
    {
        QProcessEnvironment env;
        env.insert(S("NATTER_SECRET"), S("app-secret"));
        const auto r = parse({S("--host"), S("127.0.0.1"), S("--port"), S("6001"), S("--no-tls"),
                              S("--key"), S("app-key"), S("--user"), S("bob"), S("--room"),
                              S("lobby")},
                             env);
        QCOMPARE(r.action, CommandLine::Action::Run);
        QVERIFY(r.options.adHocProfile);
        const ServerProfile p = *r.options.adHocProfile;
        QCOMPARE(p.kind, ServerProfile::Kind::SelfHosted);
        QCOMPARE(p.host, S("127.0.0.1"));
        QCOMPARE(p.port, 6001);
        QVERIFY(!p.tls);
        QCOMPARE(p.key, S("app-key"));
        QCOMPARE(p.authMode, ServerProfile::AuthMode::LocalSigning);
        QCOMPARE(p.name, S("127.0.0.1:6001"));
        QCOMPARE(r.options.secret, S("app-secret"));
    }

    void adHocHostedWithEndpoint()
    {
        QProcessEnvironment env;
        env.insert(S("NATTER_AUTH_TOKEN"), S("tok"));
        const auto r = parse({S("--cluster"), S("eu"), S("--key"), S("k"), S("--auth-endpoint"),
                              S("https://example.com/pusher/auth"), S("--profile"), S("prod")},
                             env);
        QCOMPARE(r.action, CommandLine::Action::Run);
        const ServerProfile p = *r.options.adHocProfile;
        QCOMPARE(p.kind, ServerProfile::Kind::Hosted);
        QCOMPARE(p.cluster, S("eu"));
        QVERIFY(p.tls);
        QCOMPARE(p.authMode, ServerProfile::AuthMode::Endpoint);
        QCOMPARE(p.authEndpoint, S("https://example.com/pusher/auth"));
        QCOMPARE(p.name, S("prod"));
        QCOMPARE(r.options.authToken, S("tok"));
        // The secret on the command line works too (but shows in ps).
        const auto s = parse({S("--host"), S("h"), S("--key"), S("k"), S("--secret"), S("x")});
        QCOMPARE(s.action, CommandLine::Action::Run);
        QCOMPARE(s.options.secret, S("x"));
        QCOMPARE(s.options.adHocProfile->port, 443); // TLS by default
    }

    void natterServerWithPasswordFromTheEnvironment()
    {
        QProcessEnvironment env;
        env.insert(S("JOIN_PW"), S("sesame"));
        const auto r = parse({S("--server"), S("http://127.0.0.1:8080"), S("--user"), S("alice"),
                              S("--room"), S("lobby"), S("--password-env"), S("JOIN_PW")},
                             env);
        QCOMPARE(r.action, CommandLine::Action::Run);
        QVERIFY(r.options.autoLogin());
        const ServerProfile p = *r.options.adHocProfile;
        QCOMPARE(p.kind, ServerProfile::Kind::NatterServer);
        QCOMPARE(p.serverUrl, S("http://127.0.0.1:8080"));
        QCOMPARE(p.name, S("Natter server 127.0.0.1:8080"));
        QCOMPARE(r.options.joinPassword, S("sesame"));
        QVERIFY(r.options.secret.isEmpty());
        const auto named = parse(
            {S("--server"), S("https://chat.example.org/natter"), S("--profile"), S("team")});
        QCOMPARE(named.action, CommandLine::Action::Run);
        QCOMPARE(named.options.adHocProfile->name, S("team"));
        QVERIFY(named.options.joinPassword.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown option") << QStringList{S("--bogus")};
        QTest::newRow("bad user") << QStringList{S("--user"), S("bob smith")};
        QTest::newRow("bad room") << QStringList{S("--room"), S("a b")};
        QTest::newRow("bad log level") << QStringList{S("--log-level"), S("loud")};
        QTest::newRow("host and cluster")
            << QStringList{S("--host"), S("h"), S("--cluster"), S("eu"), S("--key"), S("k")};
        QTest::newRow("tls and no-tls")
            << QStringList{S("--host"), S("h"), S("--key"), S("k"), S("--tls"), S("--no-tls")};
        QTest::newRow("bad port") << QStringList{S("--host"), S("h"),     S("--key"),    S("k"),
                                                 S("--port"), S("99999"), S("--secret"), S("s")};
        QTest::newRow("no auth") << QStringList{S("--host"), S("h"), S("--key"), S("k")};
        QTest::newRow("port without host") << QStringList{S("--port"), S("6001")};
        QTest::newRow("positional") << QStringList{S("extra")};
        QTest::newRow("server not a url") << QStringList{S("--server"), S("chat.example.org")};
        QTest::newRow("server and host")
            << QStringList{S("--server"), S("http://a"), S("--host"), S("h"), S("--key"), S("k")};
        QTest::newRow("server and secret")
            << QStringList{S("--server"), S("http://a"), S("--secret"), S("s")};
        QTest::newRow("password env unset")
            << QStringList{S("--server"), S("http://a"), S("--password-env"), S("NOPE_UNSET")};
        QTest::newRow("password env without server") << QStringList{S("--password-env"), S("HOME")};
    }

    void errors()
    {
        QFETCH(QStringList, args);
        const auto r = parse(args);
        QCOMPARE(r.action, CommandLine::Action::Error);
        QVERIFY(!r.text.isEmpty());
    }

    void loggingRules()
    {
        QVERIFY(CommandLine::loggingRules(CommandLine::LogLevel::Default).isEmpty());
        QCOMPARE(CommandLine::loggingRules(CommandLine::LogLevel::Quiet), S("natter.*=false"));
        QVERIFY(CommandLine::loggingRules(CommandLine::LogLevel::Info)
                    .contains(S("natter.*.info=true")));
        QVERIFY(CommandLine::loggingRules(CommandLine::LogLevel::Info)
                    .contains(S("natter.*.debug=false")));
        QCOMPARE(CommandLine::loggingRules(CommandLine::LogLevel::Debug), S("natter.*=true"));
    }
};

QTEST_MAIN(TestCommandLine)
#include "tst_commandline.moc"
