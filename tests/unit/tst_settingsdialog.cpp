// Settings: profiles round-trip through ProfileStore; secrets go to the CredentialStore, never to
// QSettings; a failing keychain shows the banner and keeps the secret in memory; plain text only
// after the explicit opt-in (and removed again when it is turned off); a Natter server profile is
// only its address, checked inline while typing.
#include "KeychainBanner.h"
#include "ProfileEditor.h"
#include "ProfileSecrets.h"
#include "SettingsDialog.h"

#include <chat/ProfileStore.h>
#include <desktop/FallbackCredentialStore.h>
#include <desktop/MemoryCredentialStore.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using natter::chat::ProfileStore;
using natter::chat::ServerProfile;
using natter::desktop::CredentialStore;
using natter::desktop::FallbackCredentialStore;
using natter::desktop::MemoryCredentialStore;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

// A keychain that is locked: every call fails (asynchronously, like the real one).
class LockedKeychain : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    void read(const QString &, Callback done) override { fail(std::move(done)); }
    void write(const QString &, const QString &, Callback done) override
    {
        ++writes;
        fail(std::move(done));
    }
    void remove(const QString &, Callback done) override { fail(std::move(done)); }
    int writes = 0;

private:
    void fail(Callback done)
    {
        QTimer::singleShot(0, this, [done] {
            Result r;
            r.error = S("The keychain is locked.");
            done(r);
        });
    }
};

namespace {

struct Rig
{
    explicit Rig(CredentialStore *store = nullptr)
    {
        path = dir.filePath(S("natter.conf"));
        settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
        profiles = std::make_unique<ProfileStore>(settings.get());
        if (!store)
            store = memory = new MemoryCredentialStore;
        credentials.reset(store);
        secrets = std::make_unique<ProfileSecrets>(credentials.get(), settings.get());
        dialog = std::make_unique<SettingsDialog>(profiles.get(), secrets.get());
        dialog->show();
    }
    ~Rig() { dialog.reset(); }

