#pragma once

#include "NotificationPolicy.h"

#include <desktop/Notifier.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace natter::chat {
class ChatController;
class Room;
struct ChatMessage;
} // namespace natter::chat

namespace natter::desktop {
class Notification;
} // namespace natter::desktop

namespace natter::pusher {
class Clock;
class Timer;
} // namespace natter::pusher

namespace natter::notify {

class NotificationPreferences;
class PermissionStore;

// Turns received chat messages into desktop notifications: asks the policy whether, the
// permission store whether this origin may (prompting once), and keeps one notification per room
// that is updated in place ("Bob and 3 others in #lobby", the last lines) and closed when the room
// is read. Actions come back as signals for the window (open room, mark read, reply); "Block"
// denies the origin here.
class MessageNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxLines = 3; // message lines kept in a room's notification
    static constexpr int MaxLineChars = 160;
    static constexpr int MaxNameChars = 40;
    // Messages kept while the permission prompt waits for an answer; older ones are only counted
    // (a flood before the answer must not pile up in memory).
    static constexpr int MaxWaiting = 200;
    int waitingCount() const;

    // None is owned; `clock` drives the burst and sound timing.
    MessageNotifier(PermissionStore *permissions, NotificationPreferences *preferences,
                    natter::pusher::Clock *clock, QObject *parent = nullptr);
    ~MessageNotifier() override;

    // Replacing the notifier closes what the old one shows.
    void setNotifier(natter::desktop::Notifier *notifier);
    natter::desktop::Notifier *notifier() const { return m_notifier; }
    // Follows the controller's messages and rooms; nullptr: logged out (closes everything).
    void setController(natter::chat::ChatController *controller);
    void setOrigin(const QString &origin);
    QString origin() const { return m_origin; }
    void setUserName(const QString &name) { m_userName = name; }
    // The room shown while the window has focus; empty when the window is not focused.
    void setFocusedRoom(const QString &room);
    NotificationPolicy *policy() { return &m_policy; }

    void onMessageReceived(natter::chat::Room *room, const natter::chat::ChatMessage &message);
    // History or gap fill brought these messages (ChatController::messagesFetched): at most one
    // notification for the room, updated in place ("N new messages" + the last lines), one sound.
    void onMessagesFetched(natter::chat::Room *room,
                           const QList<natter::chat::ChatMessage> &messages);
    // The connection is back after a drop: what arrives now is what others queued meanwhile (their
    // outboxes replay), so it is held and summarised per room like a burst.
    void onReconnected();
    // The room was read (or left): its notification goes away.
    void closeRoom(const QString &room);
    void closeAll();
    // Tests and the window: the live notification of a room, or null.
    natter::desktop::Notification *notificationFor(const QString &room) const;

    // "Bob in #lobby", "Bob and Carol in #lobby", "Bob and 3 others in #lobby" (latest first).
    static QString summaryFor(const QStringList &sendersOldestFirst, const QString &room);

signals:
    void activateRoomRequested(const QString &room, const QByteArray &activationToken);
    void markReadRequested(const QString &room);
    void replyRequested(const QString &room, const QString &text);
    // A notification was raised for the room: the window may ask for attention.
    void attentionRequested(const QString &room);
    void notificationFailed(const QString &why);

private:
    struct RoomState
    {
        QPointer<natter::chat::Room> room;
        natter::desktop::Notification *notification = nullptr; // owned
        QStringList senders; // distinct, oldest first
        QStringList lines; // the last MaxLines
        QString lastSenderId; // whose avatar the notification shows
        QString lastSenderName;
        int count = 0; // messages since the notification was last closed
        int held = 0; // messages of a burst not shown yet
    };

    void accumulate(natter::chat::Room *room, const natter::chat::ChatMessage &message);
    void showRoom(const QString &room, bool sound);
    void onPermission(bool allowed);
    void onBurstTimer();
    void watchRoom(natter::chat::Room *room);
    void onAction(const QString &room, const QString &action);
    void dropNotification(RoomState &state);

    PermissionStore *m_permissions;
    NotificationPreferences *m_preferences;
    natter::pusher::Clock *m_clock;
    NotificationPolicy m_policy;
    QPointer<natter::desktop::Notifier> m_notifier;
    QPointer<natter::chat::ChatController> m_controller;
    QList<QMetaObject::Connection> m_controllerLinks;
    QString m_origin;
    QString m_userName;
    QString m_focusedRoom;
    QHash<QString, RoomState> m_rooms;
    QHash<QString, QList<QMetaObject::Connection>> m_roomLinks;
    // Messages that arrived while the permission prompt is open: notified right after Allow.
    QList<QPair<QPointer<natter::chat::Room>, natter::chat::ChatMessage>> m_waiting;
    QHash<QString, int> m_waitingDropped; // per room: waiting messages beyond MaxWaiting
    std::unique_ptr<natter::pusher::Timer> m_burstTimer;
    bool m_reportedFailure = false;
    bool m_wasConnected = false;
    bool m_dropped = false;
};

} // namespace natter::notify
