// PermissionStore: Webkit-style checkPermission/requestPermission per origin, persisted in
// settings (a new store on the same file sees the answers), asked once, "Not now" for this run.
#include "notify/PermissionStore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using natter::notify::Permission;
using natter::notify::PermissionStore;

class TestPermissionStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_n));
        m_settings = std::make_unique<QSettings>(m_file, QSettings::IniFormat);
    }
    void cleanup() { m_settings.reset(); }

    void unknownOriginIsNotAsked()
    {
        PermissionStore store(m_settings.get());
        QCOMPARE(store.checkPermission(QStringLiteral("127.0.0.1:6001/app-key")),
                 Permission::NotAsked);
        QVERIFY(store.origins().isEmpty());
    }

    void requestAsksOnceAndCallsEveryWaiter()
    {
        PermissionStore store(m_settings.get());
        QSignalSpy asked(&store, &PermissionStore::permissionRequested);
        const QString origin = QStringLiteral("127.0.0.1:6001/app-key");
        QList<Permission> answers;
        store.requestPermission(origin, [&](Permission p) { answers << p; });
        store.requestPermission(origin, [&](Permission p) { answers << p; });
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), origin);
        QVERIFY(answers.isEmpty());
        QVERIFY(store.isPending(origin));
        store.answer(origin, Permission::Allowed);
        QCOMPARE(answers, (QList<Permission>{Permission::Allowed, Permission::Allowed}));
        QCOMPARE(store.checkPermission(origin), Permission::Allowed);
        // Answered: later requests are answered at once, with no new prompt.
        store.requestPermission(origin, [&](Permission p) { answers << p; });
        QCOMPARE(answers.size(), 3);
        QCOMPARE(asked.count(), 1);
    }

    void answersArePerOriginAndPersisted()
    {
        const QString a = QStringLiteral("127.0.0.1:6001/app-key");
        const QString b = QStringLiteral("ws-eu.pusher.com/other");
        {
            PermissionStore store(m_settings.get());
            store.requestPermission(a, {});
            store.answer(a, Permission::Allowed);
            store.requestPermission(b, {});
            store.answer(b, Permission::Denied);
        }
        m_settings->sync();
        QSettings reopened(m_file, QSettings::IniFormat);
        PermissionStore store(&reopened);
        QCOMPARE(store.checkPermission(a), Permission::Allowed);
        QCOMPARE(store.checkPermission(b), Permission::Denied);
        QCOMPARE(store.checkPermission(QStringLiteral("127.0.0.1:6002/app-key")),
                 Permission::NotAsked);
        QCOMPARE(store.origins(), (QStringList{a, b}));
    }

    void notNowIsNotStoredAndNotAskedAgainThisRun()
    {
        const QString origin = QStringLiteral("h:1/k");
        PermissionStore store(m_settings.get());
        QSignalSpy asked(&store, &PermissionStore::permissionRequested);
        QList<Permission> answers;
        store.requestPermission(origin, [&](Permission p) { answers << p; });
        store.answer(origin, Permission::NotAsked);
        QCOMPARE(answers, QList<Permission>{Permission::NotAsked});
        store.requestPermission(origin, [&](Permission p) { answers << p; });
        QCOMPARE(asked.count(), 1);
        QCOMPARE(answers.size(), 2);
        QCOMPARE(store.checkPermission(origin), Permission::NotAsked);
        QVERIFY(store.origins().isEmpty());
        // A new run (new store) asks again.
        PermissionStore next(m_settings.get());
        QSignalSpy askedAgain(&next, &PermissionStore::permissionRequested);
        next.requestPermission(origin, {});
        QCOMPARE(askedAgain.count(), 1);
    }

    void changeAndForget()
    {
        const QString origin = QStringLiteral("h:1/k");
        PermissionStore store(m_settings.get());
        QSignalSpy changed(&store, &PermissionStore::permissionChanged);
        store.setPermission(origin, Permission::Denied);
        store.setPermission(origin, Permission::Denied); // no change, no signal
        store.setPermission(origin, Permission::Allowed);
        QCOMPARE(changed.count(), 2);
        store.forget(origin);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.last().at(1).value<Permission>(), Permission::NotAsked);
        QCOMPARE(store.checkPermission(origin), Permission::NotAsked);
        QVERIFY(store.origins().isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_file;
    int m_n = 0;
    std::unique_ptr<QSettings> m_settings;
};

QTEST_GUILESS_MAIN(TestPermissionStore)
#include "tst_permissionstore.moc"