    ProfileEditor *editor() const { return dialog->editor(); }
    void fillLocalProfile(const QString &name, const QString &secret)
    {
        dialog->startNewProfile();
        editor()->nameField()->setText(name);
        editor()->kindBox()->setCurrentIndex(
            editor()->kindBox()->findData(int(ServerProfile::Kind::SelfHosted)));
        editor()->keyField()->setText(S("app-key"));
        editor()->hostField()->setText(S("127.0.0.1"));
        editor()->portBox()->setValue(6010);
        editor()->tlsBox()->setChecked(false);
        editor()->pathPrefixField()->setText(S("/ws"));
        editor()->authBox()->setCurrentIndex(
            editor()->authBox()->findData(int(ServerProfile::AuthMode::LocalSigning)));
        editor()->appSecretField()->setText(secret);
    }
    bool save()
    {
        QSignalSpy finished(dialog.get(), &SettingsDialog::saveFinished);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        if (finished.isEmpty() && !finished.wait(2000))
            return false;
        return finished.last().at(1).toBool();
    }
    QByteArray settingsFile()
    {
        settings->sync();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }
    ProfileSecrets::Result readSecret(const ServerProfile &p)
    {
        ProfileSecrets::Result out;
        bool done = false;
        secrets->read(p, ProfileSecrets::kindFor(p), [&](const ProfileSecrets::Result &r) {
            out = r;
            done = true;
        });
        for (int i = 0; i < 200 && !done; ++i)
            QTest::qWait(10);
        out.error = done ? out.error : S("no answer");
        return out;
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ProfileStore> profiles;
    MemoryCredentialStore *memory = nullptr;
    std::unique_ptr<CredentialStore> credentials;
    std::unique_ptr<ProfileSecrets> secrets;
    std::unique_ptr<SettingsDialog> dialog;
};

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void selfHostedRoundTrip()
    {
        Rig rig;
        rig.fillLocalProfile(S("dev"), S("s3cret-value"));
        rig.editor()->caFileField()->setText(S("/etc/ssl/dev-ca.pem"));
        QVERIFY(rig.save());
        const auto p = rig.profiles->profile(S("dev"));
        QVERIFY(p);
        QCOMPARE(p->kind, ServerProfile::Kind::SelfHosted);
        QCOMPARE(p->key, S("app-key"));
        QCOMPARE(p->host, S("127.0.0.1"));
        QCOMPARE(p->port, 6010);
        QVERIFY(!p->tls);
        QCOMPARE(p->pathPrefix, S("/ws"));
        QCOMPARE(p->caFile, S("/etc/ssl/dev-ca.pem"));
        QCOMPARE(p->authMode, ServerProfile::AuthMode::LocalSigning);
        QVERIFY(!p->allowPlainTextSecret);
        // The secret is in the credential store, not in the settings file.
        QCOMPARE(rig.memory->valueFor(p->secretKey()), S("s3cret-value"));
        QVERIFY(!rig.settingsFile().contains("s3cret-value"));
        QVERIFY(rig.dialog->statusLabel()->text().startsWith(S("Saved")));
        QVERIFY(!rig.dialog->banner()->isVisible());
        QCOMPARE(rig.dialog->profileList()->count(), 1);

        // Shown again: fields from the store, the secret field empty with a "stored" note.
        rig.dialog->selectProfile(S("dev"));
        QCOMPARE(rig.editor()->hostField()->text(), S("127.0.0.1"));
        QCOMPARE(rig.editor()->portBox()->value(), 6010);
        QVERIFY(rig.editor()->appSecretField()->text().isEmpty());
        QTRY_VERIFY(rig.editor()->appSecretField()->placeholderText().contains(S("keychain")));
        QVERIFY(rig.editor()->localSigningWarning()->isVisible());
        QVERIFY(rig.editor()->localSigningWarning()->text().contains(S("never with a shared")));

        // Saving again without typing keeps the stored secret.
        rig.editor()->hostField()->setText(S("localhost"));
        QVERIFY(rig.save());
        QCOMPARE(rig.profiles->profile(S("dev"))->host, S("localhost"));
        QCOMPARE(rig.memory->valueFor(p->secretKey()), S("s3cret-value"));
    }

    void hostedWithEndpointAndToken()
    {
        Rig rig;
        rig.dialog->startNewProfile();
        auto *e = rig.editor();
        e->nameField()->setText(S("prod"));
        e->kindBox()->setCurrentIndex(e->kindBox()->findData(int(ServerProfile::Kind::Hosted)));
        QVERIFY(e->clusterBox()->isVisible());
        QVERIFY(!e->hostField()->isVisible());
        e->keyField()->setText(S("abc123"));
        e->clusterBox()->setCurrentText(S("eu"));
        e->authBox()->setCurrentIndex(
            e->authBox()->findData(int(ServerProfile::AuthMode::Endpoint)));
        e->endpointField()->setText(S("not a url"));
        QVERIFY(!rig.save());
        QVERIFY(!rig.dialog->statusLabel()->text().isEmpty());
        QVERIFY(!rig.profiles->profile(S("prod")));
        // A credential in the URL would be saved unencrypted: refused, pointing to the token.
        for (const char *url : {"https://example.com/pusher/auth?token=url-secret-1",
                                "https://example.com/pusher/auth?t=url-secret-1",
                                "https://me:url-secret-1@example.com/pusher/auth"}) {
            e->endpointField()->setText(S(url));
            QVERIFY2(!rig.save(), url);
            QVERIFY(rig.dialog->statusLabel()->text().contains(S("Bearer token")));
            QVERIFY(!rig.profiles->profile(S("prod")));
            QVERIFY(!rig.settingsFile().contains("url-secret-1"));
        }
        e->endpointField()->setText(S("https://example.com/pusher/auth"));
        e->tokenField()->setText(S("bearer-xyz"));
        QVERIFY(rig.save());
        const auto p = rig.profiles->profile(S("prod"));
        QVERIFY(p);
        QCOMPARE(p->kind, ServerProfile::Kind::Hosted);
        QCOMPARE(p->cluster, S("eu"));
        QVERIFY(p->tls);
        QCOMPARE(p->authEndpoint, S("https://example.com/pusher/auth"));
        QCOMPARE(rig.memory->valueFor(p->tokenKey()), S("bearer-xyz"));
        QVERIFY(!rig.settingsFile().contains("bearer-xyz"));
    }

