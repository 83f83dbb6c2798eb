#include "LibnotifyNotifier.h"

#include "LibnotifyNotification.h"
#include "LibnotifyWorker.h"
#include "LogDesktop.h"

#include <QDBusConnection>
#include <QThread>

namespace natter::desktop {

LibnotifyNotifier::LibnotifyNotifier(const QString &appName, QObject *parent)
    : Notifier(parent)
    , m_thread(new QThread)
    , m_worker(new LibnotifyWorker(appName))
{
    m_thread->setObjectName(QStringLiteral("libnotify"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LibnotifyWorker::started, this, &LibnotifyNotifier::onStarted);
    connect(m_worker, &LibnotifyWorker::shown, this,
            [this](quint64 id, uint serverId, qint64 micros) {
                m_byServerId.insert(serverId, id);
                emit showTimed(micros);
                if (auto n = m_live.value(id))
                    n->reportDisplayed();
            });
    connect(m_worker, &LibnotifyWorker::actionInvoked, this,
            [this](quint64 id, const QString &action, const QByteArray &token) {
                if (auto n = m_live.value(id))
                    n->reportAction(action, token);
            });
    connect(m_worker, &LibnotifyWorker::closed, this, [this](quint64 id, int reason) {
        m_byServerId.removeIf([id](auto it) { return it.value() == id; });
        if (auto n = m_live.value(id))
            n->reportClosed(reason >= 1 && reason <= 4 ? Notification::CloseReason(reason)
                                                       : Notification::CloseReason::Undefined);
    });
    connect(m_worker, &LibnotifyWorker::failed, this, [this](quint64 id, const QString &why) {
        if (auto n = m_live.value(id))
            n->reportFailed(why);
    });
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->start(); }, Qt::QueuedConnection);
}

LibnotifyNotifier::~LibnotifyNotifier()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->stop(); }, Qt::QueuedConnection);
    m_thread->quit();
    // A daemon that hangs keeps the worker in a D-Bus call for up to 25 s; quitting must not
    // wait for that. The thread is then left to the process exit rather than destroyed running.
    if (m_thread->wait(2000))
        delete m_thread;
    else
        qCWarning(lcDesktop) << "libnotify thread still busy at exit; not waiting for it";
}

Notification *LibnotifyNotifier::createNotification(const QString &icon, const QString &title,
                                                    const QString &body)
{
    const quint64 id = m_nextId++;
    auto *n = new LibnotifyNotification(this, id, icon, title, body);
    m_live.insert(id, n);
    return n;
}

void LibnotifyNotifier::requestShow(LibnotifyNotification *n)
{
    QStringList actions;
    for (const auto &a : n->actions())
        actions << a.name << a.label;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, id = n->id(), icon = n->icon(), image = n->image(), title = n->title(),
         body = n->body(), category = n->category(), sound = n->soundName(), origin = n->origin(),
         actions] { w->show(id, icon, image, title, body, category, sound, origin, actions); },
        Qt::QueuedConnection);
}

void LibnotifyNotifier::requestClose(quint64 id)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id] { w->close(id); }, Qt::QueuedConnection);
}

void LibnotifyNotifier::requestForget(quint64 id)
{
    m_live.remove(id);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id] { w->forget(id); }, Qt::QueuedConnection);
}

void LibnotifyNotifier::onStarted(bool ok, const QStringList &caps, const QString &server,
                                  const QString &why)
{
    m_started = true;
    m_capabilities = caps;
    m_server = server;
    m_why = why;
    m_failed = !ok;
    if (!ok)
        qCWarning(lcDesktop) << "libnotify unavailable:" << why;
    // libnotify does not listen for KDE's inline replies; the signal is read here instead
    // (QtDBus match rules are added asynchronously).
    if (ok && caps.contains(QLatin1String("inline-reply")) && !m_listeningForReplies) {
        m_listeningForReplies = QDBusConnection::sessionBus().connect(
            QStringLiteral("org.freedesktop.Notifications"),
            QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("NotificationReplied"),
            this, SLOT(onReplied(uint, QString)));
    }
    emit started(ok);
    emit availabilityChanged(ok);
}

void LibnotifyNotifier::onReplied(uint serverId, const QString &text)
{
    const quint64 id = m_byServerId.value(serverId);
    if (auto n = m_live.value(id))
        n->reportReplied(text);
}

} // namespace natter::desktop
