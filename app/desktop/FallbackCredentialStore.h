#pragma once

#include "CredentialStore.h"

namespace natter::desktop {

class MemoryCredentialStore;

// The app's policy for secrets: the system keychain first; when it fails (locked, no secret
// service, timeout) a written secret is kept in memory for this run only, and
// keychainUnavailable() tells the UI to show a non-modal banner ("your login will not be
// remembered"). Secrets are never written to disk in plain text here.
//
// write(): keychain ok -> ok; keychain error -> kept in memory, answered ok (the caller can go on
//          logging in), isSessionOnly(key) is true.
// read():  a session-only secret from memory first, else the keychain's answer (an error is
//          passed on: the caller asks the user again).
// remove(): forgets the session-only copy and removes the keychain entry; answers the keychain's
//          result (a missing entry counts as removed).
// The keychain is asked on every request (it may have been unlocked meanwhile); a success after a
// failure emits keychainAvailableChanged(true) and clears unavailableReason().
class FallbackCredentialStore : public CredentialStore
{
    Q_OBJECT
    Q_PROPERTY(bool keychainAvailable READ keychainAvailable NOTIFY keychainAvailableChanged)
public:
    // Takes ownership of `keychain` (reparented to this).
    explicit FallbackCredentialStore(CredentialStore *keychain, QObject *parent = nullptr);
    ~FallbackCredentialStore() override;

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

    bool keychainAvailable() const { return m_available; }
    QString unavailableReason() const { return m_reason; }
    bool isSessionOnly(const QString &key) const;
    CredentialStore *keychain() const { return m_keychain; }

signals:
    // Emitted when the keychain first fails (and again after it recovered and failed anew).
    void keychainUnavailable(const QString &reason);
    void keychainAvailableChanged(bool available);

private:
    void markFailed(const QString &reason);
    void markWorking();
    void answer(Callback done, const Result &result);

    CredentialStore *m_keychain;
    MemoryCredentialStore *m_memory;
    bool m_available = true;
    QString m_reason;
};

} // namespace natter::desktop
