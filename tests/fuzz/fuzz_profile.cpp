// The profile/settings loader: a settings file (QSettings INI, what Natter keeps its server
// profiles and per-user state in) read through ProfileStore as at start-up. Whatever the file
// holds, loading must not crash or hang, and what the store keeps afterwards must hold no
// credential in an auth endpoint (secrets belong to the keychain).
#include "FuzzQuiet.h"

#include <chat/ProfileStore.h>
#include <chat/ServerProfile.h>
#include <pusher/ConnectionOptions.h>

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>

using natter::chat::ProfileStore;
using natter::chat::ServerProfile;

namespace {
QString settingsPath;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    static QTemporaryDir dir; // never the source tree: the file is rewritten for every input
    settingsPath = dir.filePath(QStringLiteral("natter.conf"));
    fuzzQuietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    {
        QFile file(settingsPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            __builtin_trap();
        file.write(reinterpret_cast<const char *>(bytes), qint64(size));
    }
    QSettings settings(settingsPath, QSettings::IniFormat);
    ProfileStore store(&settings);
    const QList<ServerProfile> profiles = store.profiles();
    for (const ServerProfile &p : profiles) {
        (void)p.validate();
        (void)p.connectionOptions();
        const QUrl endpoint(p.authEndpoint);
        if (endpoint.isValid() && (!endpoint.password().isEmpty() || endpoint.hasQuery()))
            __builtin_trap(); // a credential left in the settings
        (void)store.rooms(p.name, store.lastUser());
        (void)store.lastRoom(p.name, store.lastUser());
    }
    const QString last = store.lastProfile();
    if (const auto p = store.profile(last))
        (void)store.draft(p->name, store.lastUser(), store.lastRoom(p->name, store.lastUser()));
    return 0;
}
