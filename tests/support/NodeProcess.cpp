#include "NodeProcess.h"

#include "SoketiServer.h"

#include <QJsonDocument>
#include <QTest>

#include <csignal>

NodeProcess::NodeProcess()
{
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { readLines(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
                     [this] { m_stderr += QString::fromUtf8(m_process.readAllStandardError()); });
}

NodeProcess::~NodeProcess()
{
    stop();
}

bool NodeProcess::start(const QString &script, const QStringList &arguments)
{
    const QString path = SoketiServer::sourceDir() + QStringLiteral("/tests/node/") + script;
    m_process.start(SoketiServer::nodePath(), QStringList{path} + arguments);
    return m_process.waitForStarted(5000);
}

void NodeProcess::send(const QString &line)
{
    m_process.write(line.toUtf8() + '\n');
}

void NodeProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void NodeProcess::readLines()
{
    m_partial += m_process.readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QByteArray line = m_partial.left(nl).trimmed();
        m_partial.remove(0, nl + 1);
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        m_lines.append(doc.isObject()
                           ? doc.object()
                           : QJsonObject{{QStringLiteral("type"), QStringLiteral("raw")},
                                         {QStringLiteral("text"), QString::fromUtf8(line)}});
    }
}

QList<QJsonObject> NodeProcess::linesOfType(const QString &type) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : m_lines)
        if (o.value(QLatin1String("type")).toString() == type)
            out.append(o);
    return out;
}

int NodeProcess::waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs,
                         int from)
{
    int found = -1;
    QTest::qWaitFor(
        [&] {
            for (int i = from; i < m_lines.size(); ++i) {
                if (match(m_lines.at(i))) {
                    found = i;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

int NodeProcess::waitForType(const QString &type, int timeoutMs, int from)
{
    return waitFor(
        [&type](const QJsonObject &o) { return o.value(QLatin1String("type")).toString() == type; },
        timeoutMs, from);
}

QString NodeProcess::describe() const
{
    QStringList last;
    for (qsizetype i = qMax<qsizetype>(0, m_lines.size() - 10); i < m_lines.size(); ++i)
        last << QString::fromUtf8(QJsonDocument(m_lines.at(i)).toJson(QJsonDocument::Compact));
    return QStringLiteral("last lines:\n%1\nstderr:\n%2").arg(last.join(u'\n'), m_stderr.right(2000));
}
