// ProfileStore on a QSettings in a temporary INI file: save, load, rename, remove, per-user state,
// no secret ever written (the file is scanned, also for tokens in an endpoint's query), and the
// file private (0600 in a 0700 folder).
#include "chat/ProfileStore.h"

#include <pusher/ConnectionOptions.h>

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

using natter::chat::ProfileStore;
using natter::chat::ServerProfile;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ServerProfile selfHosted(const QString &name)
{
    ServerProfile p;
    p.name = name;
    p.kind = ServerProfile::Kind::SelfHosted;
    p.key = S("app-key");
    p.host = S("chat.example.org");
    p.port = 6002;
    p.tls = false;
    p.pathPrefix = S("/ws");
    p.caFile = S("/etc/ssl/my-ca.pem");
    p.authMode = ServerProfile::AuthMode::LocalSigning;
    return p;
}

ServerProfile hosted(const QString &name)
{
    ServerProfile p;
    p.name = name;
    p.kind = ServerProfile::Kind::Hosted;
    p.key = S("hosted-key");
    p.cluster = S("eu");
    p.authMode = ServerProfile::AuthMode::Endpoint;
    p.authEndpoint = S("https://example.com/pusher/auth");
    return p;
}

int mode(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QStringList names(const QList<ServerProfile> &list)
{
    QStringList out;
    for (const ServerProfile &p : list)
        out.append(p.name);
    return out;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString m_file;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;

    // A fresh store on a new file, or a new store object on the same file (a restart).
    void open(bool fresh = true)
    {
        m_store.reset();
        m_settings.reset();
        if (fresh)
            m_file = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_n));
        m_settings = std::make_unique<QSettings>(m_file, QSettings::IniFormat);
        m_store = std::make_unique<ProfileStore>(m_settings.get());
    }
    QByteArray fileBytes()
    {
        m_settings->sync();
        QFile f(m_file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void init() { open(); }
    void cleanup()
    {
        m_store.reset();
        m_settings.reset();
    }

    void natterServerProfile()
    {
        ServerProfile p;
        p.name = S("Team");
        p.kind = ServerProfile::Kind::NatterServer;
        p.serverUrl = S("https://chat.example.org/natter");
        QVERIFY2(p.validate().isEmpty(), qPrintable(p.validate())); // no key, host or endpoint
        m_store->save(p);
        open(false);
        const ServerProfile loaded = *m_store->profile(S("Team"));
        QCOMPARE(loaded.kind, ServerProfile::Kind::NatterServer);
        QCOMPARE(loaded.serverUrl, S("https://chat.example.org/natter"));
        ServerProfile bad = p;
        bad.serverUrl.clear();
        QVERIFY(!bad.validate().isEmpty());
        bad.serverUrl = S("ftp://chat.example.org");
        QVERIFY(!bad.validate().isEmpty());
        bad.serverUrl = S("chat.example.org");
        QVERIFY(!bad.validate().isEmpty());
    }

    void saveAndLoad()
    {
        QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
        QVERIFY(m_store->profiles().isEmpty());
        m_store->save(selfHosted(S("Local soketi")));
        m_store->save(hosted(S("Work/Pusher")));
        QCOMPARE(changed.size(), 2);
        open(false);
        QCOMPARE(names(m_store->profiles()), (QStringList{S("Local soketi"), S("Work/Pusher")}));
        const ServerProfile p = *m_store->profile(S("Local soketi"));
        QCOMPARE(p.kind, ServerProfile::Kind::SelfHosted);
        QCOMPARE(p.key, S("app-key"));
        QCOMPARE(p.host, S("chat.example.org"));
        QCOMPARE(p.port, 6002);
        QCOMPARE(p.tls, false);
        QCOMPARE(p.pathPrefix, S("/ws"));
        QCOMPARE(p.caFile, S("/etc/ssl/my-ca.pem"));
        QCOMPARE(p.authMode, ServerProfile::AuthMode::LocalSigning);
        const ServerProfile h = *m_store->profile(S("Work/Pusher"));
        QCOMPARE(h.kind, ServerProfile::Kind::Hosted);
        QCOMPARE(h.cluster, S("eu"));
        QCOMPARE(h.tls, true);
        QCOMPARE(h.authMode, ServerProfile::AuthMode::Endpoint);
        QCOMPARE(h.authEndpoint, S("https://example.com/pusher/auth"));
        QCOMPARE(h.connectionOptions().url().host(), S("ws-eu.pusher.com"));
        QVERIFY(!m_store->profile(S("nope")));
        // Saving under the same name updates in place.
        ServerProfile edited = p;
        edited.port = 7000;
        m_store->save(edited);
        QCOMPARE(m_store->profiles().size(), 2);
        QCOMPARE(m_store->profile(S("Local soketi"))->port, 7000);
    }

    void renameMovesState()
    {
        m_store->save(selfHosted(S("old")));
        m_store->save(hosted(S("other")));
        m_store->setLastProfile(S("old"));
        m_store->setRooms(S("old"), S("alice"), {S("lobby"), S("dev")});
        m_store->setLastRoom(S("old"), S("alice"), S("dev"));
        ServerProfile renamed = selfHosted(S("new name"));
        m_store->save(renamed, S("old"));
        open(false);
        QCOMPARE(names(m_store->profiles()),
                 (QStringList{S("new name"), S("other")})); // position kept
        QVERIFY(!m_store->profile(S("old")));
        QCOMPARE(m_store->lastProfile(), S("new name"));
        QCOMPARE(m_store->rooms(S("new name"), S("alice")), (QStringList{S("lobby"), S("dev")}));
        QCOMPARE(m_store->lastRoom(S("new name"), S("alice")), S("dev"));
        QVERIFY(m_store->rooms(S("old"), S("alice")).isEmpty());
    }

    void removeDropsStateToo()
    {
        m_store->save(selfHosted(S("a")));
        m_store->save(selfHosted(S("b")));
        m_store->setLastProfile(S("a"));
        m_store->setRooms(S("a"), S("alice"), {S("lobby")});
        m_store->setRooms(S("b"), S("alice"), {S("dev")});
        QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
        m_store->remove(S("a"));
        QCOMPARE(changed.size(), 1);
        m_store->remove(S("a"));
        QCOMPARE(changed.size(), 1);
        open(false);
        QCOMPARE(names(m_store->profiles()), QStringList{S("b")});
        QVERIFY(m_store->lastProfile().isEmpty());
        QVERIFY(m_store->rooms(S("a"), S("alice")).isEmpty());
        QCOMPARE(m_store->rooms(S("b"), S("alice")), QStringList{S("dev")});
    }

    void perUserState()
    {
        m_store->save(selfHosted(S("p")));
        m_store->setLastUser(S("alice"));
        m_store->setRooms(S("p"), S("alice"), {S("lobby")});
        m_store->setRooms(S("p"), S("bob"), {S("dev"), S("ops")});
        m_store->setLastRoom(S("p"), S("bob"), S("ops"));
        // Names with separators and odd characters stay apart.
        m_store->setRooms(S("p/x"), S("a%2Fb"), {S("weird")});
        open(false);
        QCOMPARE(m_store->lastUser(), S("alice"));
        QCOMPARE(m_store->rooms(S("p"), S("alice")), QStringList{S("lobby")});
        QCOMPARE(m_store->rooms(S("p"), S("bob")), (QStringList{S("dev"), S("ops")}));
        QCOMPARE(m_store->lastRoom(S("p"), S("bob")), S("ops"));
        QVERIFY(m_store->lastRoom(S("p"), S("alice")).isEmpty());
        QCOMPARE(m_store->rooms(S("p/x"), S("a%2Fb")), QStringList{S("weird")});
        QVERIFY(m_store->rooms(S("p"), S("x")).isEmpty());
    }

    void neverWritesSecrets()
    {
        ServerProfile p = hosted(S("secretive"));
        // A password typed into the endpoint URL is a secret too: it must not reach the file.
        p.authEndpoint = S("https://user:hunter2-password@example.com/auth");
        p.allowPlainTextSecret = true;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("password is not stored")));
        m_store->save(p);
        m_store->save(selfHosted(S("local")));
        m_store->setLastUser(S("alice"));
        m_store->setRooms(S("secretive"), S("alice"), {S("lobby")});
        const QByteArray bytes = fileBytes();
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(!bytes.contains("hunter2"), bytes.constData());
        const QByteArray lower = bytes.toLower();
        for (const char *word : {"token", "password", "bearer", "app-secret", "sharedsecret"})
            QVERIFY2(!lower.contains(word), word);
        QCOMPARE(m_store->profile(S("secretive"))->authEndpoint, S("https://user@example.com/auth"));
        // The keychain key names mention secrets, but no value does.
        QCOMPARE(p.secretKey(), S("profile/secretive/app-secret"));
    }

    void settingsFileIsPrivate()
    {
        m_store.reset();
        m_settings.reset();
        const QString top = m_dir.filePath(S("config-home"));
        m_file = top + S("/Natter/natter.conf");
        open(false);
        m_store->save(hosted(S("p")));
        m_store->setLastUser(S("alice"));
        m_settings->sync();
        QCOMPARE(mode(m_file), 0600);
        QCOMPARE(mode(top + S("/Natter")), 0700);
        QCOMPARE(mode(top), 0700);
        // A file an older version left readable is tightened at start.
        QVERIFY(::chmod(QFile::encodeName(m_file).constData(), 0644) == 0);
        open(false);
        QCOMPARE(mode(m_file), 0600);
        m_store->setLastUser(S("bob"));
        m_settings->sync();
        QCOMPARE(mode(m_file), 0600);
        QCOMPARE(m_store->profiles().size(), 1);
    }

    void tokenInEndpointQueryIsNotStored()
    {
        ServerProfile p = hosted(S("q"));
        p.authEndpoint = S("https://example.com/pusher/auth?token=hunter3-token&app=chat");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("query is not stored")));
        m_store->save(p);
        QVERIFY2(!fileBytes().contains("hunter3"), fileBytes().constData());
        QCOMPARE(m_store->profile(S("q"))->authEndpoint, S("https://example.com/pusher/auth"));
        // A file written by an older version that stored it: cleaned at the next start.
        m_settings->setValue(S("profiles/1/authEndpoint"),
                             S("https://example.com/pusher/auth?access_token=old-secret"));
        m_settings->sync();
        QVERIFY(fileBytes().contains("old-secret"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("query is not stored")));
        open(false);
        QVERIFY2(!fileBytes().contains("old-secret"), fileBytes().constData());
        QCOMPARE(m_store->profile(S("q"))->authEndpoint, S("https://example.com/pusher/auth"));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
