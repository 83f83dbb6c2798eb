#include "ProfileSecrets.h"

#include "LogUi.h"

#include <desktop/FallbackCredentialStore.h>

#include <QSettings>
#include <QUrl>

namespace natter::ui {

using natter::chat::ServerProfile;
using natter::desktop::CredentialStore;
using natter::desktop::FallbackCredentialStore;

ProfileSecrets::ProfileSecrets(CredentialStore *store, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_settings(settings)
{
    if (auto *fallback = qobject_cast<FallbackCredentialStore *>(store))
        connect(fallback, &FallbackCredentialStore::keychainUnavailable, this,
                &ProfileSecrets::noteFailure);
}

ProfileSecrets::Kind ProfileSecrets::kindFor(const ServerProfile &profile)
{
    // A natter-server profile holds its session token, never an app secret.
    return profile.authMode == ServerProfile::AuthMode::LocalSigning
            && profile.kind != ServerProfile::Kind::NatterServer
        ? Kind::AppSecret
        : Kind::Token;
}

QString ProfileSecrets::keychainKey(const ServerProfile &profile, Kind kind)
{
    return kind == Kind::Token ? profile.tokenKey() : profile.secretKey();
}

QString ProfileSecrets::plainTextKey(const QString &profileName, Kind kind)
{
    return QStringLiteral("UnencryptedSecrets/%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(profileName)),
             kind == Kind::Token ? QStringLiteral("bearer-token") : QStringLiteral("app-secret"));
}

void ProfileSecrets::noteFailure(const QString &reason)
{
    const bool first = m_failure.isEmpty();
    m_failure = reason.isEmpty() ? tr("the keychain did not answer") : reason;
    qCWarning(lcUi) << "keychain unavailable:" << m_failure;
    if (first || !reason.isEmpty())
        emit keychainUnavailable(m_failure);
}

bool ProfileSecrets::isSessionOnly(const ServerProfile &profile, Kind kind) const
{
    const QString key = keychainKey(profile, kind);
    if (m_memory.contains(key))
        return true;
    if (auto *fallback = qobject_cast<FallbackCredentialStore *>(m_store.data()))
        return fallback->isSessionOnly(key);
    return false;
}

void ProfileSecrets::read(const ServerProfile &profile, Kind kind, Callback done)
{
    const QString plainKey = plainTextKey(profile.name, kind);
    if (profile.allowPlainTextSecret && m_settings->contains(plainKey)) {
        Result r;
        r.ok = true;
        r.value = m_settings->value(plainKey).toString();
        done(r);
        return;
    }
    const QString key = keychainKey(profile, kind);
    if (m_memory.contains(key) || !m_store) {
        Result r;
        r.ok = m_memory.contains(key);
        r.notFound = !r.ok;
        r.sessionOnly = r.ok;
        r.value = m_memory.value(key);
        done(r);
        return;
    }
    QPointer<ProfileSecrets> self(this);
    m_store->read(key, [self, done, key](const CredentialStore::Result &result) {
        if (!self)
            return;
        Result r;
        r.ok = result.ok;
        r.notFound = result.notFound;
        r.value = result.value;
        r.error = result.error;
        if (!result.ok && !result.notFound)
            self->noteFailure(result.error);
        r.sessionOnly = result.ok && self->m_store
            && qobject_cast<FallbackCredentialStore *>(self->m_store.data())
            && static_cast<FallbackCredentialStore *>(self->m_store.data())->isSessionOnly(key);
        done(r);
    });
}

void ProfileSecrets::write(const ServerProfile &profile, Kind kind, const QString &value,
                           Callback done)
{
    const QString key = keychainKey(profile, kind);
    const QString plainKey = plainTextKey(profile.name, kind);
    QPointer<ProfileSecrets> self(this);
    if (profile.allowPlainTextSecret) {
        // The user's explicit choice (Settings warns about it): readable by anyone who can read
        // the settings file.
        m_settings->setValue(plainKey, value);
        m_settings->sync();
        m_memory.remove(key);
        qCInfo(lcUi) << "stored a secret of profile" << profile.name
                     << "in plain text, as chosen in Settings";
        if (m_store)
            m_store->remove(key, [](const CredentialStore::Result &) {});
        Result r;
        r.ok = true;
        done(r);
        return;
    }
    if (m_settings->contains(plainKey)) {
        m_settings->remove(plainKey);
        m_settings->sync();
    }
    if (!m_store) {
        m_memory.insert(key, value);
        Result r;
        r.ok = true;
        r.sessionOnly = true;
        done(r);
        return;
    }
    m_store->write(key, value, [self, done, key, value](const CredentialStore::Result &result) {
        if (!self)
            return;
        Result r;
        r.ok = true;
        if (result.ok) {
            self->m_memory.remove(key);
            if (auto *fallback = qobject_cast<FallbackCredentialStore *>(self->m_store.data()))
                r.sessionOnly = fallback->isSessionOnly(key);
        } else {
            // Keep it for this run; the banner tells the user it will not be remembered.
            self->m_memory.insert(key, value);
            r.sessionOnly = true;
            r.error = result.error;
            self->noteFailure(result.error);
        }
        done(r);
    });
}

void ProfileSecrets::remove(const ServerProfile &profile, Kind kind, Callback done)
{
    const QString key = keychainKey(profile, kind);
    m_memory.remove(key);
    const QString plainKey = plainTextKey(profile.name, kind);
    if (m_settings->contains(plainKey)) {
        m_settings->remove(plainKey);
        m_settings->sync();
    }
    if (!m_store) {
        Result r;
        r.ok = true;
        done(r);
        return;
    }
    QPointer<ProfileSecrets> self(this);
    m_store->remove(key, [self, done](const CredentialStore::Result &result) {
        if (!self)
            return;
        Result r;
        r.ok = result.ok || result.notFound;
        r.error = result.error;
        done(r);
    });
}

void ProfileSecrets::rename(const ServerProfile &from, const ServerProfile &to, Callback done)
{
    if (from.name == to.name) {
        Result r;
        r.ok = true;
        done(r);
        return;
    }
    renameStep(from, to, 0, std::move(done));
}

void ProfileSecrets::renameStep(const ServerProfile &from, const ServerProfile &to, int step,
                                Callback done)
{
    // Both kinds, one after the other; each is moved only if it exists.
    if (step > 1) {
        Result r;
        r.ok = true;
        done(r);
        return;
    }
    const Kind kind = step == 0 ? Kind::Token : Kind::AppSecret;
    ServerProfile old = from;
    old.allowPlainTextSecret = true; // look in the plain-text group too
    QPointer<ProfileSecrets> self(this);
    read(old, kind, [self, from, to, kind, step, done](const Result &found) {
        if (!self)
            return;
        if (!found.ok) {
            self->renameStep(from, to, step + 1, done);
            return;
        }
        self->write(to, kind, found.value, [self, from, to, kind, step, done](const Result &) {
            if (!self)
                return;
            self->remove(from, kind, [self, from, to, step, done](const Result &) {
                if (self)
                    self->renameStep(from, to, step + 1, done);
            });
        });
    });
}

} // namespace natter::ui