    void plainHttpEndpointWarnsExceptOnLoopback_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("warns");
        QTest::newRow("https") << S("https://example.com/pusher/auth") << false;
        QTest::newRow("http remote") << S("http://example.com/pusher/auth") << true;
        QTest::newRow("HTTP upper case") << S("HTTP://10.0.0.5:8080/auth") << true;
        QTest::newRow("http 127.0.0.1") << S("http://127.0.0.1:3000/pusher/auth") << false;
        QTest::newRow("http 127.8.9.10") << S("http://127.8.9.10/auth") << false;
        QTest::newRow("http localhost") << S("http://localhost:3000/pusher/auth") << false;
        QTest::newRow("http [::1]") << S("http://[::1]:3000/pusher/auth") << false;
        QTest::newRow("http localhost.evil.com") << S("http://localhost.evil.com/auth") << true;
    }

    void plainHttpEndpointWarnsExceptOnLoopback()
    {
        QFETCH(QString, endpoint);
        QFETCH(bool, warns);
        Rig rig;
        rig.dialog->startNewProfile();
        auto *e = rig.editor();
        e->authBox()->setCurrentIndex(
            e->authBox()->findData(int(ServerProfile::AuthMode::Endpoint)));
        QVERIFY(!e->insecureEndpointWarning()->isVisible());
        e->endpointField()->setText(endpoint);
        QCOMPARE(e->insecureEndpointWarning()->isVisible(), warns);
        QVERIFY(e->insecureEndpointWarning()->text().contains(S("unencrypted")));
        // A loaded profile shows it too; local signing sends no token, so no warning there.
        ServerProfile p;
        p.name = S("loaded");
        p.authMode = ServerProfile::AuthMode::Endpoint;
        p.authEndpoint = endpoint;
        e->setProfile(p);
        QCOMPARE(e->insecureEndpointWarning()->isVisible(), warns);
        e->authBox()->setCurrentIndex(
            e->authBox()->findData(int(ServerProfile::AuthMode::LocalSigning)));
        QVERIFY(!e->insecureEndpointWarning()->isVisible());
    }

    void renameMovesTheSecret()
    {
        Rig rig;
        rig.fillLocalProfile(S("old"), S("moving-secret"));
        QVERIFY(rig.save());
        rig.dialog->selectProfile(S("old"));
        rig.editor()->nameField()->setText(S("new"));
        QVERIFY(rig.save());
        QVERIFY(!rig.profiles->profile(S("old")));
        const auto p = rig.profiles->profile(S("new"));
        QVERIFY(p);
        QTRY_COMPARE(rig.memory->valueFor(p->secretKey()), S("moving-secret"));
        QVERIFY(!rig.memory->contains(S("profile/old/app-secret")));
    }

    void lockedKeychainShowsBannerAndKeepsSecretInMemory()
    {
        auto *locked = new LockedKeychain;
        auto *fallback = new FallbackCredentialStore(locked);
        Rig rig(fallback);
        QVERIFY(!rig.dialog->banner()->isVisible());
        rig.fillLocalProfile(S("dev"), S("session-secret"));
        QVERIFY(rig.save());
        QVERIFY(locked->writes >= 1);
        QTRY_VERIFY(rig.dialog->banner()->isVisible());
        QVERIFY(rig.dialog->banner()->label()->text().contains(S("in memory")));
        QVERIFY(rig.dialog->statusLabel()->text().contains(S("memory")));
        QVERIFY(rig.secrets->keychainFailed());
        const auto p = *rig.profiles->profile(S("dev"));
        const ProfileSecrets::Result r = rig.readSecret(p);
        QVERIFY(r.ok);
        QVERIFY(r.sessionOnly);
        QCOMPARE(r.value, S("session-secret"));
        QVERIFY(!rig.settingsFile().contains("session-secret"));
    }

