#pragma once

#include "Notifier.h"

#include <QHash>
#include <QPointer>

class QThread;

namespace natter::desktop {

class LibnotifyNotification;
class LibnotifyWorker;

// Native notifications through libnotify (org.freedesktop.Notifications, or the notification
// portal when sandboxed, libnotify >= 0.8). All libnotify calls run on a worker thread (see
// LibnotifyWorker), so a missing or hung daemon never blocks the window; this object only
// forwards requests and routes the answers to the Notification objects.
// isAvailable() is true until the server is known to be missing; then availabilityChanged(false)
// lets the owner fall back to another notifier.
class LibnotifyNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit LibnotifyNotifier(const QString &appName = QStringLiteral("Natter"),
                               QObject *parent = nullptr);
    ~LibnotifyNotifier() override;

    Notification *createNotification(const QString &icon, const QString &title,
                                     const QString &body) override;
    QStringList capabilities() const override { return m_capabilities; }
    bool isAvailable() const override { return !m_failed; }
    QString backendName() const override { return QStringLiteral("libnotify"); }

    bool isStarted() const { return m_started; }
    QString serverInfo() const { return m_server; }
    QString lastError() const { return m_why; }

signals:
    void started(bool ok);
    // The D-Bus Notify call for a notification returned after `micros` (measured on the worker).
    void showTimed(qint64 micros);

private:
    friend class LibnotifyNotification;
    void requestShow(LibnotifyNotification *notification);
    void requestClose(quint64 id);
    void requestForget(quint64 id);
    void onStarted(bool ok, const QStringList &caps, const QString &server, const QString &why);

private slots:
    void onReplied(uint serverId, const QString &text);

private:
    QThread *m_thread;
    LibnotifyWorker *m_worker; // lives on m_thread
    QHash<quint64, QPointer<LibnotifyNotification>> m_live;
    QHash<uint, quint64> m_byServerId;
    quint64 m_nextId = 1;
    QStringList m_capabilities;
    QString m_server;
    QString m_why;
    bool m_started = false;
    bool m_failed = false;
    bool m_listeningForReplies = false;
};

} // namespace natter::desktop
