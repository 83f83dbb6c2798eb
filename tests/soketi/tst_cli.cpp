// natter-cli listen and trigger against a real soketi: public, private and presence channels,
// events triggered through the REST API by a second natter-cli, both processes exiting 0 with
// nothing on stderr. In the sanitizer build (-DNATTER_SANITIZE=address,...) both programs are
// instrumented and inherit ASAN_OPTIONS/LSAN_OPTIONS from ctest, so a leak, use-after-free or UB
// anywhere in their run (including exit) turns into a non-zero exit code and a report on stderr
// that fails this test.
#include "SoketiServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

namespace {

constexpr int kWait = 30000;

QStringList serverArgs(const SoketiServer &soketi)
{
    return {QStringLiteral("--host"),
            QStringLiteral("127.0.0.1"),
            QStringLiteral("--port"),
            QString::number(soketi.port()),
            QStringLiteral("--no-tls"),
            QStringLiteral("--key"),
            QString::fromLatin1(SoketiServer::Key)};
}

QList<QJsonObject> jsonLines(const QByteArray &text)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : text.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            lines.append(doc.object());
    }
    return lines;
}

QString describe(const QProcess &process, const QByteArray &out, const QByteArray &err)
{
    return QStringLiteral("exit %1 (%2)\n--- stdout\n%3--- stderr\n%4")
        .arg(process.exitCode())
        .arg(process.exitStatus() == QProcess::NormalExit ? QStringLiteral("normal")
                                                          : QStringLiteral("crashed"),
             QString::fromUtf8(out), QString::fromUtf8(err));
}

} // namespace

class TestCliSoketi : public QObject
{
    Q_OBJECT
private:
    SoketiServer m_soketi;

    void start(QProcess &process, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("NATTER_SECRET"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        process.setProcessEnvironment(env);
        process.setProgram(QStringLiteral(NATTER_CLI_PATH));
        process.setArguments(arguments);
        process.start();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(NATTER_CLI_PATH)), NATTER_CLI_PATH);
        // Generous: soketi starts slowly on a loaded CI machine.
        QVERIFY2(m_soketi.start(0, 60000), qPrintable(m_soketi.error()));
    }

    void listenAndTrigger_deliverEveryEventAndExitClean()
    {
        const QStringList channels{QStringLiteral("news"), QStringLiteral("private-room"),
                                   QStringLiteral("presence-room")};
        QProcess listen;
        start(listen,
              QStringList{QStringLiteral("listen")} + serverArgs(m_soketi)
                  + QStringList{QStringLiteral("--secret"),
                                QString::fromLatin1(SoketiServer::Secret),
                                QStringLiteral("--user-id"), QStringLiteral("cli-user"),
                                QStringLiteral("--user-info"), QStringLiteral("{\"name\":\"CLI\"}"),
                                QStringLiteral("--count"), QString::number(channels.size()),
                                QStringLiteral("--timeout"), QStringLiteral("60")}
                  + channels);

        // Subscribed to all three before anything is triggered: soketi does not keep events.
        QByteArray out;
        QSet<QString> subscribed;
        const bool allSubscribed = QTest::qWaitFor(
            [&] {
                out += listen.readAllStandardOutput();
                subscribed.clear();
                for (const QJsonObject &line : jsonLines(out)) {
                    if (line.value(QLatin1String("type")).toString() == QLatin1String("subscribed"))
                        subscribed.insert(line.value(QLatin1String("channel")).toString());
                }
                return subscribed.size() == channels.size()
                    || listen.state() == QProcess::NotRunning;
            },
            kWait);
        QVERIFY2(allSubscribed && subscribed.size() == channels.size(),
                 qPrintable(describe(listen, out, listen.readAllStandardError())));

        for (int i = 0; i < channels.size(); ++i) {
            QProcess trigger;
            start(trigger,
                  QStringList{QStringLiteral("trigger")} + serverArgs(m_soketi)
                      + QStringList{QStringLiteral("--app-id"),
                                    QString::fromLatin1(SoketiServer::AppId),
                                    QStringLiteral("--secret"),
                                    QString::fromLatin1(SoketiServer::Secret), channels.at(i),
                                    QStringLiteral("tick"), QStringLiteral("{\"seq\":%1}").arg(i)});
            QVERIFY(QTest::qWaitFor([&] { return trigger.state() == QProcess::NotRunning; }, kWait));
            const QByteArray tout = trigger.readAllStandardOutput();
            const QByteArray terr = trigger.readAllStandardError();
            QVERIFY2(trigger.exitStatus() == QProcess::NormalExit && trigger.exitCode() == 0
                         && terr.trimmed().isEmpty(),
                     qPrintable(describe(trigger, tout, terr)));
        }

        QVERIFY(QTest::qWaitFor([&] { return listen.state() == QProcess::NotRunning; }, kWait));
        out += listen.readAllStandardOutput();
        const QByteArray err = listen.readAllStandardError();
        QVERIFY2(listen.exitStatus() == QProcess::NormalExit && listen.exitCode() == 0
                     && err.trimmed().isEmpty(),
                 qPrintable(describe(listen, out, err)));

        QMap<QString, int> seqByChannel;
        for (const QJsonObject &line : jsonLines(out)) {
            if (line.value(QLatin1String("type")).toString() != QLatin1String("event"))
                continue;
            QCOMPARE(line.value(QLatin1String("event")).toString(), QStringLiteral("tick"));
            seqByChannel.insert(
                line.value(QLatin1String("channel")).toString(),
                line.value(QLatin1String("data")).toObject().value(QLatin1String("seq")).toInt(-1));
        }
        QCOMPARE(seqByChannel.size(), channels.size());
        for (int i = 0; i < channels.size(); ++i)
            QCOMPARE(seqByChannel.value(channels.at(i), -1), i);
    }

    void cleanupTestCase() { m_soketi.stop(); }
};

QTEST_GUILESS_MAIN(TestCliSoketi)
#include "tst_cli.moc"
