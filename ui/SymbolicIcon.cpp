#include "SymbolicIcon.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

// natter_ui is a static library: its resources (icons) must be registered explicitly.
static void initNatterResources()
{
    Q_INIT_RESOURCE(natter);
}

namespace natter::ui {

namespace {

class TintEngine : public QIconEngine
{
public:
    explicit TintEngine(const QString &path)
        : m_path(path)
        , m_source(path)
    {
    }

    QIconEngine *clone() const override { return new TintEngine(m_path); }
    QString key() const override { return QStringLiteral("natter-symbolic"); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = scaledPixmap(rect.size(), mode, state, dpr);
        painter->drawPixmap(rect, pm);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        const QSize device = (QSizeF(size) * scale).toSize();
        QPixmap shape = m_source.pixmap(device, QIcon::Normal, state);
        if (shape.isNull())
            return shape;
        QPixmap out(shape.size());
        out.fill(Qt::transparent);
        QPainter p(&out);
        p.drawPixmap(0, 0, shape);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        const QPalette pal = QApplication::palette();
        QColor c = pal.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                             mode == QIcon::Selected ? QPalette::HighlightedText
                                                     : QPalette::ButtonText);
        p.fillRect(out.rect(), c);
        p.end();
        out.setDevicePixelRatio(scale);
        return out;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

private:
    QString m_path;
    QIcon m_source;
};

} // namespace

void SymbolicIcon::ensureResources()
{
    static const bool once = (initNatterResources(), true);
    Q_UNUSED(once)
}

QIcon SymbolicIcon::get(const QString &name)
{
    ensureResources();
    return QIcon(new TintEngine(QStringLiteral(":/icons/%1.svg").arg(name)));
}

QIcon SymbolicIcon::appIcon()
{
    ensureResources();
    return QIcon(QStringLiteral(":/icons/natter.svg"));
}

} // namespace natter::ui
