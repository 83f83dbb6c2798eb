#include "FallbackCredentialStore.h"

#include "LogDesktop.h"
#include "MemoryCredentialStore.h"

#include <QPointer>
#include <QTimer>

namespace natter::desktop {

FallbackCredentialStore::FallbackCredentialStore(CredentialStore *keychain, QObject *parent)
    : CredentialStore(parent)
    , m_keychain(keychain)
    , m_memory(new MemoryCredentialStore(this))
{
    Q_ASSERT(keychain);
    m_keychain->setParent(this);
}

FallbackCredentialStore::~FallbackCredentialStore() = default;

bool FallbackCredentialStore::isSessionOnly(const QString &key) const
{
    return m_memory->contains(key);
}

void FallbackCredentialStore::answer(Callback done, const Result &result)
{
    if (done)
        done(result); // already on a fresh event-loop turn: the inner stores answer queued
}

void FallbackCredentialStore::markFailed(const QString &reason)
{
    m_reason = reason;
    if (!m_available)
        return;
    m_available = false;
    qCWarning(lcDesktop).noquote()
        << "keychain unavailable, secrets kept for this session only:" << reason;
    emit keychainAvailableChanged(false);
    emit keychainUnavailable(reason);
}

void FallbackCredentialStore::markWorking()
{
    if (m_available)
        return;
    m_available = true;
    m_reason.clear();
    qCInfo(lcDesktop) << "keychain available again";
    emit keychainAvailableChanged(true);
}

void FallbackCredentialStore::read(const QString &key, Callback done)
{
    if (m_memory->contains(key)) {
        m_memory->read(key, std::move(done));
        return;
    }
    QPointer<FallbackCredentialStore> self(this);
    m_keychain->read(key, [self, done = std::move(done)](const Result &r) {
        if (!self)
            return;
        if (r.ok || r.notFound)
            self->markWorking();
        else
            self->markFailed(r.error);
        self->answer(done, r);
    });
}

void FallbackCredentialStore::write(const QString &key, const QString &value, Callback done)
{
    QPointer<FallbackCredentialStore> self(this);
    m_keychain->write(key, value, [self, key, value, done = std::move(done)](const Result &r) {
        if (!self)
            return;
        if (r.ok) {
            self->markWorking();
            self->m_memory->remove(key, {});
            self->answer(done, r);
            return;
        }
        self->markFailed(r.error);
        self->m_memory->write(key, value, {}); // synchronous insert; only its answer is queued
        Result kept;
        kept.ok = true;
        self->answer(done, kept);
    });
}

void FallbackCredentialStore::remove(const QString &key, Callback done)
{
    m_memory->remove(key, {});
    QPointer<FallbackCredentialStore> self(this);
    m_keychain->remove(key, [self, done = std::move(done)](const Result &r) {
        if (!self)
            return;
        if (r.ok)
            self->markWorking();
        else
            self->markFailed(r.error);
        self->answer(done, r);
    });
}

} // namespace natter::desktop
