#pragma once

#include <QObject>
#include <QPointer>

namespace natter::chat {

class ChatController;
class Room;

// natter-server mode: brings a message that the server's search found into the room's model.
// Older pages are loaded one after the other through ChatController::loadOlder() until the
// message is among them, so the room's messages stay one unbroken stretch of history (scrolling
// on up keeps loading from there). Gives up after MaxPages pages.
class HistoryJump : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPages = 100;

    HistoryJump(ChatController *controller, Room *room, qint64 serverId, QObject *parent = nullptr);

    void start();
    int pagesLoaded() const { return m_pages; }

signals:
    // Exactly one of these, once.
    void found(const QString &messageId);
    void failed(const QString &reason);

private:
    void step();
    void finish(const QString &messageId, const QString &reason);

    QPointer<ChatController> m_controller;
    QPointer<Room> m_room;
    qint64 m_serverId;
    int m_pages = 0;
    bool m_waiting = false;
    bool m_done = false;
};

} // namespace natter::chat
