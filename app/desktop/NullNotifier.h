#pragma once

#include "Notifier.h"

namespace natter::desktop {

// When neither a notification server nor a tray exists: shows nothing, and says so through
// failed() so the caller can tell the user once (Settings) instead of losing messages silently.
class NullNotifier : public Notifier
{
    Q_OBJECT
public:
    using Notifier::Notifier;

    Notification *createNotification(const QString &icon, const QString &title,
                                     const QString &body) override;
    QStringList capabilities() const override { return {}; }
    bool isAvailable() const override { return false; }
    QString backendName() const override { return QStringLiteral("none"); }
};

} // namespace natter::desktop
