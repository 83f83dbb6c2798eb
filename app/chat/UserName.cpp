#include "UserName.h"

#include <QCoreApplication>

namespace natter::chat {

QString UserName::validate(const QString &typed)
{
    const QString name = normalized(typed);
    if (name.isEmpty())
        return QCoreApplication::translate("UserName", "Enter a user name.");
    // The name is the presence user id and part of file and keychain names: letters and digits
    // (any script), '_' and '-' keep it unambiguous and safe everywhere it ends up.
    for (const QChar c : name) {
        if (!(c.isLetter() || c.isDigit() || c == u'_' || c == u'-'))
            return QCoreApplication::translate("UserName", "Use only letters, digits, _ and -.");
    }
    if (name.size() > MaxLength)
        return QCoreApplication::translate("UserName", "Use at most %n characters.", nullptr,
                                           MaxLength);
    return {};
}

} // namespace natter::chat
