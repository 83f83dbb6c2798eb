#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace natter::desktop {

Autostart::Autostart(const QString &command, const QString &configHome)
    : m_command(command)
{
    QString home = configHome;
    if (home.isEmpty())
        home = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (home.isEmpty())
        home = QDir::homePath() + QStringLiteral("/.config");
    m_path = home + QStringLiteral("/autostart/natter.desktop");
}

bool Autostart::isEnabled() const
{
    return QFileInfo::exists(m_path);
}

bool Autostart::setEnabled(bool enabled, bool minimized)
{
    m_error.clear();
    if (!enabled) {
        if (QFile::exists(m_path) && !QFile::remove(m_path)) {
            m_error = QStringLiteral("cannot remove %1").arg(m_path);
            return false;
        }
        return true;
    }
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().exists(dir)) {
        if (!QDir().mkpath(dir)) {
            m_error = QStringLiteral("cannot create %1").arg(dir);
            return false;
        }
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    // Exec= quoting (desktop entry spec): the path in double quotes, with \ " ` $ escaped.
    QString exec = m_command;
    for (const char *c : {"\\", "\"", "`", "$"})
        exec.replace(QLatin1String(c), QLatin1String("\\") + QLatin1String(c));
    exec = QLatin1Char('"') + exec + QLatin1Char('"');
    if (minimized)
        exec += QStringLiteral(" --minimized");
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const QString text = QStringLiteral("[Desktop Entry]\nType=Application\nName=Natter\n"
                                        "Exec=%1\nIcon=natter\nX-GNOME-Autostart-enabled=true\n")
                             .arg(exec);
    file.write(text.toUtf8());
    if (!file.commit()) {
        m_error = file.errorString();
        return false;
    }
    return true;
}

} // namespace natter::desktop
