#include "MessageAppearance.h"

#include "MessageDelegate.h"
#include "MessageView.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QWheelEvent>

#include <cstdlib>
#include <iterator>

namespace natter::ui {

namespace {
const QString kZoomKey = QStringLiteral("view/zoom");
const QString kCompactKey = QStringLiteral("view/compact");
} // namespace

MessageAppearance::MessageAppearance(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_zoomIn = new QAction(tr("Zoom &In"), this);
    m_zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    // Ctrl+= is Ctrl++ without Shift on most layouts.
    m_zoomIn->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOut = new QAction(tr("Zoom &Out"), this);
    m_zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    m_zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_zoomReset = new QAction(tr("&Actual Size"), this);
    m_zoomReset->setObjectName(QStringLiteral("zoomResetAction"));
    m_zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_compactAction = new QAction(tr("&Compact Mode"), this);
    m_compactAction->setObjectName(QStringLiteral("compactModeAction"));
    m_compactAction->setCheckable(true);
    connect(m_zoomIn, &QAction::triggered, this, &MessageAppearance::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &MessageAppearance::zoomOut);
    connect(m_zoomReset, &QAction::triggered, this, &MessageAppearance::resetZoom);
    connect(m_compactAction, &QAction::toggled, this, &MessageAppearance::setCompact);

    if (m_settings) {
        setZoom(m_settings->value(kZoomKey, DefaultZoom).toInt());
        setCompact(m_settings->value(kCompactKey, false).toBool());
    }
}

void MessageAppearance::attach(MessageView *view, QWidget *editor)
{
    if (m_view)
        m_view->viewport()->removeEventFilter(this);
    m_view = view;
    m_editor = editor;
    if (view) {
        m_viewFont = view->font();
        view->viewport()->installEventFilter(this);
    }
    if (editor)
        m_editorFont = editor->font();
    apply();
}

bool MessageAppearance::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            // One step per notch (120 units); touchpads send many small deltas.
            m_wheelDelta += wheel->angleDelta().y();
            for (; m_wheelDelta >= 120; m_wheelDelta -= 120)
                zoomIn();
            for (; m_wheelDelta <= -120; m_wheelDelta += 120)
                zoomOut();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void MessageAppearance::addToMenu(QMenu *menu)
{
    menu->addSeparator();
    menu->addAction(m_zoomIn);
    menu->addAction(m_zoomOut);
    menu->addAction(m_zoomReset);
    menu->addSeparator();
    menu->addAction(m_compactAction);
}

QList<QAction *> MessageAppearance::actions() const
{
    return {m_zoomIn, m_zoomOut, m_zoomReset, m_compactAction};
}

void MessageAppearance::setZoom(int percent)
{
    int best = DefaultZoom;
    for (int step : Steps) {
        if (std::abs(step - percent) < std::abs(best - percent))
            best = step;
    }
    m_zoomIn->setEnabled(best < Steps[std::size(Steps) - 1]);
    m_zoomOut->setEnabled(best > Steps[0]);
    if (best == m_zoom)
        return;
    m_zoom = best;
    if (m_settings)
        m_settings->setValue(kZoomKey, m_zoom);
    apply();
    emit zoomChanged(m_zoom);
}

void MessageAppearance::zoomIn()
{
    for (int step : Steps) {
        if (step > m_zoom) {
            setZoom(step);
            return;
        }
    }
}

void MessageAppearance::zoomOut()
{
    for (auto it = std::rbegin(Steps); it != std::rend(Steps); ++it) {
        if (*it < m_zoom) {
            setZoom(*it);
            return;
        }
    }
}

void MessageAppearance::resetZoom()
{
    setZoom(DefaultZoom);
}

void MessageAppearance::setCompact(bool compact)
{
    if (m_compactAction->isChecked() != compact)
        m_compactAction->setChecked(compact); // comes back here through toggled
    if (compact == m_compact)
        return;
    m_compact = compact;
    if (m_settings)
        m_settings->setValue(kCompactKey, m_compact);
    apply();
    emit compactChanged(m_compact);
}

QFont MessageAppearance::scaled(const QFont &base, int percent)
{
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * percent / 100.0);
    else if (base.pixelSize() > 0)
        font.setPixelSize(qMax(6, base.pixelSize() * percent / 100));
    return font;
}

void MessageAppearance::apply()
{
    if (m_view) {
        m_view->messageDelegate()->setCompact(m_compact);
        // A font change makes the view lay its rows out again; the delegate drops its cache.
        m_view->setFont(scaled(m_viewFont, m_zoom));
    }
    if (m_editor)
        m_editor->setFont(scaled(m_editorFont, m_zoom));
}

} // namespace natter::ui
