#pragma once

#include <QString>

namespace natter::pusher {

// Channel naming rules: type by prefix, allowed characters and length.
class ChannelName
{
public:
    enum class Type { Public, Private, Presence, PrivateEncrypted };
    static constexpr int MaxLength = 164; // Pusher's documented limit, prefix included

    static Type type(const QString &name);
    static bool isCache(const QString &name);
    static bool needsAuth(const QString &name) { return type(name) != Type::Public; }
    // Empty when valid, else a sentence saying what is wrong.
    static QString validate(const QString &name);
    // Client events are allowed on private and presence channels (not encrypted, not public).
    static bool allowsClientEvents(const QString &name);
};

} // namespace natter::pusher