    void failingStoreWithoutFallbackStillKeepsSecret()
    {
        auto *locked = new LockedKeychain;
        Rig rig(locked);
        QSignalSpy unavailable(rig.secrets.get(), &ProfileSecrets::keychainUnavailable);
        rig.fillLocalProfile(S("dev"), S("kept"));
        QVERIFY(rig.save());
        QCOMPARE(unavailable.size(), 1);
        QVERIFY(rig.dialog->banner()->isVisible());
        const auto p = *rig.profiles->profile(S("dev"));
        QVERIFY(rig.secrets->isSessionOnly(p, ProfileSecrets::Kind::AppSecret));
        const ProfileSecrets::Result r = rig.readSecret(p);
        QVERIFY(r.ok);
        QCOMPARE(r.value, S("kept"));
        QVERIFY(!rig.settingsFile().contains("kept"));
    }

    void plainTextOnlyWhenChosen()
    {
        Rig rig;
        rig.fillLocalProfile(S("dev"), S("visible-secret"));
        QVERIFY(!rig.editor()->plainTextBox()->isChecked());
        QVERIFY(!rig.editor()->plainTextWarning()->isVisible());
        QVERIFY(rig.save());
        const QString plainKey = ProfileSecrets::plainTextKey(S("dev"),
                                                              ProfileSecrets::Kind::AppSecret);
        QVERIFY(!rig.settings->contains(plainKey));
        QVERIFY(!rig.settingsFile().contains("visible-secret"));

        // The user opts in: a warning, then the secret moves to the settings file.
        rig.dialog->selectProfile(S("dev"));
        rig.editor()->plainTextBox()->setChecked(true);
        QVERIFY(rig.editor()->plainTextWarning()->isVisible());
        QVERIFY(rig.editor()->plainTextWarning()->text().contains(S("UNENCRYPTED")));
        QVERIFY(rig.save());
        QVERIFY(rig.profiles->profile(S("dev"))->allowPlainTextSecret);
        QCOMPARE(rig.settings->value(plainKey).toString(), S("visible-secret"));
        QVERIFY(plainKey.startsWith(S("UnencryptedSecrets/")));
        QTRY_VERIFY(!rig.memory->contains(S("profile/dev/app-secret")));
        QVERIFY(rig.dialog->statusLabel()->text().contains(S("unencrypted")));

        // And out again: back to the keychain, nothing left in the file.
        rig.dialog->selectProfile(S("dev"));
        rig.editor()->plainTextBox()->setChecked(false);
        QVERIFY(rig.save());
        QVERIFY(!rig.settings->contains(plainKey));
        QVERIFY(!rig.settingsFile().contains("visible-secret"));
        QTRY_COMPARE(rig.memory->valueFor(S("profile/dev/app-secret")), S("visible-secret"));
    }

