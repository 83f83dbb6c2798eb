#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace natter::desktop {

// One Natter per (OS user, profile). The first instance listens on a local socket named from a
// hash of both, in the user's runtime dir ($XDG_RUNTIME_DIR, 0700); a second one finds it there,
// asks it to raise its window and exits:
//
//     SingleInstance instance(profileName);
//     if (!newInstanceFlag && !instance.tryAcquire()) { instance.sendRaise(); return 0; }
//     connect(&instance, &SingleInstance::raiseRequested, window, &Window::raiseAndActivate);
//
// ("--new-instance" is the caller's business: it simply does not call tryAcquire().)
// A socket left behind by a crashed instance is detected (connection refused) and replaced; a lock
// file serializes two instances starting at the same moment. The wire protocol is one line,
// "raise\n"; anything else is ignored.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &profile, QObject *parent = nullptr);
    // `directory` replaces the runtime dir (tests).
    SingleInstance(const QString &profile, const QString &directory, QObject *parent = nullptr);
    ~SingleInstance() override;

    // "natter-" + 16 hex digits of SHA-256(uid, user name, profile).
    static QString serverNameFor(const QString &profile);
    QString socketPath() const { return m_socketPath; }

    // True: no other instance answers, this one now listens (or, if listening failed, runs
    // unguarded; see errorString()). False: another instance is running; call sendRaise().
    // Blocks for at most a few hundred ms (a local connect); call it before showing a window.
    bool tryAcquire();
    bool isPrimary() const { return m_server != nullptr; }
    // Asks the running instance to raise its window. False if it could not be told.
    bool sendRaise(int timeoutMs = 2000);
    QString errorString() const { return m_error; }

signals:
    // Another instance asked us to show ourselves.
    void raiseRequested();

private:
    void onNewConnection();

    QString m_directory;
    QString m_socketPath;
    QString m_lockPath;
    QString m_error;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_peer = nullptr; // to the running instance, after tryAcquire() == false
};

} // namespace natter::desktop
