#pragma once

#include <QString>

namespace natter::desktop {

// The unread count on the launcher icon: the com.canonical.Unity.LauncherEntry "Update" signal,
// read by KDE Plasma's task manager, dash-to-dock, Plank and others (Qt 6.4 has no
// setBadgeNumber). Sending a signal never waits for anyone.
class LauncherBadge
{
public:
    explicit LauncherBadge(const QString &desktopFile = QStringLiteral("natter.desktop"));

    void setCount(int count);
    int count() const { return m_count; }
    QString objectPath() const { return m_path; }
    QString appUri() const { return m_uri; }

private:
    QString m_uri;
    QString m_path;
    int m_count = -1; // nothing sent yet
};

} // namespace natter::desktop
