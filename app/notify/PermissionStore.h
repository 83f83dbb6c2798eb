#pragma once

#include "Permission.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

class QSettings;

namespace natter::notify {

// Whether an origin (a server: host or cluster + app key) may raise desktop notifications,
// persisted in settings: the Webkit checkPermission()/requestPermission(callback) pair. A request
// for an origin that was never asked emits permissionRequested() once; the window shows its
// prompt and calls answer(). "Not now" leaves the origin NotAsked and is not asked again until
// the next run.
class PermissionStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Permission)>;

    // `settings` is not owned.
    explicit PermissionStore(QSettings *settings, QObject *parent = nullptr);
    ~PermissionStore() override;

    Permission checkPermission(const QString &origin) const;
    // Calls back at once when the origin was already answered (or put off this run); otherwise
    // when the user answers.
    void requestPermission(const QString &origin, Callback callback);
    // The user's answer to the prompt. NotAsked means "Not now".
    void answer(const QString &origin, Permission permission);
    bool isPending(const QString &origin) const { return m_waiting.contains(origin); }

    // Settings page: every origin with a stored answer.
    QStringList origins() const;
    void setPermission(const QString &origin, Permission permission);
    void forget(const QString &origin); // back to NotAsked, asked again next time

signals:
    void permissionRequested(const QString &origin);
    void permissionChanged(const QString &origin, natter::notify::Permission permission);

private:
    static QString keyFor(const QString &origin);

    QSettings *m_settings;
    QHash<QString, QList<Callback>> m_waiting;
    QSet<QString> m_putOff; // "Not now" this run
};

} // namespace natter::notify
