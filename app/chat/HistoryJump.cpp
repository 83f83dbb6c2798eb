#include "HistoryJump.h"

#include "ChatController.h"
#include "MessageListModel.h"
#include "Room.h"

namespace natter::chat {

HistoryJump::HistoryJump(ChatController *controller, Room *room, qint64 serverId, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_room(room)
    , m_serverId(serverId)
{
    if (!room)
        return;
    connect(room, &Room::loadingOlderChanged, this, [this](bool loading) {
        if (loading || !m_waiting)
            return;
        // The page is merged right after the room says it is no longer loading.
        m_waiting = false;
        QMetaObject::invokeMethod(this, &HistoryJump::step, Qt::QueuedConnection);
    });
    connect(room, &Room::historyError, this, [this](const QString &message) {
        if (m_waiting)
            finish({}, message);
    });
    connect(room, &QObject::destroyed, this, [this] { finish({}, tr("The room was left.")); });
}

void HistoryJump::start()
{
    step();
}

void HistoryJump::finish(const QString &messageId, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_waiting = false;
    if (!messageId.isEmpty())
        emit found(messageId);
    else
        emit failed(reason);
}

void HistoryJump::step()
{
    if (m_done)
        return;
    if (!m_room || !m_controller) {
        finish({}, tr("The room was left."));
        return;
    }
    MessageListModel *messages = m_room->messages();
    // Loaded pages land at the top: look from there.
    for (int row = 0; row < messages->rowCount(); ++row) {
        const ChatMessage &m = messages->at(row);
        if (m.serverId == m_serverId) {
            finish(m.id, {});
            return;
        }
        if (m.serverId > m_serverId)
            break;
    }
    const qint64 oldest = messages->oldestServerId();
    if ((oldest > 0 && oldest < m_serverId) || !m_room->hasOlder()) {
        finish({}, tr("That message is no longer in the room's history."));
        return;
    }
    if (m_room->isLoadingOlder()) {
        m_waiting = true; // the page asked for by scrolling comes first
        return;
    }
    if (m_pages >= MaxPages) {
        finish({}, tr("That message is too far back to load."));
        return;
    }
    if (!m_controller->loadOlder(m_room->name())) {
        finish({}, tr("The room's history cannot be loaded now."));
        return;
    }
    ++m_pages;
    m_waiting = true;
}

} // namespace natter::chat
