#pragma once

#include <QCache>
#include <QColor>
#include <QHashFunctions>
#include <QPalette>
#include <QPixmap>
#include <QString>

class QPainter;

namespace natter::ui {

// Initials avatars for the window: desktop::InitialsAvatar's initials on a disc in the sender's
// colour (ThemeColors::senderColor, the colour of the name beside it), optionally with a presence
// dot. Painted pictures are kept (least recently used go first), so a list that repaints its
// rows on every scroll step paints each person once per size and theme.
class AvatarPainter
{
public:
    enum class Presence { None, Online, Offline };

    static constexpr int MaxCached = 256;

    AvatarPainter();

    // `size` in logical pixels; the picture has `devicePixelRatio` physical pixels per pixel.
    QPixmap pixmap(const QString &userId, const QString &name, const QPalette &palette, int size,
                   qreal devicePixelRatio = 1.0, Presence presence = Presence::None) const;
    void draw(QPainter *painter, const QRect &rect, const QString &userId, const QString &name,
              const QPalette &palette, Presence presence = Presence::None) const;
    void clear();

    int cachedCount() const { return int(m_cache.count()); }
    // Pictures painted so far (each a cache miss).
    int paintCount() const { return m_paints; }

    // The disc's colour and the colour of the initials on it (whichever of black and white reads
    // better on it).
    static QColor discColor(const QPalette &palette, const QString &userId);
    static QColor inkColor(const QColor &disc);
    static QColor presenceColor(const QPalette &palette, Presence presence);
    // Where the presence dot sits on an avatar of `size` pixels (its bottom right corner).
    static QRectF presenceDot(qreal size);

private:
    // Everything the picture depends on; the disc colour follows from the id and the base colour.
    struct Key
    {
        QString userId;
        QString name;
        int size;
        qreal devicePixelRatio;
        QRgb base;
        Presence presence;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.userId, key.name, key.size, key.base, int(key.presence),
                              qRound(key.devicePixelRatio * 100));
        }
    };

    mutable QCache<Key, QPixmap> m_cache;
    mutable int m_paints = 0;
};

} // namespace natter::ui
