// GLib/libnotify first: Qt's `signals` keyword macro breaks gio's headers otherwise.
#include <libnotify/notify.h>

#include "LibnotifyWorker.h"

#include "LogDesktop.h"
#include "Notification.h"
#include "NotificationText.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QThread>

namespace natter::desktop {

namespace {

const char IdKey[] = "natter-id";

quint64 idOf(NotifyNotification *notification)
{
    return quint64(GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(notification), IdKey)));
}

void actionCallback(NotifyNotification *notification, char *action, gpointer worker)
{
    static_cast<LibnotifyWorker *>(worker)->onAction(notification, action);
}

void closedCallback(NotifyNotification *notification, gpointer worker)
{
    static_cast<LibnotifyWorker *>(worker)->onClosed(notification);
}

// The spec's image-data hint, (iiibiiay): width, height, rowstride, has alpha, bits per sample,
// channels, the RGBA bytes. Built by hand: notify_notification_set_image_from_pixbuf needs
// gdk-pixbuf, which Natter does not link.
GVariant *imageDataFor(const QImage &image)
{
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    GVariant *bytes = g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, rgba.constBits(),
                                                gsize(rgba.sizeInBytes()), 1);
    return g_variant_new("(iiibii@ay)", rgba.width(), rgba.height(), int(rgba.bytesPerLine()), TRUE,
                         8, 4, bytes);
}

QString takeError(GError *error)
{
    const QString message = error ? QString::fromUtf8(error->message) : QString();
    if (error)
        g_error_free(error);
    return message;
}

} // namespace

LibnotifyWorker::LibnotifyWorker(const QString &appName, QObject *parent)
    : QObject(parent)
    , m_appName(appName)
{
}

LibnotifyWorker::~LibnotifyWorker()
{
    stop();
}

void LibnotifyWorker::start()
{
    auto *dispatcher = QAbstractEventDispatcher::instance(QThread::currentThread());
    // Without GLib's loop (QT_NO_GLIB=1) libnotify's callbacks never run: clicks would be lost.
    if (!dispatcher || !dispatcher->inherits("QEventDispatcherGlib")) {
        m_why = QStringLiteral("the event loop is not GLib-based (%1): notification actions "
                               "would never arrive")
                    .arg(QLatin1String(dispatcher ? dispatcher->metaObject()->className() : "none"));
        emit started(false, {}, {}, m_why);
        return;
    }
    if (!notify_is_initted() && !notify_init(m_appName.toUtf8().constData())) {
        m_why = QStringLiteral("notify_init failed");
        emit started(false, {}, {}, m_why);
        return;
    }
    char *name = nullptr, *vendor = nullptr, *version = nullptr, *spec = nullptr;
    if (!notify_get_server_info(&name, &vendor, &version, &spec)) {
        m_why = QStringLiteral("no notification server answers on the session bus");
        emit started(false, {}, {}, m_why);
        return;
    }
    const QString server = QStringLiteral("%1 %2 (spec %3)")
                               .arg(QString::fromUtf8(name), QString::fromUtf8(version),
                                    QString::fromUtf8(spec));
    g_free(name);
    g_free(vendor);
    g_free(version);
    g_free(spec);
    QStringList caps;
    GList *list = notify_get_server_caps();
    for (GList *l = list; l; l = l->next)
        caps << QString::fromUtf8(static_cast<const char *>(l->data));
    g_list_free_full(list, g_free);
    m_bodyMarkup = caps.contains(QLatin1String("body-markup"));
    m_actions = caps.contains(QLatin1String("actions"));
    m_inlineReply = caps.contains(QLatin1String("inline-reply"));
    m_ok = true;
    qCInfo(lcDesktop) << "notifications through" << server << "caps" << caps;
    emit started(true, caps, server, {});
}

