#include "ProfileStore.h"

#include "LogChat.h"
#include "PrivateFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace natter::chat {

namespace {

// Profile and user names are free text; settings keys treat '/' as a group separator, so
// names used inside keys are percent-encoded.
QString keyPart(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QString stateGroup(const QString &profile, const QString &user)
{
    return QStringLiteral("state/%1/%2").arg(keyPart(profile), keyPart(user));
}

QString kindName(ServerProfile::Kind kind)
{
    switch (kind) {
    case ServerProfile::Kind::Hosted:
        return QStringLiteral("hosted");
    case ServerProfile::Kind::NatterServer:
        return QStringLiteral("natter-server");
    case ServerProfile::Kind::SelfHosted:
        break;
    }
    return QStringLiteral("self-hosted");
}

QString authModeName(ServerProfile::AuthMode mode)
{
    return mode == ServerProfile::AuthMode::LocalSigning ? QStringLiteral("local-signing")
                                                         : QStringLiteral("endpoint");
}

// An auth endpoint typed as https://user:password@host/... or .../auth?token=... would put a
// credential in the settings file: secrets belong to the keychain, so neither the password nor
// the query is ever stored. The whole query goes, not only names that look like credentials:
// "?t=" or "?k=" are tokens too, and the auth protocol needs none (the editor refuses them).
QString withoutCredentials(const QString &endpoint)
{
    const QUrl url(endpoint);
    if (!url.isValid())
        return endpoint;
    QUrl::FormattingOptions strip = QUrl::None;
    if (!url.password().isEmpty()) {
        qCWarning(lcChat)
            << "the auth endpoint's password is not stored in the settings; use the token field";
        strip |= QUrl::RemovePassword;
    }
    if (url.hasQuery()) {
        qCWarning(lcChat) << "the auth endpoint's query is not stored in the settings (it may "
                             "hold a credential); use the token field";
        strip |= QUrl::RemoveQuery;
    }
    return strip == QUrl::None ? endpoint : url.toString(strip);
}

ServerProfile readProfile(const QSettings &s)
{
    ServerProfile p;
    p.name = s.value(QStringLiteral("name")).toString();
    const QString kind = s.value(QStringLiteral("kind")).toString();
    p.kind = kind == QLatin1String("hosted")     ? ServerProfile::Kind::Hosted
        : kind == QLatin1String("natter-server") ? ServerProfile::Kind::NatterServer
                                                 : ServerProfile::Kind::SelfHosted;
    p.key = s.value(QStringLiteral("key")).toString();
    p.cluster = s.value(QStringLiteral("cluster")).toString();
    p.host = s.value(QStringLiteral("host")).toString();
    p.serverUrl = s.value(QStringLiteral("serverUrl")).toString();
    p.port = s.value(QStringLiteral("port"), 6001).toInt();
    p.tls = s.value(QStringLiteral("tls"), true).toBool();
    p.pathPrefix = s.value(QStringLiteral("pathPrefix")).toString();
    p.caFile = s.value(QStringLiteral("caFile")).toString();
    p.authMode = s.value(QStringLiteral("authMode")).toString() == QLatin1String("local-signing")
        ? ServerProfile::AuthMode::LocalSigning
        : ServerProfile::AuthMode::Endpoint;
    p.authEndpoint = s.value(QStringLiteral("authEndpoint")).toString();
    p.allowPlainTextSecret = s.value(QStringLiteral("allowPlainTextSecret"), false).toBool();
    return p;
}

void writeProfile(QSettings &s, const ServerProfile &p)
{
    // Field by field on purpose: a new ServerProfile member is not stored until someone decides
    // it is not a secret.
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("kind"), kindName(p.kind));
    s.setValue(QStringLiteral("key"), p.key);
    s.setValue(QStringLiteral("cluster"), p.cluster);
    s.setValue(QStringLiteral("host"), p.host);
    s.setValue(QStringLiteral("serverUrl"), withoutCredentials(p.serverUrl));
    s.setValue(QStringLiteral("port"), p.port);
    s.setValue(QStringLiteral("tls"), p.tls);
    s.setValue(QStringLiteral("pathPrefix"), p.pathPrefix);
    s.setValue(QStringLiteral("caFile"), p.caFile);
    s.setValue(QStringLiteral("authMode"), authModeName(p.authMode));
    s.setValue(QStringLiteral("authEndpoint"), withoutCredentials(p.authEndpoint));
    s.setValue(QStringLiteral("allowPlainTextSecret"), p.allowPlainTextSecret);
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    protectFile();
    // Written by a version that kept credentials in the endpoint URL: take them out now.
    const QList<ServerProfile> list = profiles();
    for (const ServerProfile &p : list) {
        if (withoutCredentials(p.authEndpoint) != p.authEndpoint) {
            writeAll(list);
            break;
        }
    }
}

void ProfileStore::protectFile()
{
    // The settings may hold plain-text secrets (the user's opt-in) and say which servers the
    // user talks to: 0600 in a 0700 folder. QSettings writes through QSaveFile, which keeps the
    // mode of the file it replaces, so creating the file 0600 before the first write is enough;
    // an existing file from an older version is tightened.
    const QString path = m_settings->fileName();
    // Not a file, or a Qt resource (read-only, in memory; QDir would take ":/a/b" for a
    // relative folder named ":" and create it).
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')) || !QFileInfo(path).isAbsolute())
        return;
    QString error;
    if (!PrivateFiles::makeDirectory(QFileInfo(path).absolutePath(), &error)) {
        qCWarning(lcChat).noquote() << error;
        return;
    }
    QFile file(path);
    if (!file.exists()
        && !file.open(QIODevice::WriteOnly | QIODevice::NewOnly, PrivateFiles::kFileMode))
        qCWarning(lcChat).noquote() << "cannot create" << path << ":" << file.errorString();
    file.close();
    if (!PrivateFiles::tightenFile(path, &error))
        qCWarning(lcChat).noquote() << error;
}

QList<ServerProfile> ProfileStore::profiles() const
{
    // The file may claim any size and any index (hand-edited, corrupt): a size of 2,000,000,000,
    // or one entry numbered 20,000,000, read that many empty entries and Natter never opened.
    // Only the entries present are read, in index order.
    QList<int> present;
    m_settings->beginGroup(QStringLiteral("profiles"));
    for (const QString &group : m_settings->childGroups()) {
        bool ok = false;
        const int index = group.toInt(&ok);
        if (ok && index >= 1)
            present.append(index);
    }
    m_settings->endGroup();
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
    QList<ServerProfile> out;
    const int size = m_settings->beginReadArray(QStringLiteral("profiles"));
    for (const int index : std::as_const(present)) {
        if (index > size)
            break;
        m_settings->setArrayIndex(index - 1);
        ServerProfile p = readProfile(*m_settings);
        if (!p.name.isEmpty())
            out.append(p);
    }
    m_settings->endArray();
    return out;
}

std::optional<ServerProfile> ProfileStore::profile(const QString &name) const
{
    for (const ServerProfile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

void ProfileStore::writeAll(const QList<ServerProfile> &list)
{
    m_settings->remove(QStringLiteral("profiles"));
    m_settings->beginWriteArray(QStringLiteral("profiles"), int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        writeProfile(*m_settings, list.at(i));
    }
    m_settings->endArray();
    m_settings->sync();
    protectFile(); // in case the file was replaced under us
}

void ProfileStore::save(const ServerProfile &profile, const QString &previousName)
{
    QList<ServerProfile> list = profiles();
    const QString oldName = previousName.isEmpty() ? profile.name : previousName;
    int at = -1;
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).name == oldName) {
            at = i;
            break;
        }
    }
    // Renaming onto another existing profile replaces that one.
    if (oldName != profile.name) {
        list.removeIf([&](const ServerProfile &p) { return p.name == profile.name; });
        at = -1;
        for (int i = 0; i < list.size(); ++i) {
            if (list.at(i).name == oldName)
                at = i;
        }
    }
    if (at >= 0)
        list[at] = profile;
    else
        list.append(profile);
    writeAll(list);
    if (oldName != profile.name) {
        moveState(oldName, profile.name);
        if (lastProfile() == oldName)
            setLastProfile(profile.name);
    }
    emit profilesChanged();
}

