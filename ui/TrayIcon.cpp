#include "TrayIcon.h"

#include "LogUi.h"
#include "MainWindow.h"
#include "SymbolicIcon.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

namespace natter::ui {

TrayIcon::TrayIcon(MainWindow *window, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_menu(new QMenu)
    , m_poll(new QTimer(this))
{
    m_open = m_menu->addAction(tr("Open Natter"));
    connect(m_open, &QAction::triggered, this, [this] {
        if (m_window)
            m_window->raiseAndActivate();
    });
    m_dnd = m_menu->addAction(tr("Do not disturb"));
    m_dnd->setCheckable(true);
    connect(m_dnd, &QAction::toggled, this, &TrayIcon::doNotDisturbToggled);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit"));
    connect(m_quit, &QAction::triggered, this, [this] {
        if (m_window)
            m_window->saveWindowState();
        QCoreApplication::quit();
    });
    if (m_window)
        m_window->installEventFilter(this);
    m_poll->setInterval(3000);
    connect(m_poll, &QTimer::timeout, this, &TrayIcon::checkTray);
    m_poll->start();
    checkTray();
}

TrayIcon::~TrayIcon()
{
    // Before QApplication goes: a tray icon outliving it crashes in the platform plugin.
    dropIcon();
    delete m_menu;
}

QString TrayIcon::toolTipFor(int unread)
{
    if (unread <= 0)
        return QStringLiteral("Natter");
    return tr("Natter — %n unread", nullptr, unread);
}

QIcon TrayIcon::iconFor(const QIcon &base, int unread)
{
    if (unread <= 0)
        return base;
    QIcon result;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        // An icon smaller than `size` comes back smaller: draw it onto a canvas of that size.
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        {
            QPainter canvas(&pixmap);
            canvas.drawPixmap(QRect(0, 0, size, size), base.pixmap(size, size));
        }
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int d = size * 5 / 8;
        const QRect badge(size - d, 0, d, d);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd0, 0x1b, 0x1b));
        p.drawEllipse(badge);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(qMax(6, d * (text.size() > 2 ? 4 : text.size() > 1 ? 5 : 7) / 10));
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
        p.end();
        result.addPixmap(pixmap);
    }
    return result;
}

void TrayIcon::setUnread(int total)
{
    total = qMax(0, total);
    if (total == m_unread)
        return;
    m_unread = total;
    refresh();
}

bool TrayIcon::closeToTray() const
{
    return m_settings->value(QStringLiteral("tray/closeToTray"), true).toBool();
}

void TrayIcon::setCloseToTray(bool on)
{
    m_settings->setValue(QStringLiteral("tray/closeToTray"), on);
    QApplication::setQuitOnLastWindowClosed(!(on && isAvailable()));
}

bool TrayIcon::startMinimized() const
{
    return m_settings->value(QStringLiteral("tray/startMinimized"), false).toBool();
}

void TrayIcon::setStartMinimized(bool on)
{
    m_settings->setValue(QStringLiteral("tray/startMinimized"), on);
}

void TrayIcon::checkTray()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    if (available == isAvailable())
        return;
    if (available)
        createIcon();
    else
        dropIcon();
    qCInfo(lcUi) << (available ? "system tray found" : "system tray gone");
    // Without a tray, closing the window must quit (the window would be unreachable otherwise);
    // a window hidden to a tray that went away comes back.
    QApplication::setQuitOnLastWindowClosed(!(available && closeToTray()));
    if (!available && m_window && m_window->isHidden())
        m_window->show();
    emit availableChanged(available);
}

void TrayIcon::createIcon()
{
    m_icon = new QSystemTrayIcon(this);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    toggleWindow();
            });
    refresh();
    m_icon->show();
}

void TrayIcon::dropIcon()
{
    delete m_icon;
    m_icon = nullptr;
}

void TrayIcon::refresh()
{
    if (!m_icon)
        return;
    m_icon->setIcon(iconFor(SymbolicIcon::appIcon(), m_unread));
    m_icon->setToolTip(toolTipFor(m_unread));
}

void TrayIcon::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && m_window->isActiveWindow() && !m_window->isMinimized()) {
        m_window->saveWindowState();
        m_window->hide();
    } else {
        m_window->raiseAndActivate();
    }
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && isAvailable() && closeToTray()
        && !QCoreApplication::closingDown()) {
        // Chat apps live in the background: the window goes to the tray, Quit quits.
        m_window->saveWindowState();
        m_window->hide();
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace natter::ui
