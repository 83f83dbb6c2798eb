#pragma once

#include "ServerProfile.h"

#include <QObject>
#include <QStringList>

#include <optional>

class QSettings;

namespace natter::chat {

// Server profiles and per-user state (joined rooms, last open room, drafts) in QSettings. Never
// secrets: an auth endpoint's password and query are not stored. The settings file is kept 0600 in
// a 0700 folder.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr); // not owned

    QList<ServerProfile> profiles() const;
    std::optional<ServerProfile> profile(const QString &name) const;
    void save(const ServerProfile &profile, const QString &previousName = {});
    void remove(const QString &name);

    QString lastProfile() const;
    void setLastProfile(const QString &name);
    QString lastUser() const;
    void setLastUser(const QString &user);
    QStringList rooms(const QString &profile, const QString &user) const;
    void setRooms(const QString &profile, const QString &user, const QStringList &rooms);
    QString lastRoom(const QString &profile, const QString &user) const;
    void setLastRoom(const QString &profile, const QString &user, const QString &room);
    // The unsent text in a room's message field; empty: none.
    QString draft(const QString &profile, const QString &user, const QString &room) const;
    void setDraft(const QString &profile, const QString &user, const QString &room,
                  const QString &text);

signals:
    void profilesChanged();

private:
    void protectFile();
    void writeAll(const QList<ServerProfile> &list);
    void moveState(const QString &from, const QString &to);

    QSettings *m_settings;
};

} // namespace natter::chat
