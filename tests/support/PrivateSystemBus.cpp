#include "PrivateSystemBus.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>

namespace {
const QString kLogindConnection = QStringLiteral("natter-test-fake-logind");

QString daemonPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
}
} // namespace

PrivateSystemBus::PrivateSystemBus() = default;

PrivateSystemBus::~PrivateSystemBus()
{
    stop();
}

bool PrivateSystemBus::isAvailable()
{
    return !daemonPath().isEmpty();
}

bool PrivateSystemBus::start()
{
    if (!isAvailable() || !m_dir.isValid()) {
        m_error = QStringLiteral("dbus-daemon is not installed");
        return false;
    }
    QFile conf(m_dir.filePath(QStringLiteral("system-bus.conf")));
    if (!conf.open(QIODevice::WriteOnly)) {
        m_error = conf.errorString();
        return false;
    }
    conf.write(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>custom</type><listen>unix:dir="
        + QFile::encodeName(m_dir.path())
        + "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
          "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
          "<allow own=\"*\"/></policy></busconfig>\n");
    conf.close();
    m_daemon.setProgram(daemonPath());
    m_daemon.setArguments({QStringLiteral("--config-file=") + conf.fileName(),
                           QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    m_daemon.start();
    if (!m_daemon.waitForStarted(5000)) {
        m_error = m_daemon.errorString();
        return false;
    }
    QElapsedTimer t;
    t.start();
    while (!m_daemon.canReadLine() && t.elapsed() < 5000)
        m_daemon.waitForReadyRead(100); // a child's pipe, before any event loop work
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    if (m_address.isEmpty()) {
        m_error = QString::fromUtf8(m_daemon.readAllStandardError());
        return false;
    }
    qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
    return true;
}

void PrivateSystemBus::stop()
{
    if (m_logindConnected) {
        QDBusConnection::disconnectFromBus(kLogindConnection);
        m_logindConnected = false;
    }
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate(); // its own PID
        if (!m_daemon.waitForFinished(3000))
            m_daemon.kill();
    }
}

bool PrivateSystemBus::emitPrepareForSleep(bool sleeping)
{
    if (m_address.isEmpty())
        return false;
    QDBusConnection logind = QDBusConnection::connectToBus(m_address, kLogindConnection);
    if (!logind.isConnected())
        return false;
    if (!m_logindConnected) {
        m_logindConnected = true;
        if (!logind.registerService(QStringLiteral("org.freedesktop.login1")))
            return false;
    }
    QDBusMessage m = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/login1"),
                                                QStringLiteral("org.freedesktop.login1.Manager"),
                                                QStringLiteral("PrepareForSleep"));
    m << sleeping;
    return logind.send(m);
}
