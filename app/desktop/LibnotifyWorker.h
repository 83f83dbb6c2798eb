#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QStringList>

// libnotify's types, declared here so that this header (and moc) never includes GLib after Qt.
typedef struct _NotifyNotification NotifyNotification;

namespace natter::desktop {

// Everything libnotify does, on its own thread: notify_init, the capability query and
// notify_notification_show are synchronous D-Bus calls that wait up to 25 s for a hung daemon,
// which must never freeze the window. The thread runs Qt's GLib dispatcher, so the GLib signals
// (actions, closed) arrive on this thread's main context and are passed on as Qt signals.
// Only plain types cross the thread boundary.
class LibnotifyWorker : public QObject
{
    Q_OBJECT
public:
    explicit LibnotifyWorker(const QString &appName, QObject *parent = nullptr);
    ~LibnotifyWorker() override;

    // Called on the worker thread through queued invocations.
    void start();
    void show(quint64 id, const QString &icon, const QImage &image, const QString &title,
              const QString &body, const QString &category, const QString &soundName,
              const QString &origin, const QStringList &actionNamesAndLabels);
    void close(quint64 id);
    // The Notification object is gone: close what is still on screen and drop the reference.
    void forget(quint64 id);
    void stop();

    // libnotify callbacks (GLib), on the worker thread.
    void onAction(NotifyNotification *notification, const char *action);
    void onClosed(NotifyNotification *notification);

signals:
    void started(bool ok, const QStringList &capabilities, const QString &server,
                 const QString &why);
    // `serverId`: the daemon's notification id; `showMicros`: how long the D-Bus call took.
    void shown(quint64 id, uint serverId, qint64 showMicros);
    void actionInvoked(quint64 id, const QString &action, const QByteArray &activationToken);
    void closed(quint64 id, int reason);
    void failed(quint64 id, const QString &why);

private:
    void release(quint64 id);

    QString m_appName;
    bool m_ok = false;
    bool m_bodyMarkup = false;
    bool m_actions = false;
    bool m_inlineReply = false;
    QString m_why;
    QHash<quint64, NotifyNotification *> m_live; // each holds one reference until closed
};

} // namespace natter::desktop
