#pragma once

#include <chat/ServerProfile.h>
#include <desktop/CredentialStore.h>

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QSettings;

namespace natter::ui {

// Where a profile's secrets (the auth endpoint's bearer token, the app secret for local
// signing) are kept:
//  - normally in the CredentialStore (the system keychain), always asynchronously;
//  - if the keychain fails, in memory for this run only (keychainUnavailable() is emitted so
//    the window can show its banner);
//  - in plain text in QSettings only when the profile says so (allowPlainTextSecret, an
//    explicit choice in Settings), under the group "UnencryptedSecrets".
// Writing to one place removes the copy from the other, so a secret never lingers in plain text
// after the user turned the option off.
class ProfileSecrets : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Token, AppSecret };
    struct Result
    {
        bool ok = false;
        bool notFound = false;
        bool sessionOnly = false; // kept in memory only (the keychain failed)
        QString value;
        QString error;
    };
    using Callback = std::function<void(const Result &)>;

    // Neither is owned; both must outlive this object.
    ProfileSecrets(natter::desktop::CredentialStore *store, QSettings *settings,
                   QObject *parent = nullptr);

    // The secret a profile needs to log in (AppSecret for local signing, Token for an endpoint).
    static Kind kindFor(const natter::chat::ServerProfile &profile);
    static QString keychainKey(const natter::chat::ServerProfile &profile, Kind kind);
    // "UnencryptedSecrets/<profile>/app-secret" or ".../bearer-token" in QSettings.
    static QString plainTextKey(const QString &profileName, Kind kind);

    void read(const natter::chat::ServerProfile &profile, Kind kind, Callback done);
    void write(const natter::chat::ServerProfile &profile, Kind kind, const QString &value,
               Callback done);
    // Forgets the secret everywhere (keychain, memory, plain text).
    void remove(const natter::chat::ServerProfile &profile, Kind kind, Callback done);
    // Moves the secrets of a renamed profile (what exists under the old name) to the new name.
    void rename(const natter::chat::ServerProfile &from, const natter::chat::ServerProfile &to,
                Callback done);

    bool isSessionOnly(const natter::chat::ServerProfile &profile, Kind kind) const;
    bool keychainFailed() const { return !m_failure.isEmpty(); }
    QString keychainFailure() const { return m_failure; }

signals:
    void keychainUnavailable(const QString &reason);

private:
    void noteFailure(const QString &reason);
    void renameStep(const natter::chat::ServerProfile &from, const natter::chat::ServerProfile &to,
                    int step, Callback done);

    QPointer<natter::desktop::CredentialStore> m_store;
    QSettings *m_settings;
    QHash<QString, QString> m_memory; // keychain key -> value, when the keychain failed
    QString m_failure;
};

} // namespace natter::ui
