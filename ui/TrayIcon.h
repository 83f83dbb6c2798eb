#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSettings;
class QSystemTrayIcon;
class QTimer;

namespace natter::ui {

class MainWindow;

// The system tray icon, only while a tray exists (checked again every few seconds: trays come
// and go): the unread total painted on the icon and in the tooltip ("Natter — 3 unread"), a menu
// (Open, Do not disturb, Quit), activation toggles the window. With "Close to tray" (on by
// default when a tray exists) closing the window hides it; without a tray closing quits.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // `settings` is not owned (tray/closeToTray, tray/startMinimized).
    TrayIcon(MainWindow *window, QSettings *settings, QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const { return m_icon != nullptr; }
    QSystemTrayIcon *icon() const { return m_icon; }
    int unread() const { return m_unread; }
    void setUnread(int total);
    QAction *doNotDisturbAction() const { return m_dnd; }

    bool closeToTray() const;
    void setCloseToTray(bool on);
    bool startMinimized() const;
    void setStartMinimized(bool on);

    // "Natter — N unread", or "Natter" at zero.
    static QString toolTipFor(int unread);
    // The app icon with the count in a badge (99+ above 99).
    static QIcon iconFor(const QIcon &base, int unread);

public slots:
    // Looks for a tray now (also done on a timer); creates or drops the icon.
    void checkTray();
    void toggleWindow();

signals:
    void availableChanged(bool available);
    void doNotDisturbToggled(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createIcon();
    void dropIcon();
    void refresh();

    QPointer<MainWindow> m_window;
    QSettings *m_settings;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu;
    QAction *m_open;
    QAction *m_dnd;
    QAction *m_quit;
    QTimer *m_poll;
    int m_unread = 0;
};

} // namespace natter::ui
