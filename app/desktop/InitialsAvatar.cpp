#include "InitialsAvatar.h"

#include <QCryptographicHash>
#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QStringList>

namespace natter::desktop {

namespace {

QString firstLetterOf(const QString &word)
{
    for (int i = 0; i < word.size(); ++i) {
        // Whole code points: a letter outside the BMP is a surrogate pair.
        char32_t c = word.at(i).unicode();
        int length = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < word.size() && word.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(word.at(i), word.at(i + 1));
            length = 2;
        }
        if (QChar::isLetterOrNumber(c))
            return word.mid(i, length).toUpper();
        i += length - 1;
    }
    return {};
}

} // namespace

QString InitialsAvatar::initialsFor(const QString &name)
{
    QStringList words;
    for (const QString &w : name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!firstLetterOf(w).isEmpty())
            words << w;
    }
    if (words.isEmpty())
        return QStringLiteral("?");
    QString initials = firstLetterOf(words.first());
    if (words.size() > 1)
        initials += firstLetterOf(words.last());
    return initials;
}

int InitialsAvatar::hueFor(const QString &senderId)
{
    // MD5 rather than qHash: qHash is seeded per process, the colour must not change.
    const QByteArray hash = QCryptographicHash::hash(senderId.toUtf8(), QCryptographicHash::Md5);
    return (quint8(hash.at(0)) << 8 | quint8(hash.at(1))) % 360;
}

QColor InitialsAvatar::colorFor(const QString &senderId)
{
    // Mid lightness and saturation: white initials stay readable on every hue.
    return QColor::fromHsl(hueFor(senderId), 150, 100);
}

QImage InitialsAvatar::paint(const QString &senderId, const QString &name, int size)
{
    return paint(name, colorFor(senderId), Qt::white, size);
}

QImage InitialsAvatar::paint(const QString &name, const QColor &disc, const QColor &ink, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(disc);
    p.drawEllipse(QRectF(0, 0, size, size));
    // Text needs the font database, which only a QGuiApplication has: a GUI-less process (the
    // policy's unit tests) gets the bare disc rather than a crash.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QFont font;
        font.setBold(true);
        font.setPixelSize(qMax(1, size * 2 / 5));
        p.setFont(font);
        p.setPen(ink);
        p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initialsFor(name));
    }
    p.end();
    return image;
}

} // namespace natter::desktop
