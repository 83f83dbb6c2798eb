#pragma once

#include "Notification.h"

#include <QPointer>

namespace natter::desktop {

class LibnotifyNotifier;

// A Notification whose show()/close() go to LibnotifyNotifier's worker thread.
class LibnotifyNotification : public Notification
{
    Q_OBJECT
public:
    LibnotifyNotification(LibnotifyNotifier *notifier, quint64 id, const QString &icon,
                          const QString &title, const QString &body);
    ~LibnotifyNotification() override;

    quint64 id() const { return m_id; }
    void show() override;
    void close() override;

private:
    friend class LibnotifyNotifier;
    QPointer<LibnotifyNotifier> m_notifier;
    quint64 m_id;
};

} // namespace natter::desktop
