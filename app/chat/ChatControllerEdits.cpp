// ChatController: editing and deleting our own messages, and applying other people's edits.
#include "ChatController.h"
#include "ChatControllerPrivate.h"
#include "EditWire.h"
#include "LogChat.h"
#include "MessageListModel.h"
#include "MessageRoute.h"
#include "Outbox.h"
#include "Room.h"

namespace natter::chat {

namespace {
constexpr int kMaxClientEventBytes = 10 * 1024; // Pusher's limit for a client event's data
} // namespace

bool ChatController::canEdit(const QString &messageId) const
{
    const Room *r = d->roomOfMessage(messageId);
    if (!r)
        return false;
    const ChatMessage &m = r->messages()->at(r->messages()->rowOf(messageId));
    return m.own && !m_userId.isEmpty() && m.senderId == m_userId && !m.deleted;
}

QString ChatController::lastEditableMessage(const QString &roomName) const
{
    const Room *r = room(roomName);
    if (!r)
        return {};
    const MessageListModel *model = r->messages();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const ChatMessage &m = model->at(row);
        if (canEdit(m.id))
            return m.id;
    }
    return {};
}

bool ChatController::editMessage(const QString &messageId, const QString &text, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    Room *r = d->roomOfMessage(messageId);
    if (!r || !canEdit(messageId))
        return fail(tr("Only your own messages can be edited."));
    const QString problem = validateMessage(text);
    if (!problem.isEmpty())
        return fail(problem);
    const ChatMessage m = r->messages()->at(r->messages()->rowOf(messageId));
    if (m.text == text)
        return true;
    if (m.state != ChatMessage::State::Sent) {
        // Nobody has seen it yet: the outbox sends the new text, not an edit.
        if (d->route->isInFlight(r->name(), messageId))
            return fail(tr("This message is still being sent; edit it once it is sent."));
        ChatMessage changed = m;
        changed.text = text;
        r->messages()->applyEdit(messageId, text, {});
        m_outbox->add(changed);
        return true;
    }
    MessageChange edit;
    edit.kind = MessageChange::Kind::Edit;
    edit.id = messageId;
    edit.text = text;
    edit.editedAt = QDateTime::currentDateTimeUtc();
    edit.senderId = m_userId;
    if (EditWire::encode(edit).toUtf8().size() > kMaxClientEventBytes)
        return fail(tr("This message is too long to send (over 10 KB once encoded)."));
    const auto earlier = d->pendingEdits.constFind(messageId);
    const ChatMessage previous = earlier != d->pendingEdits.cend() ? earlier->previous : m;
    d->pendingEdits.insert(messageId, {r->name(), edit, previous});
    r->messages()->applyEdit(messageId, text, edit.editedAt);
    d->route->sendEdit(r, edit);
    return true;
}

bool ChatController::deleteMessage(const QString &messageId, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    Room *r = d->roomOfMessage(messageId);
    if (!r || !canEdit(messageId))
        return fail(tr("Only your own messages can be deleted."));
    const ChatMessage m = r->messages()->at(r->messages()->rowOf(messageId));
    if (m.state != ChatMessage::State::Sent) {
        if (discard(messageId))
            return true;
        return fail(tr("This message is still being sent; delete it once it is sent."));
    }
    MessageChange edit;
    edit.kind = MessageChange::Kind::Delete;
    edit.id = messageId;
    edit.editedAt = QDateTime::currentDateTimeUtc();
    edit.senderId = m_userId;
    const auto earlier = d->pendingEdits.constFind(messageId);
    const ChatMessage previous = earlier != d->pendingEdits.cend() ? earlier->previous : m;
    d->pendingEdits.insert(messageId, {r->name(), edit, previous});
    r->messages()->applyDelete(messageId);
    d->route->sendEdit(r, edit);
    return true;
}

void ChatController::Private::offerEdits(Room *room)
{
    for (const PendingEdit &p : std::as_const(pendingEdits)) {
        if (p.room == room->name())
            route->sendEdit(room, p.edit);
    }
}

void ChatController::Private::onEditReceived(Room *room, const MessageChange &edit)
{
    MessageListModel *model = room->messages();
    if (model->pendingCount() > 0)
        model->flushPending(); // the message may have come in the same turn as its edit
    const int row = model->rowOf(edit.id);
    if (row < 0) {
        qCDebug(lcChat) << "ignored an edit of" << edit.id << "in" << room->name()
                        << ": the message is not loaded";
        return;
    }
    const ChatMessage &m = model->at(row);
    // Only the author may change a message, and only the server says who asks.
    if (edit.senderId.isEmpty() || edit.senderId != m.senderId) {
        qCDebug(lcChat) << "ignored an edit of" << edit.id << "in" << room->name() << "by"
                        << edit.senderId << ": not the author";
        return;
    }
    if (edit.kind == MessageChange::Kind::Delete)
        model->applyDelete(edit.id);
    else
        model->applyEdit(edit.id, edit.text, edit.editedAt);
}

void ChatController::Private::onEditSent(Room *room, const MessageChange &edit)
{
    const auto it = pendingEdits.constFind(edit.id);
    if (it == pendingEdits.cend() || it->room != room->name() || it->edit.kind != edit.kind
        || it->edit.editedAt != edit.editedAt)
        return; // a newer edit of it is still on its way
    pendingEdits.erase(it);
}

void ChatController::Private::onEditFailed(Room *room, const MessageChange &edit,
                                           const QString &error)
{
    const auto it = pendingEdits.constFind(edit.id);
    if (it == pendingEdits.cend() || it->room != room->name())
        return;
    qCInfo(lcChat) << "edit of" << edit.id << "in" << room->name() << "failed:" << error;
    room->messages()->restoreRevision(it->previous);
    pendingEdits.erase(it);
    emit q->editFailed(room, edit.id, error);
}

} // namespace natter::chat
