#include "FakeNotifier.h"

void FakeNotification::show()
{
    shows.append({title(), body(), origin(), category(), soundName(), actions(), image()});
    if (owner)
        owner->m_shows++;
    reportDisplayed();
}

void FakeNotification::close()
{
    closeCount++;
    reportClosed(CloseReason::Closed);
}

natter::desktop::Notification *FakeNotifier::createNotification(const QString &icon,
                                                                const QString &title,
                                                                const QString &body)
{
    auto *n = new FakeNotification(icon, title, body);
    n->owner = this;
    created.append(n);
    return n;
}

QList<FakeNotification *> FakeNotifier::alive() const
{
    QList<FakeNotification *> result;
    for (const auto &n : created) {
        if (n)
            result.append(n);
    }
    return result;
}