    void natterServerProfile()
    {
        Rig rig;
        rig.dialog->startNewProfile();
        auto *e = rig.editor();
        e->nameField()->setText(S("team"));
        const int at = e->kindBox()->findData(int(ServerProfile::Kind::NatterServer));
        QVERIFY(at >= 0);
        QCOMPARE(e->kindBox()->itemText(at), S("Natter server"));
        e->kindBox()->setCurrentIndex(at);
        // Only the address: key, host, cluster and auth come from the server.
        QVERIFY(e->serverUrlField()->isVisible());
        QCOMPARE(e->serverUrlField()->accessibleName(), S("Server address"));
        for (QWidget *w : std::initializer_list<QWidget *>{
                 e->keyField(), e->clusterBox(), e->hostField(), e->portBox(), e->tlsBox(),
                 e->pathPrefixField(), e->authBox(), e->endpointField(), e->tokenField(),
                 e->appSecretField(), e->localSigningWarning()})
            QVERIFY2(!w->isVisible(), qPrintable(w->accessibleName()));
        QVERIFY(!e->serverUrlProblem()->isVisible()); // nothing typed yet: no scolding

        // Empty: refused with what to enter.
        QVERIFY(!rig.save());
        QVERIFY(rig.dialog->statusLabel()->text().contains(S("address")));
        QVERIFY(!rig.profiles->profile(S("team")));

        // Said inline while typing, plain text.
        QTest::keyClicks(e->serverUrlField(), S("chat.example.com"));
        QVERIFY(e->serverUrlProblem()->isVisible());
        QVERIFY(e->serverUrlProblem()->text().contains(S("https://")));
        QCOMPARE(e->serverUrlProblem()->textFormat(), Qt::PlainText);
        QVERIFY(!rig.save());
        // A credential in the address would be saved unencrypted: refused.
        for (const char *url : {"https://me:pw-secret-1@chat.example.com",
                                "https://chat.example.com/?token=pw-secret-1"}) {
            e->serverUrlField()->setText(S(url));
            QVERIFY(e->serverUrlProblem()->isVisible());
            QVERIFY2(!rig.save(), url);
            QVERIFY(rig.dialog->statusLabel()->text().contains(S("unencrypted")));
            QVERIFY(!rig.settingsFile().contains("pw-secret-1"));
        }
        // Plain http:// to another machine: allowed, with the warning.
        e->serverUrlField()->setText(S("http://chat.example.com:8080"));
        QVERIFY(!e->serverUrlProblem()->isVisible());
        QVERIFY(e->insecureEndpointWarning()->isVisible());
        QVERIFY(e->insecureEndpointWarning()->text().contains(S("session token")));
        e->serverUrlField()->setText(S("http://127.0.0.1:8080"));
        QVERIFY(!e->insecureEndpointWarning()->isVisible());

        e->serverUrlField()->setText(S(" https://chat.example.com/natter "));
        QVERIFY(!e->serverUrlProblem()->isVisible());
        QVERIFY(e->secret().isEmpty()); // the token comes from logging in
        QVERIFY(rig.save());
        const auto p = rig.profiles->profile(S("team"));
        QVERIFY(p);
        QCOMPARE(p->kind, ServerProfile::Kind::NatterServer);
        QCOMPARE(p->serverUrl, S("https://chat.example.com/natter"));

        // Loaded again: the same form.
        rig.dialog->selectProfile(S("team"));
        QCOMPARE(e->kindBox()->currentData().toInt(), int(ServerProfile::Kind::NatterServer));
        QCOMPARE(e->serverUrlField()->text(), S("https://chat.example.com/natter"));
        QVERIFY(e->serverUrlField()->isVisible());
        QVERIFY(!e->keyField()->isVisible());
        // Back to a Pusher kind: the address row goes, the key comes back.
        e->kindBox()->setCurrentIndex(e->kindBox()->findData(int(ServerProfile::Kind::SelfHosted)));
        QVERIFY(!e->serverUrlField()->isVisible());
        QVERIFY(e->keyField()->isVisible());
    }

    void removeNeedsASecondClick()
    {
        Rig rig;
        rig.fillLocalProfile(S("gone"), S("x"));
        QVERIFY(rig.save());
        rig.dialog->selectProfile(S("gone"));
        QTest::mouseClick(rig.dialog->removeButton(), Qt::LeftButton);
        QVERIFY(rig.profiles->profile(S("gone"))); // only armed
        QTest::mouseClick(rig.dialog->removeButton(), Qt::LeftButton);
        QVERIFY(!rig.profiles->profile(S("gone")));
        QTRY_VERIFY(!rig.memory->contains(S("profile/gone/app-secret")));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
