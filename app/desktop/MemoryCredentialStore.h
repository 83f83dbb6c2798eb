#pragma once

#include "CredentialStore.h"

#include <QHash>

namespace natter::desktop {

// Secrets held in this process only, forgotten on exit: the session-only fallback when the system
// keychain is unusable, and the store of tests. Answers asynchronously (on the next event-loop
// turn), like the keychain, so callers cannot come to rely on re-entrant callbacks.
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    ~MemoryCredentialStore() override;

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    // Removing a missing entry succeeds (ok and notFound are both true).
    void remove(const QString &key, Callback done) override;

    // Synchronous helpers (tests, FallbackCredentialStore).
    bool contains(const QString &key) const { return m_values.contains(key); }
    int size() const { return int(m_values.size()); }
    QString valueFor(const QString &key) const { return m_values.value(key); }
    void clear();

private:
    void answer(Callback done, const Result &result);

    QHash<QString, QString> m_values;
};

} // namespace natter::desktop
