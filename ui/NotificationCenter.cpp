#include "NotificationCenter.h"

#include "ChatPage.h"
#include "ChatSession.h"
#include "LogUi.h"
#include "MainWindow.h"
#include "NotificationPromptBar.h"
#include "SessionManager.h"
#include "TrayBalloonNotifier.h"
#include "TrayIcon.h"

#include <chat/ChatController.h>
#include <chat/Room.h>
#include <desktop/LibnotifyNotifier.h>
#include <desktop/NullNotifier.h>
#include <notify/MessageNotifier.h>
#include <notify/NotificationPreferences.h>
#include <notify/Origin.h>
#include <notify/PermissionStore.h>
#include <pusher/SystemClock.h>

#include <QApplication>
#include <QDateTime>
#include <QGuiApplication>
#include <QWindow>

namespace natter::ui {

using natter::notify::MessageNotifier;
using natter::notify::Permission;

NotificationCenter::NotificationCenter(QSettings *settings, SessionManager *sessions,
                                       MainWindow *window, TrayIcon *tray,
                                       natter::pusher::Clock *clock,
                                       natter::desktop::Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_window(window)
    , m_tray(tray)
{
    if (!clock) {
        m_ownClock = std::make_unique<natter::pusher::SystemClock>();
        clock = m_ownClock.get();
    }
    m_permissions = new natter::notify::PermissionStore(settings, this);
    m_preferences = new natter::notify::NotificationPreferences(settings, this);
    m_messages = new MessageNotifier(m_permissions, m_preferences, clock, this);
    if (!notifier) {
        auto *libnotify = new natter::desktop::LibnotifyNotifier(QStringLiteral("Natter"));
        m_ownNotifier.reset(libnotify);
        notifier = libnotify;
        connect(libnotify, &natter::desktop::LibnotifyNotifier::started, this, [this](bool ok) {
            if (!ok)
                useFallback(static_cast<natter::desktop::LibnotifyNotifier *>(m_ownNotifier.get())
                                ->lastError());
        });
    }
    m_messages->setNotifier(notifier);

    connect(m_permissions, &natter::notify::PermissionStore::permissionRequested, this,
            [this](const QString &origin) {
                if (m_window)
                    m_window->notificationPrompt()->ask(origin);
            });
    connect(m_window->notificationPrompt(), &NotificationPromptBar::answered, m_permissions,
            &natter::notify::PermissionStore::answer);

    connect(m_messages, &MessageNotifier::activateRoomRequested, this,
            [this](const QString &room, const QByteArray &token) {
                // Wayland only lets a window take the focus with the token the server passed.
                if (!token.isEmpty())
                    qputenv("XDG_ACTIVATION_TOKEN", token);
                m_window->raiseAndActivate();
                m_window->chatPage()->showRoom(room);
            });
    connect(m_messages, &MessageNotifier::markReadRequested, this, &NotificationCenter::markRead);
    connect(m_messages, &MessageNotifier::replyRequested, this,
            [this](const QString &room, const QString &text) {
                if (m_session)
                    m_session->controller()->send(room, text);
            });
    connect(m_messages, &MessageNotifier::attentionRequested, this, [this] {
        if (m_window && !m_window->isActiveWindow())
            QApplication::alert(m_window);
    });
    connect(m_messages, &MessageNotifier::notificationFailed, this, [this](const QString &why) {
        // One failed call (a daemon that timed out once) is no reason to give up on it for good:
        // fall back only when the backend says it cannot work at all.
        if (m_messages->notifier() && m_messages->notifier()->isAvailable()) {
            m_notice = tr("A notification could not be shown: %1").arg(why);
            emit noticeChanged(m_notice);
        } else {
            useFallback(why);
        }
    });

    connect(m_sessions, &SessionManager::loggedIn, this, &NotificationCenter::onSession);
    connect(m_sessions, &SessionManager::sessionChanged, this, [this](ChatSession *session) {
        if (!session)
            onSession(nullptr);
    });
    connect(m_window->chatPage(), &ChatPage::currentRoomChanged, this,
            &NotificationCenter::updateFocusedRoom);
    connect(qApp, &QGuiApplication::focusWindowChanged, this,
            &NotificationCenter::updateFocusedRoom);
    connect(m_window, &MainWindow::pageChanged, this, &NotificationCenter::updateFocusedRoom);
    if (m_tray)
        connect(m_tray, &TrayIcon::doNotDisturbToggled, this, [this](bool on) {
            if (on)
                setDoNotDisturbUntilTomorrow();
            else
                clearDoNotDisturb();
        });
}

NotificationCenter::~NotificationCenter()
{
    m_messages->setController(nullptr);
    m_messages->setNotifier(nullptr);
}

natter::desktop::Notifier *NotificationCenter::notifier() const
{
    return m_messages->notifier();
}

void NotificationCenter::onSession(ChatSession *session)
{
    m_session = session;
    m_messages->setController(session ? session->controller() : nullptr);
    m_messages->setOrigin(session ? natter::notify::originOf(session->profile()) : QString());
    updateFocusedRoom();
}

void NotificationCenter::updateFocusedRoom()
{
    const bool focused = m_window && m_window->isActiveWindow()
        && m_window->page() == MainWindow::Page::Chat;
    m_messages->setFocusedRoom(focused ? m_window->chatPage()->currentRoom() : QString());
}

void NotificationCenter::useFallback(const QString &why)
{
    if (m_fallback && m_messages->notifier() == m_fallback.get())
        return;
    qCInfo(lcUi) << "desktop notifications fall back:" << why;
    if (m_tray && m_tray->isAvailable()) {
        m_fallback = std::make_unique<TrayBalloonNotifier>(m_tray);
        m_notice = tr("No notification server answers (%1); notifications appear as tray "
                      "messages.")
                       .arg(why);
    } else {
        m_fallback = std::make_unique<natter::desktop::NullNotifier>();
        m_notice = tr("Desktop notifications are off: no notification server answers (%1) "
                      "and there is no system tray.")
                       .arg(why);
    }
    m_messages->setNotifier(m_fallback.get());
    emit noticeChanged(m_notice);
}

void NotificationCenter::markRead(const QString &room)
{
    if (!m_session)
        return;
    if (natter::chat::Room *r = m_session->controller()->room(room))
        r->markRead();
}

void NotificationCenter::setDoNotDisturbFor(qint64 ms)
{
    m_messages->policy()->setDoNotDisturbFor(ms);
    emit doNotDisturbChanged(true);
}

void NotificationCenter::setDoNotDisturbUntilTomorrow()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime tomorrow(now.date().addDays(1), QTime(8, 0));
    setDoNotDisturbFor(now.msecsTo(tomorrow));
}

void NotificationCenter::clearDoNotDisturb()
{
    m_messages->policy()->clearDoNotDisturb();
    emit doNotDisturbChanged(false);
}

bool NotificationCenter::isDoNotDisturb() const
{
    return m_messages->policy()->isDoNotDisturb();
}

} // namespace natter::ui
