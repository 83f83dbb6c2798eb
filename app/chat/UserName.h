#pragma once

#include <QString>

namespace natter::chat {

// The user name typed at login: it becomes the presence user id, so it is kept simple. The one
// rule for the window, the command line and the backend: after trimming, 1-32 letters, digits,
// '_' and '-'.
class UserName
{
public:
    static constexpr int MaxLength = 32;
    // The name as used: without surrounding white space.
    static QString normalized(const QString &name) { return name.trimmed(); }
    // Empty when normalized(name) is valid, else a message for the user.
    static QString validate(const QString &name);
    static bool isValid(const QString &name) { return validate(name).isEmpty(); }
};

} // namespace natter::chat
