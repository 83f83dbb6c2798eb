// The profile/settings loader: a settings file (QSettings INI, what Natter keeps its server
// profiles and per-user state in) read through ProfileStore as at start-up. Whatever the file
// holds, loading must not crash or hang, and what the store keeps afterwards must hold no
// credential in an auth endpoint (secrets belong to the keychain).
//
// QSettings reads only files, and the INI parser is Qt's: the input is served from memory as a
// Qt resource (QResource::registerResource on an rcc image built here), so the product path is
// the one of start-up (QSettings' INI reader, then ProfileStore) and no file is written per
// input. Writing, chmod-ing and reading back a file for every input ran at ~105 inputs/s.
#include "FuzzQuiet.h"

#include <chat/ProfileStore.h>
#include <chat/ServerProfile.h>
#include <pusher/ConnectionOptions.h>

#include <QCoreApplication>
#include <QResource>
#include <QSettings>
#include <QUrl>
#include <QtEndian>

using natter::chat::ProfileStore;
using natter::chat::ServerProfile;

namespace {

const QString kName = QStringLiteral("natter.conf");

void put16(QByteArray &out, quint16 v)
{
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}

void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

void put64(QByteArray &out, quint64 v)
{
    char b[8];
    qToBigEndian(v, b);
    out.append(b, 8);
}

// An rcc image (format version 2) holding one file, kName, with `content`.
QByteArray resourceImage(const QByteArray &content, quint64 modifiedMs)
{
    constexpr quint32 kHeader = 20;
    constexpr quint32 kNode = 22; // version 2 tree entries carry the modification time
    QByteArray names;
    put16(names, quint16(kName.size()));
    put32(names, qt_hash(kName));
    for (QChar c : kName)
        put16(names, c.unicode());
    const quint32 tree = kHeader;
    const quint32 data = tree + 2 * kNode;
    const quint32 namesAt = data + 4 + quint32(content.size());

    QByteArray image("qres");
    put32(image, 2);
    put32(image, tree);
    put32(image, data);
    put32(image, namesAt);
    // The root directory: one child, node 1.
    put32(image, 0);
    put16(image, 0x02);
    put32(image, 1);
    put32(image, 1);
    put64(image, 0);
    // The file: any territory, the C locale, data at offset 0.
    put32(image, 0);
    put16(image, 0);
    put16(image, 0);
    put16(image, 1);
    put32(image, 0);
    put64(image, modifiedMs);
    put32(image, quint32(content.size()));
    image += content;
    image += names;
    return image;
}

void inspect(const ProfileStore &store);

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    fuzzQuietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    // QSettings caches a parsed file by name, size and modification time: every input gets a
    // new time, so it is read afresh. A cached file also keeps the changes it could not write
    // (a migrated credential; a resource is read-only), which would leak into the next input:
    // after such an input the next one gets a new folder. Only then, so that the cache does
    // not grow with every input (that made each input a leak suspect for libFuzzer's
    // LeakSanitizer pass, at ~10 ms each).
    static quint64 folder = 0;
    static quint64 modified = 0;
    const QString root = QStringLiteral("/fuzz/%1").arg(folder);
    const QByteArray image = resourceImage(
        QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size)), ++modified);
    const auto *rcc = reinterpret_cast<const uchar *>(image.constData());
    if (!QResource::registerResource(rcc, root))
        __builtin_trap();
    {
        QSettings settings(QLatin1Char(':') + root + QLatin1Char('/') + kName, QSettings::IniFormat);
        ProfileStore store(&settings);
        inspect(store);
        if (settings.status() != QSettings::NoError)
            ++folder;
    }
    QResource::unregisterResource(rcc, root);
    return 0;
}

namespace {

void inspect(const ProfileStore &store)
{
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
}

} // namespace
