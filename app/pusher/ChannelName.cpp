#include "ChannelName.h"

namespace natter::pusher {

ChannelName::Type ChannelName::type(const QString &name)
{
    if (name.startsWith(QLatin1String("private-encrypted-")))
        return Type::PrivateEncrypted;
    if (name.startsWith(QLatin1String("private-")))
        return Type::Private;
    if (name.startsWith(QLatin1String("presence-")))
        return Type::Presence;
    return Type::Public;
}

bool ChannelName::isCache(const QString &name)
{
    return name.startsWith(QLatin1String("cache-"))
        || name.startsWith(QLatin1String("private-cache-"))
        || name.startsWith(QLatin1String("private-encrypted-cache-"))
        || name.startsWith(QLatin1String("presence-cache-"));
}

QString ChannelName::validate(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("channel name is empty");
    if (name.size() > MaxLength)
        return QStringLiteral("channel name is %1 characters long; the limit is %2")
            .arg(name.size())
            .arg(MaxLength);
    if (name.startsWith(u'#'))
        return QStringLiteral("channel names starting with '#' are reserved");
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '_' || u == '-' || u == '=' || u == '@' || u == ',' || u == '.' || u == ';';
        if (!ok)
            return QStringLiteral(
                       "channel name contains '%1'; allowed are letters, digits and _ - = @ , . ;")
                .arg(c);
    }
    for (const auto prefix :
         {QLatin1String("private-encrypted-"), QLatin1String("private-"),
          QLatin1String("presence-"), QLatin1String("cache-"), QLatin1String("private-cache-"),
          QLatin1String("presence-cache-"), QLatin1String("private-encrypted-cache-")}) {
        if (name == prefix)
            return QStringLiteral("channel name '%1' has a prefix but no name").arg(name);
    }
    return {};
}

bool ChannelName::allowsClientEvents(const QString &name)
{
    const Type t = type(name);
    return t == Type::Private || t == Type::Presence;
}

} // namespace natter::pusher
