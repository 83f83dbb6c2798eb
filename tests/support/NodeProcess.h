#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>

#include <functional>

// A Node.js helper from tests/node (the official pusher-js and pusher packages) run as a peer:
// its stdout is one JSON object per line, collected here; commands go to its stdin.
class NodeProcess
{
public:
    NodeProcess();
    ~NodeProcess();

    bool start(const QString &script, const QStringList &arguments);
    void send(const QString &line);
    void closeInput() { m_process.closeWriteChannel(); }
    void stop(); // by PID: SIGTERM, then SIGKILL
    bool waitFinished(int timeoutMs) { return m_process.waitForFinished(timeoutMs); }

    const QList<QJsonObject> &lines() const { return m_lines; }
    QList<QJsonObject> linesOfType(const QString &type) const;
    // Waits (spinning the event loop) for a line matching `match`, searching from `from`.
    // Returns its index or -1 on timeout.
    int waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 10000,
                int from = 0);
    int waitForType(const QString &type, int timeoutMs = 10000, int from = 0);
    QString stderrText() const { return m_stderr; }
    QString describe() const; // the last lines and stderr, for failure messages

private:
    void readLines();

    QProcess m_process;
    QByteArray m_partial;
    QList<QJsonObject> m_lines;
    QString m_stderr;
};
