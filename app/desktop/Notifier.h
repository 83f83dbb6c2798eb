#pragma once

#include <QObject>
#include <QStringList>

namespace natter::desktop {

class Notification;

// The desktop's notification service (libnotify, a tray balloon, nothing). Platform seam: the
// policy talks to this interface only, tests use a fake.
class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Notifier() override = default;

    // The caller owns the result. Nothing is shown before show().
    virtual Notification *createNotification(const QString &icon, const QString &title,
                                             const QString &body)
        = 0;
    // The server's capabilities ("actions", "body-markup", "inline-reply", ...), cached.
    virtual QStringList capabilities() const = 0;
    // False when notifications cannot reach the user through this backend.
    virtual bool isAvailable() const = 0;
    // "libnotify", "tray", "none": for logs and the Settings notice.
    virtual QString backendName() const = 0;

signals:
    // isAvailable() or capabilities() changed (e.g. the server answered, or never will).
    void availabilityChanged(bool available);
};

} // namespace natter::desktop
