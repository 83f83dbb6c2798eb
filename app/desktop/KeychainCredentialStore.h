#pragma once

#include "CredentialStore.h"

#include <QHash>

namespace QKeychain {
class Job;
}

class QTimer;

namespace natter::desktop {

// The OS keychain through QtKeychain (Secret Service / KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows), service "natter". Every request runs as a self-deleting job and
// answers exactly once: with the job's result, or with an error when the job has not finished
// after timeout() (a locked keychain showing a password prompt, a hung secret service). A job that
// finishes after its timeout is ignored. Never blocks.
//
// Note: QtKeychain runs its jobs one after the other, so while one job hangs, later requests queue
// behind it and time out as well.
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 5000;

    explicit KeychainCredentialStore(QObject *parent = nullptr);
    explicit KeychainCredentialStore(const QString &service, QObject *parent = nullptr);
    // Pending requests are dropped unanswered: their callbacks may capture the owner being torn down.
    ~KeychainCredentialStore() override;

    QString service() const { return m_service; }
    int timeout() const { return m_timeoutMs; }
    void setTimeout(int ms); // applies to requests started afterwards; <= 0 means the default

    // Read: ok + value, or notFound, or an error. Remove: a missing entry counts as removed (ok;
    // notFound too when the backend says so - libsecret does not, it just succeeds).
    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

    int pendingCount() const { return int(m_pending.size()); }

    // The sentence shown to the user for a QtKeychain error code and its detail text.
    static QString messageFor(int keychainError, const QString &detail);
    static QString timeoutMessage(int ms);

protected:
    // Starts the job (QtKeychain queues it). A seam for tests that need a job to hang.
    virtual void startJob(QKeychain::Job *job);

private:
    enum class Op { Read, Write, Remove };
    struct Pending
    {
        Op op;
        Callback done;
        QTimer *timer = nullptr;
    };

    void track(QKeychain::Job *job, Op op, Callback done);
    void onFinished(quint64 id, QKeychain::Job *job);
    void onTimeout(quint64 id);
    void answer(Callback done, const Result &result);

    QString m_service;
    int m_timeoutMs = DefaultTimeoutMs;
    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
};

} // namespace natter::desktop
