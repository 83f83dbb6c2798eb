#pragma once

#include <QString>

namespace natter::desktop {

// "Start at login": the XDG autostart entry $XDG_CONFIG_HOME/autostart/natter.desktop.
class Autostart
{
public:
    // `configHome` empty: $XDG_CONFIG_HOME, else ~/.config. `command`: the program to start.
    explicit Autostart(const QString &command, const QString &configHome = {});

    QString filePath() const { return m_path; }
    bool isEnabled() const;
    // Writes (with --minimized when asked: only offered when a tray exists) or removes the
    // entry. False with errorString() set when the file cannot be written or removed.
    bool setEnabled(bool enabled, bool minimized);
    QString errorString() const { return m_error; }

private:
    QString m_command;
    QString m_path;
    QString m_error;
};

} // namespace natter::desktop
