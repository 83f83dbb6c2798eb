#pragma once

#include <QString>

namespace natter::chat {

// The user name typed at login: it becomes the presence user id, so it is kept simple.
class UserName
{
public:
    static constexpr int MaxLength = 32;
    // Empty when valid, else a message for the user.
    static QString validate(const QString &name);
    static bool isValid(const QString &name) { return validate(name).isEmpty(); }
};

} // namespace natter::chat
