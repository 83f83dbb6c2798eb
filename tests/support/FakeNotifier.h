#pragma once

#include "desktop/Notification.h"
#include "desktop/Notifier.h"

#include <QList>
#include <QPointer>

class FakeNotifier;

// A Notifier that records instead of showing: what was created, each show() with the content at
// that moment, and close(). Tests drive the server side (clicks, actions, replies, dismissals)
// through FakeNotification's simulate* functions.
class FakeNotification : public natter::desktop::Notification
{
    Q_OBJECT
public:
    using Notification::Notification;

    struct Shown
    {
        QString title;
        QString body;
        QString origin;
        QString category;
        QString soundName;
        QList<Action> actions;
        QImage image;
    };

    void show() override;
    void close() override;

    QPointer<FakeNotifier> owner;
    QList<Shown> shows; // every show(), in order
    int closeCount = 0;

    void simulateAction(const QString &name, const QByteArray &token = {})
    {
        reportAction(name, token);
    }
    void simulateReply(const QString &text) { reportReplied(text); }
    void simulateDismiss() { reportClosed(CloseReason::Dismissed); }
};

class FakeNotifier : public natter::desktop::Notifier
{
    Q_OBJECT
public:
    using Notifier::Notifier;

    natter::desktop::Notification *createNotification(const QString &icon, const QString &title,
                                                      const QString &body) override;
    QStringList capabilities() const override { return caps; }
    bool isAvailable() const override { return available; }
    QString backendName() const override { return QStringLiteral("fake"); }

    QStringList caps{QStringLiteral("actions"), QStringLiteral("body")};
    bool available = true;
    QList<QPointer<FakeNotification>> created;

    // The notifications not yet deleted.
    QList<FakeNotification *> alive() const;
    // Total show() calls over every notification created.
    int showCount() const { return m_shows; }

private:
    friend class FakeNotification;
    int m_shows = 0;
};
