// The natter-cli test rig shared by tst_cli and tst_clitrigger: the built binary
// (NATTER_CLI_PATH) in a QProcess, what it printed, and a REST signature check as a server does it.
#pragma once

#include "FakeHttpServer.h"
#include "FakePusherServer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

namespace clirig {

inline const QString Key = QStringLiteral("cli-key");
// Distinctive, so a leak cannot hide behind a common word.
inline const QString Secret = QStringLiteral("s3cr3t-7ad3773142a6692b25b8");

struct Run
{
    int exitCode = -1;
    bool finished = false;
    qint64 ms = 0;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines; // stdout, one JSON object per line
    bool allLinesJson = true;

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &line : lines) {
            if (line.value(QLatin1String("type")).toString() == type)
                found.append(line);
        }
        return found;
    }
    QStringList types() const
    {
        QStringList t;
        for (const QJsonObject &line : lines)
            t.append(line.value(QLatin1String("type")).toString());
        return t;
    }
    QString describe() const
    {
        return QStringLiteral("exit %1%2\n--- stdout\n%3--- stderr\n%4")
            .arg(exitCode)
            .arg(finished ? QString() : QStringLiteral(" (did not finish)"), QString::fromUtf8(out),
                 QString::fromUtf8(err));
    }
};

// Starts natter-cli; the caller spins the event loop (the fake servers live in this thread).
class Cli
{
public:
    explicit Cli(const QStringList &arguments,
                 const QList<QPair<QString, QString>> &environment = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("NATTER_SECRET"));
        env.remove(QStringLiteral("NATTER_AUTH_HEADER"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        for (const auto &[name, value] : environment)
            env.insert(name, value);
        m_process.setProcessEnvironment(env);
        m_process.setProgram(QStringLiteral(NATTER_CLI_PATH));
        m_process.setArguments(arguments);
        m_timer.start();
        m_process.start();
    }
    ~Cli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill(); // this process only, by its handle
            m_process.waitForFinished(2000);
        }
    }

    QProcess &process() { return m_process; }

    Run wait(int timeoutMs = 10000)
    {
        Run run;
        run.finished = QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; },
                                       timeoutMs);
        run.ms = m_timer.elapsed();
        if (!run.finished) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
        run.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        run.out = m_process.readAllStandardOutput();
        run.err = m_process.readAllStandardError();
        for (const QByteArray &line : run.out.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (!doc.isObject()) {
                run.allLinesJson = false;
                continue;
            }
            run.lines.append(doc.object());
        }
        return run;
    }

private:
    QProcess m_process;
    QElapsedTimer m_timer;
};

inline QStringList serverArgs(const FakePusherServer &server)
{
    return {QStringLiteral("--host"),
            QStringLiteral("127.0.0.1"),
            QStringLiteral("--port"),
            QString::number(server.port()),
            QStringLiteral("--no-tls"),
            QStringLiteral("--key"),
            Key};
}

inline QStringList nonEmptyLines(const QByteArray &text)
{
    QStringList lines;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QString::fromUtf8(line));
    }
    return lines;
}

// The CLI's own message: one "natter-cli: ..." line (library warnings may come before it).
inline QStringList cliMessages(const QByteArray &err)
{
    return nonEmptyLines(err).filter(QRegularExpression(QStringLiteral("^natter-cli: ")));
}

// The REST API's signature check as a server does it, independent of Signer.
inline QString restVerdict(const FakeHttpServer::Request &request, const QByteArray &secret)
{
    QList<QPair<QString, QString>> items = request.queryItems();
    QString signature;
    for (qsizetype i = items.size() - 1; i >= 0; --i) {
        if (items.at(i).first == QLatin1String("auth_signature"))
            signature = items.takeAt(i).second;
    }
    if (signature.isEmpty())
        return QStringLiteral("no auth_signature");
    std::sort(items.begin(), items.end());
    QStringList pairs;
    QString bodyMd5;
    for (const auto &[key, value] : items) {
        pairs.append(key + QLatin1Char('=') + value);
        if (key == QLatin1String("body_md5"))
            bodyMd5 = value;
    }
    if (bodyMd5.toLatin1()
        != QCryptographicHash::hash(request.body, QCryptographicHash::Md5).toHex())
        return QStringLiteral("body_md5 mismatch");
    const QByteArray toSign = request.method + '\n' + request.path + '\n'
        + pairs.join(QLatin1Char('&')).toUtf8();
    const QByteArray expected
        = QMessageAuthenticationCode::hash(toSign, secret, QCryptographicHash::Sha256).toHex();
    return signature.toLatin1() == expected
        ? QStringLiteral("ok")
        : QStringLiteral("bad signature for ") + QString::fromUtf8(toSign);
}

inline void checkNoSecret(const Run &run)
{
    QVERIFY2(!run.out.contains(Secret.toUtf8()), "the secret appeared on stdout");
    QVERIFY2(!run.err.contains(Secret.toUtf8()), "the secret appeared on stderr");
}

} // namespace clirig

using namespace clirig;