void LibnotifyWorker::show(quint64 id, const QString &icon, const QImage &image,
                           const QString &title, const QString &body, const QString &category,
                           const QString &soundName, const QString &origin,
                           const QStringList &actionNamesAndLabels)
{
    if (!m_ok) {
        emit failed(id, m_why.isEmpty() ? QStringLiteral("libnotify is not started") : m_why);
        return;
    }
    // The origin goes into every notification, as Webkit shows the page's origin.
    QString text = body;
    if (!origin.isEmpty())
        text += QLatin1Char('\n') + origin;
    if (m_bodyMarkup)
        text = NotificationText::escapeMarkup(text);
    const QByteArray summary = title.toUtf8();
    const QByteArray bodyUtf8 = text.toUtf8();
    const QByteArray iconUtf8 = icon.toUtf8();

    NotifyNotification *n = m_live.value(id);
    if (n) {
        notify_notification_update(n, summary.constData(), bodyUtf8.constData(),
                                   iconUtf8.isEmpty() ? nullptr : iconUtf8.constData());
        notify_notification_clear_actions(n);
        notify_notification_clear_hints(n);
    } else {
        n = notify_notification_new(summary.constData(), bodyUtf8.constData(),
                                    iconUtf8.isEmpty() ? nullptr : iconUtf8.constData());
        g_object_set_data(G_OBJECT(n), IdKey, GSIZE_TO_POINTER(gsize(id)));
        g_signal_connect(n, "closed", G_CALLBACK(closedCallback), this);
        m_live.insert(id, n);
    }
    notify_notification_set_app_name(n, m_appName.toUtf8().constData());
    notify_notification_set_category(n, category.toUtf8().constData());
    notify_notification_set_urgency(n, NOTIFY_URGENCY_NORMAL);
    notify_notification_set_hint_string(n, "desktop-entry", "natter");
    if (!image.isNull())
        notify_notification_set_hint(n, "image-data", imageDataFor(image));
    if (!origin.isEmpty())
        notify_notification_set_hint_string(n, "x-kde-origin-name", origin.toUtf8().constData());
    if (soundName.isEmpty())
        notify_notification_set_hint(n, "suppress-sound", g_variant_new_boolean(TRUE));
    else
        notify_notification_set_hint_string(n, "sound-name", soundName.toUtf8().constData());
    if (m_actions) {
        for (int i = 0; i + 1 < actionNamesAndLabels.size(); i += 2) {
            const QString &action = actionNamesAndLabels.at(i);
            if (action == QLatin1String(Notification::ReplyAction) && !m_inlineReply)
                continue;
            notify_notification_add_action(n, action.toUtf8().constData(),
                                           actionNamesAndLabels.at(i + 1).toUtf8().constData(),
                                           actionCallback, this, nullptr);
        }
    }
    QElapsedTimer timer;
    timer.start();
    GError *error = nullptr;
    const bool ok = notify_notification_show(n, &error);
    const qint64 micros = timer.nsecsElapsed() / 1000;
    if (!ok) {
        const QString why = takeError(error);
        qCWarning(lcDesktop) << "notification not shown:" << why;
        release(id);
        emit failed(id, why);
        return;
    }
    guint serverId = 0;
    g_object_get(G_OBJECT(n), "id", &serverId, nullptr);
    emit shown(id, serverId, micros);
}

void LibnotifyWorker::close(quint64 id)
{
    NotifyNotification *n = m_live.value(id);
    if (!n)
        return;
    GError *error = nullptr;
    if (!notify_notification_close(n, &error))
        qCDebug(lcDesktop) << "close failed:" << takeError(error);
}

void LibnotifyWorker::forget(quint64 id)
{
    close(id);
    release(id);
}

void LibnotifyWorker::stop()
{
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        g_signal_handlers_disconnect_by_data(it.value(), this);
        g_object_unref(it.value());
    }
    m_live.clear();
    if (m_ok && notify_is_initted())
        notify_uninit();
    m_ok = false;
}

void LibnotifyWorker::onAction(NotifyNotification *notification, const char *action)
{
    const char *token = notify_notification_get_activation_token(notification);
    emit actionInvoked(idOf(notification), QString::fromUtf8(action),
                       token ? QByteArray(token) : QByteArray());
}

void LibnotifyWorker::onClosed(NotifyNotification *notification)
{
    const quint64 id = idOf(notification);
    const int reason = notify_notification_get_closed_reason(notification);
    release(id);
    emit closed(id, reason);
}

void LibnotifyWorker::release(quint64 id)
{
    NotifyNotification *n = m_live.take(id);
    if (!n)
        return;
    g_signal_handlers_disconnect_by_data(n, this);
    g_object_unref(n);
}

} // namespace natter::desktop
