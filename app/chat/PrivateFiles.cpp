#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QStringList>

namespace natter::chat {

bool PrivateFiles::makeDirectory(const QString &path, QString *error)
{
    const QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    // The folders mkpath is about to create, so that each of them (not only the last) is 0700.
    QStringList created;
    for (QString dir = target; !QFileInfo::exists(dir);) {
        created.prepend(dir);
        const QString parent = QFileInfo(dir).absolutePath();
        if (parent == dir)
            break;
        dir = parent;
    }
    if (!QDir().mkpath(target)) {
        if (error)
            *error = QObject::tr("Cannot create the folder %1.").arg(target);
        return false;
    }
    if (!created.contains(target))
        created.append(target);
    for (const QString &dir : std::as_const(created)) {
        if (!QFile::setPermissions(dir, kDirMode)) {
            if (error)
                *error = QObject::tr("Cannot make the folder %1 private.").arg(dir);
            return false;
        }
    }
    return true;
}

bool PrivateFiles::tightenFile(const QString &path, QString *error)
{
    if (!makeDirectory(QFileInfo(path).absolutePath(), error))
        return false;
    QFile file(path);
    if (file.exists() && !file.setPermissions(kFileMode)) {
        if (error)
            *error
                = QObject::tr("Cannot make the file %1 private: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace natter::chat
