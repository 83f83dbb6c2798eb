#pragma once

#include <QColor>
#include <QImage>
#include <QString>

namespace natter::desktop {

// The picture on a notification: the sender's initials on a disc coloured from the sender's id.
// The hue comes from the id (not the name, which a peer may change or share), with the same
// hashing as the message list's sender colours, so a person looks the same everywhere.
// Lives here rather than in ui/ because the notification policy (no widgets) paints it.
class InitialsAvatar
{
public:
    static constexpr int DefaultSize = 64;

    // Up to two letters: the first letter of the first and of the last word ("Ada Lovelace" ->
    // "AL", "bob" -> "B"); "?" when the name has no letter or digit.
    static QString initialsFor(const QString &name);
    // Deterministic for an id, whatever the process or platform.
    static int hueFor(const QString &senderId);
    static QColor colorFor(const QString &senderId);
    // A square ARGB32 image of `size` pixels, transparent outside the disc.
    static QImage paint(const QString &senderId, const QString &name, int size = DefaultSize);
    // The same picture in given colours (the window's avatars use the theme's sender colour).
    static QImage paint(const QString &name, const QColor &disc, const QColor &ink, int size);
};

} // namespace natter::desktop
