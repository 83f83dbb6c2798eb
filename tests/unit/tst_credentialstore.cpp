// Credential stores: the in-memory store, the keychain store's error and timeout paths (no D-Bus
// session at all: QtKeychain fails fast; a job held back by a test seam: the timeout answers and
// the late answer is ignored), and the fallback policy (keychain first, memory for the session).
//
// With NATTER_TEST_REAL_KEYCHAIN=1 (run under scripts/headless-session, label "desktop") it also
// does a round trip through the real gnome-keyring and checks that a locked keyring times out
// instead of hanging. Without it, the D-Bus session and X display are removed from the
// environment first, so nothing can autolaunch a bus or reach a password prompt.
#include "desktop/FallbackCredentialStore.h"
#include "desktop/KeychainCredentialStore.h"
#include "desktop/MemoryCredentialStore.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using natter::desktop::CredentialStore;
using natter::desktop::FallbackCredentialStore;
using natter::desktop::KeychainCredentialStore;
using natter::desktop::MemoryCredentialStore;

namespace {

// Collects the answers of one request.
struct Answers
{
    QList<CredentialStore::Result> results;
    CredentialStore::Callback callback()
    {
        return [this](const CredentialStore::Result &r) { results.append(r); };
    }
    bool waitOne(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (results.isEmpty() && t.elapsed() < timeoutMs)
            QTest::qWait(5);
        return !results.isEmpty();
    }
    const CredentialStore::Result &only() const { return results.constFirst(); }
};

// A keychain that always fails, as a locked/absent one does.
class BrokenStore : public CredentialStore
{
public:
    using CredentialStore::CredentialStore;
    int calls = 0;
    void read(const QString &, Callback done) override { fail(std::move(done)); }
    void write(const QString &, const QString &, Callback done) override { fail(std::move(done)); }
    void remove(const QString &, Callback done) override { fail(std::move(done)); }

private:
    void fail(Callback done)
    {
        ++calls;
        QTimer::singleShot(0, this, [done = std::move(done)] {
            Result r;
            r.error = QStringLiteral("The system keychain is locked or unavailable (test).");
            done(r);
        });
    }
};

// Holds jobs back instead of starting them: a keychain that never answers.
class HeldKeychainStore : public KeychainCredentialStore
{
public:
    using KeychainCredentialStore::KeychainCredentialStore;
    QList<QKeychain::Job *> held;

protected:
    void startJob(QKeychain::Job *job) override { held.append(job); }
};

bool realKeychain()
{
    return qEnvironmentVariableIntValue("NATTER_TEST_REAL_KEYCHAIN") == 1;
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_runtimeDir;

private slots:
    void initTestCase()
    {
        if (!realKeychain()) {
            // No session bus, no display: QtKeychain (libsecret/GIO) cannot find or autolaunch a
            // bus, so it fails within ~0.1 s. XDG_RUNTIME_DIR is emptied too, because GIO also
            // looks for $XDG_RUNTIME_DIR/bus.
            QVERIFY(m_runtimeDir.isValid());
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
            qunsetenv("DISPLAY");
            qunsetenv("WAYLAND_DISPLAY");
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir.path()));
        }
    }

    // --- MemoryCredentialStore ---------------------------------------------------------------

    void memoryRoundTrip()
    {
        MemoryCredentialStore store;
        Answers w;
        store.write(QStringLiteral("profile/a/token"), QStringLiteral("s3cret"), w.callback());
        QVERIFY2(w.results.isEmpty(), "answered inside write(): must be asynchronous");
        QVERIFY(w.waitOne(1000));
        QVERIFY(w.only().ok);

        Answers r;
        store.read(QStringLiteral("profile/a/token"), r.callback());
        QVERIFY(r.results.isEmpty());
        QVERIFY(r.waitOne(1000));
        QVERIFY(r.only().ok);
        QVERIFY(!r.only().notFound);
        QCOMPARE(r.only().value, QStringLiteral("s3cret"));

        Answers d;
        store.remove(QStringLiteral("profile/a/token"), d.callback());
        QVERIFY(d.waitOne(1000));
        QVERIFY(d.only().ok);
        QVERIFY(!d.only().notFound);
        QVERIFY(!store.contains(QStringLiteral("profile/a/token")));

        Answers again;
        store.read(QStringLiteral("profile/a/token"), again.callback());
        QVERIFY(again.waitOne(1000));
        QVERIFY(!again.only().ok);
        QVERIFY(again.only().notFound);
        QVERIFY(again.only().error.isEmpty());

        QTest::qWait(20);
        QCOMPARE(w.results.size(), 1);
        QCOMPARE(r.results.size(), 1);
        QCOMPARE(d.results.size(), 1);
        QCOMPARE(again.results.size(), 1);
    }

    void memoryRemoveMissingCountsAsRemoved()
    {
        MemoryCredentialStore store;
        Answers d;
        store.remove(QStringLiteral("nope"), d.callback());
        QVERIFY(d.waitOne(1000));
        QVERIFY(d.only().ok);
        QVERIFY(d.only().notFound);
    }

    void memoryOverwriteAndIndependentKeys()
    {
        MemoryCredentialStore store;
        store.write(QStringLiteral("k1"), QStringLiteral("one"), {});
        store.write(QStringLiteral("k1"), QStringLiteral("uno"), {});
        store.write(QStringLiteral("k2"), QStringLiteral("two"), {});
        QCOMPARE(store.size(), 2);
        Answers r;
        store.read(QStringLiteral("k1"), r.callback());
        QVERIFY(r.waitOne(1000));
        QCOMPARE(r.only().value, QStringLiteral("uno"));
        store.clear();
        QCOMPARE(store.size(), 0);
    }

    void memoryDestroyedBeforeAnswerDropsCallback()
    {
        Answers r;
        {
            MemoryCredentialStore store;
            store.read(QStringLiteral("k"), r.callback());
        }
        QTest::qWait(20);
        QVERIFY(r.results.isEmpty());
    }

    // --- FallbackCredentialStore -------------------------------------------------------------

    void fallbackKeepsSecretInMemoryWhenKeychainFails()
    {
        auto *broken = new BrokenStore;
        FallbackCredentialStore store(broken);
        QSignalSpy unavailable(&store, &FallbackCredentialStore::keychainUnavailable);
        QSignalSpy changed(&store, &FallbackCredentialStore::keychainAvailableChanged);
        QVERIFY(store.keychainAvailable());

        Answers w;
        store.write(QStringLiteral("profile/x/app-secret"), QStringLiteral("hunter2"), w.callback());
        QVERIFY(w.waitOne(1000));
        QVERIFY2(w.only().ok, "the secret is kept for this session: the caller can go on");
        QVERIFY(store.isSessionOnly(QStringLiteral("profile/x/app-secret")));
        QCOMPARE(unavailable.size(), 1);
        QVERIFY(
            unavailable.at(0).at(0).toString().contains(QStringLiteral("locked or unavailable")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), false);
        QVERIFY(!store.keychainAvailable());
        QVERIFY(!store.unavailableReason().isEmpty());

        Answers r;
        store.read(QStringLiteral("profile/x/app-secret"), r.callback());
        QVERIFY(r.waitOne(1000));
        QVERIFY(r.only().ok);
        QCOMPARE(r.only().value, QStringLiteral("hunter2"));
        QCOMPARE(broken->calls, 1); // the session copy answered; the keychain was not asked

        // A second failure does not raise the banner again.
        Answers w2;
        store.write(QStringLiteral("profile/y/app-secret"), QStringLiteral("pw"), w2.callback());
        QVERIFY(w2.waitOne(1000));
        QVERIFY(w2.only().ok);
        QCOMPARE(unavailable.size(), 1);

        // Reading something that only the keychain could have: its error is passed on.
        Answers r2;
        store.read(QStringLiteral("profile/z/token"), r2.callback());
        QVERIFY(r2.waitOne(1000));
        QVERIFY(!r2.only().ok);
        QVERIFY(!r2.only().notFound);
        QVERIFY(!r2.only().error.isEmpty());

        // Removing forgets the session copy; the keychain's failure is reported.
        Answers d;
        store.remove(QStringLiteral("profile/x/app-secret"), d.callback());
        QVERIFY(d.waitOne(1000));
        QVERIFY(!store.isSessionOnly(QStringLiteral("profile/x/app-secret")));
        QVERIFY(!d.only().ok);

        QTest::qWait(20);
        for (const Answers *a : {&w, &r, &w2, &r2, &d})
            QCOMPARE(a->results.size(), 1);
    }

    void fallbackUsesWorkingKeychain()
    {
        auto *keychain = new MemoryCredentialStore;
        FallbackCredentialStore store(keychain);
        QSignalSpy unavailable(&store, &FallbackCredentialStore::keychainUnavailable);
        Answers w;
        store.write(QStringLiteral("k"), QStringLiteral("v"), w.callback());
        QVERIFY(w.waitOne(1000));
        QVERIFY(w.only().ok);
        QVERIFY(keychain->contains(QStringLiteral("k")));
        QVERIFY(!store.isSessionOnly(QStringLiteral("k")));
        Answers r;
        store.read(QStringLiteral("missing"), r.callback());
        QVERIFY(r.waitOne(1000));
        QVERIFY(r.only().notFound);
        QCOMPARE(unavailable.size(), 0);
        QVERIFY(store.keychainAvailable());
    }

    // --- KeychainCredentialStore -------------------------------------------------------------

    void keychainWithoutBusFailsFast()
    {
        if (realKeychain())
            QSKIP("a secret service is present");
        KeychainCredentialStore store(QStringLiteral("natter-test"));
        QCOMPARE(store.timeout(), KeychainCredentialStore::DefaultTimeoutMs);
        store.setTimeout(4000);
        QElapsedTimer t;
        t.start();
        Answers r, w, d;
        store.read(QStringLiteral("profile/a/token"), r.callback());
        store.write(QStringLiteral("profile/a/token"), QStringLiteral("x"), w.callback());
        store.remove(QStringLiteral("profile/a/token"), d.callback());
        QVERIFY(r.results.isEmpty() && w.results.isEmpty() && d.results.isEmpty());
        QVERIFY(r.waitOne(6000) && w.waitOne(6000) && d.waitOne(6000));
        qInfo() << "no-bus answers after" << t.elapsed() << "ms:" << r.only().error;
        QVERIFY2(t.elapsed() < 3500, "QtKeychain should fail fast without a bus, not time out");
        for (const Answers *a : {&r, &w, &d}) {
            QVERIFY(!a->only().ok);
            QVERIFY(!a->only().notFound);
            QVERIFY(a->only().error.startsWith(QStringLiteral("The system keychain")));
            QVERIFY(!a->only().error.contains(QStringLiteral("no answer within")));
        }
        QCOMPARE(store.pendingCount(), 0);
        QTest::qWait(50);
        QCOMPARE(r.results.size() + w.results.size() + d.results.size(), 3);
    }

    void keychainTimeoutAnswersOnceAndIgnoresLateJob()
    {
        HeldKeychainStore store(QStringLiteral("natter-test"));
        store.setTimeout(300);
        QElapsedTimer t;
        t.start();
        Answers r;
        store.read(QStringLiteral("profile/a/token"), r.callback());
        QCOMPARE(store.held.size(), 1);
        QCOMPARE(store.pendingCount(), 1);
        QVERIFY(r.waitOne(5000));
        const qint64 elapsed = t.elapsed();
        // Coarse timers may fire up to 5 % early.
        QVERIFY2(elapsed >= 270 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        QVERIFY(!r.only().ok);
        QVERIFY(!r.only().notFound);
        QVERIFY(r.only().error.contains(QStringLiteral("locked or unavailable")));
        QVERIFY(r.only().error.contains(QStringLiteral("no answer within 0.3 s")));
        QCOMPARE(store.pendingCount(), 0);

        // Now the job runs and finishes (an error without a bus; a value with a real keychain):
        // too late, nobody is told.
        QKeychain::Job *job = store.held.takeFirst();
        bool finished = false;
        connect(job, &QKeychain::Job::finished, this, [&finished] { finished = true; });
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
        QTest::qWait(50);
        QCOMPARE(r.results.size(), 1);
    }

    void keychainMessages()
    {
        QCOMPARE(KeychainCredentialStore::messageFor(QKeychain::OtherError,
                                                     QStringLiteral("Cannot autolaunch D-Bus")),
                 QStringLiteral("The system keychain is locked or unavailable (Cannot autolaunch "
                                "D-Bus)."));
        QVERIFY(KeychainCredentialStore::messageFor(QKeychain::AccessDeniedByUser, {})
                    .startsWith(QStringLiteral("Access to the system keychain was denied")));
        QVERIFY(
            KeychainCredentialStore::messageFor(QKeychain::NoBackendAvailable, QStringLiteral("x"))
                .contains(QStringLiteral("No system keychain")));
        QVERIFY(KeychainCredentialStore::timeoutMessage(5000).contains(QStringLiteral("5 s")));
    }

    void fallbackOverRealKeychainStoreWithoutBus()
    {
        if (realKeychain())
            QSKIP("a secret service is present");
        auto *keychain = new KeychainCredentialStore(QStringLiteral("natter-test"));
        FallbackCredentialStore store(keychain);
        QSignalSpy unavailable(&store, &FallbackCredentialStore::keychainUnavailable);
        Answers w;
        store.write(QStringLiteral("profile/p/app-secret"), QStringLiteral("pw"), w.callback());
        QVERIFY(w.waitOne(8000));
        QVERIFY(w.only().ok);
        QCOMPARE(unavailable.size(), 1);
        qInfo() << "banner text:" << unavailable.at(0).at(0).toString();
        Answers r;
        store.read(QStringLiteral("profile/p/app-secret"), r.callback());
        QVERIFY(r.waitOne(1000));
        QCOMPARE(r.only().value, QStringLiteral("pw"));
    }

    // --- the real keychain (headless session only) --------------------------------------------

    void realKeychainRoundTrip()
    {
        if (!realKeychain())
            QSKIP("set NATTER_TEST_REAL_KEYCHAIN=1 under scripts/headless-session");
        const QString service
            = QStringLiteral("natter-test-%1").arg(QCoreApplication::applicationPid());
        KeychainCredentialStore store(service);
        Answers w;
        store.write(QStringLiteral("profile/local/app-secret"), QStringLiteral("s3cr3t \u00e9"),
                    w.callback());
        QVERIFY(w.waitOne(8000));
        QVERIFY2(w.only().ok, qPrintable(w.only().error));

        // What another tool sees: QtKeychain's libsecret schema (server=service, user=key).
        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("server"), service,
                      QStringLiteral("user"), QStringLiteral("profile/local/app-secret")});
        QVERIFY(lookup.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(),
                 QStringLiteral("s3cr3t \u00e9"));

        Answers r;
        store.read(QStringLiteral("profile/local/app-secret"), r.callback());
        QVERIFY(r.waitOne(8000));
        QVERIFY(r.only().ok);
        QCOMPARE(r.only().value, QStringLiteral("s3cr3t \u00e9"));

        Answers d;
        store.remove(QStringLiteral("profile/local/app-secret"), d.callback());
        QVERIFY(d.waitOne(8000));
        QVERIFY(d.only().ok);
        QVERIFY(!d.only().notFound);

        Answers gone;
        store.read(QStringLiteral("profile/local/app-secret"), gone.callback());
        QVERIFY(gone.waitOne(8000));
        QVERIFY(gone.only().notFound);
        QVERIFY(!gone.only().ok);

        // Removing it again succeeds (libsecret does not report a missing entry on delete, so
        // notFound is not promised here).
        Answers d2;
        store.remove(QStringLiteral("profile/local/app-secret"), d2.callback());
        QVERIFY(d2.waitOne(8000));
        QVERIFY(d2.only().ok);
    }

    // Must stay last: the prompt for the locked keyring never gets an answer, and QtKeychain runs
    // its jobs one after the other.
    void realLockedKeychainTimesOut()
    {
        if (!realKeychain())
            QSKIP("set NATTER_TEST_REAL_KEYCHAIN=1 under scripts/headless-session");
        const QString service
            = QStringLiteral("natter-test-%1").arg(QCoreApplication::applicationPid());
        KeychainCredentialStore store(service);
        Answers w;
        store.write(QStringLiteral("locked/entry"), QStringLiteral("v"), w.callback());
        QVERIFY(w.waitOne(8000));
        QVERIFY2(w.only().ok, qPrintable(w.only().error));

        QDBusMessage lock = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock << QVariant::fromValue(QList<QDBusObjectPath>{
            QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(lock, QDBus::Block, 5000);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));

        store.setTimeout(1500);
        QElapsedTimer t;
        t.start();
        Answers r;
        store.read(QStringLiteral("locked/entry"), r.callback());
        QVERIFY(r.waitOne(6000));
        qInfo() << "locked keychain answered after" << t.elapsed() << "ms:" << r.only().error;
        QVERIFY(!r.only().ok);
        QVERIFY(!r.only().error.isEmpty());
        QVERIFY(t.elapsed() < 3000);
        QTest::qWait(100);
        QCOMPARE(r.results.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
