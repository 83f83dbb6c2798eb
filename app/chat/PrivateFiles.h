#pragma once

#include <QFileDevice>
#include <QString>

namespace natter::chat {

// Files Natter writes hold unsent messages, server profiles and (opted-in) plain-text secrets:
// only the user may read them, whatever the umask. Folders 0700, files 0600.
class PrivateFiles
{
public:
    static constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner
        | QFileDevice::WriteOwner;
    static constexpr QFileDevice::Permissions kDirMode = QFileDevice::ReadOwner
        | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

    // Creates the folder and the missing ones above it as 0700 and tightens the folder itself if
    // it already existed (folders above that existed before are the user's business: $HOME).
    static bool makeDirectory(const QString &path, QString *error = nullptr);
    // Creates the file's folder (makeDirectory) and, when the file exists, tightens it to 0600.
    static bool tightenFile(const QString &path, QString *error = nullptr);
};

} // namespace natter::chat