void ProfileStore::remove(const QString &name)
{
    QList<ServerProfile> list = profiles();
    if (list.removeIf([&](const ServerProfile &p) { return p.name == name; }) == 0)
        return;
    writeAll(list);
    m_settings->remove(QStringLiteral("state/") + keyPart(name));
    if (lastProfile() == name)
        m_settings->remove(QStringLiteral("lastProfile"));
    m_settings->sync();
    emit profilesChanged();
}

void ProfileStore::moveState(const QString &from, const QString &to)
{
    const QString fromGroup = QStringLiteral("state/") + keyPart(from);
    const QString toGroup = QStringLiteral("state/") + keyPart(to);
    m_settings->beginGroup(fromGroup);
    const QStringList keys = m_settings->allKeys();
    m_settings->endGroup();
    m_settings->remove(toGroup);
    for (const QString &key : keys)
        m_settings->setValue(toGroup + u'/' + key, m_settings->value(fromGroup + u'/' + key));
    m_settings->remove(fromGroup);
    m_settings->sync();
}

QString ProfileStore::lastProfile() const
{
    return m_settings->value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastProfile(const QString &name)
{
    m_settings->setValue(QStringLiteral("lastProfile"), name);
}

QString ProfileStore::lastUser() const
{
    return m_settings->value(QStringLiteral("lastUser")).toString();
}

void ProfileStore::setLastUser(const QString &user)
{
    m_settings->setValue(QStringLiteral("lastUser"), user);
}

QStringList ProfileStore::rooms(const QString &profile, const QString &user) const
{
    return m_settings->value(stateGroup(profile, user) + QStringLiteral("/rooms")).toStringList();
}

void ProfileStore::setRooms(const QString &profile, const QString &user, const QStringList &rooms)
{
    m_settings->setValue(stateGroup(profile, user) + QStringLiteral("/rooms"), rooms);
}

QString ProfileStore::lastRoom(const QString &profile, const QString &user) const
{
    return m_settings->value(stateGroup(profile, user) + QStringLiteral("/lastRoom")).toString();
}

void ProfileStore::setLastRoom(const QString &profile, const QString &user, const QString &room)
{
    m_settings->setValue(stateGroup(profile, user) + QStringLiteral("/lastRoom"), room);
}

QString ProfileStore::draft(const QString &profile, const QString &user, const QString &room) const
{
    return m_settings->value(stateGroup(profile, user) + QStringLiteral("/drafts/") + keyPart(room))
        .toString();
}

void ProfileStore::setDraft(const QString &profile, const QString &user, const QString &room,
                            const QString &text)
{
    const QString key = stateGroup(profile, user) + QStringLiteral("/drafts/") + keyPart(room);
    if (text.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, text);
}

} // namespace natter::chat
