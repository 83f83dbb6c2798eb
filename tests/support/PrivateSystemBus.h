#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A private dbus-daemon standing in for the system bus: started as a child process (stopped by
// PID), DBUS_SYSTEM_BUS_ADDRESS pointing at it, so start() must run before anything in the
// process touches QDBusConnection::systemBus(). It plays logind too: owns org.freedesktop.login1
// and emits Manager.PrepareForSleep like logind does around suspend.
class PrivateSystemBus
{
public:
    PrivateSystemBus();
    ~PrivateSystemBus();

    static bool isAvailable(); // dbus-daemon installed
    bool start(); // false with a reason in error()
    void stop();
    QString address() const { return m_address; }
    QString error() const { return m_error; }

    // Owns org.freedesktop.login1 on a connection of its own and emits
    // org.freedesktop.login1.Manager.PrepareForSleep(sleeping) on /org/freedesktop/login1.
    bool emitPrepareForSleep(bool sleeping);

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    QString m_error;
    bool m_logindConnected = false;
};
