// ChatController: editing and deleting our own messages, and applying other people's edits.
#include "ChatController.h"
#include "ChatControllerPrivate.h"
#include "EditWire.h"
#include "LogChat.h"
#include "MessageListModel.h"
#include "MessageRoute.h"
#include "Outbox.h"
#include "Room.h"

#include <algorithm>

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
    // Pending or Failed because of an earlier change of ours: the message itself was sent.
    const bool changed = m_outbox->edit(messageId).has_value();
    if (m.state != ChatMessage::State::Sent && !changed) {
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
    edit.serverId = m.serverId;
    if (EditWire::encode(edit).toUtf8().size() > kMaxClientEventBytes)
        return fail(tr("This message is too long to send (over 10 KB once encoded)."));
    d->beginEdit(r, edit, m);
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
    if (m.state != ChatMessage::State::Sent && !m_outbox->edit(messageId)) {
        if (discard(messageId))
            return true;
        return fail(tr("This message is still being sent; delete it once it is sent."));
    }
    MessageChange edit;
    edit.kind = MessageChange::Kind::Delete;
    edit.id = messageId;
    edit.editedAt = QDateTime::currentDateTimeUtc();
    edit.senderId = m_userId;
    edit.serverId = m.serverId;
    d->beginEdit(r, edit, m);
    return true;
}

void ChatController::Private::beginEdit(Room *room, const MessageChange &edit,
                                        const ChatMessage &shown)
{
    const std::optional<OutboxEdit> earlier = q->m_outbox->edit(edit.id);
    OutboxEdit e;
    e.change = edit;
    e.original = earlier ? earlier->original : shown;
    e.original.state = ChatMessage::State::Sent;
    e.original.error.clear();
    // On disk before it goes out: a quit before the server has it loses nothing.
    q->m_outbox->putEdit(e);
    MessageListModel *model = room->messages();
    if (edit.kind == MessageChange::Kind::Delete)
        model->applyDelete(edit.id);
    else
        model->applyEdit(edit.id, edit.text, edit.editedAt);
    model->setState(edit.id, ChatMessage::State::Pending);
    route->sendEdit(room, edit);
}

void ChatController::Private::showEdits(Room *room, const QList<ChatMessage> &fromServer)
{
    MessageListModel *model = room->messages();
    for (OutboxEdit e : q->m_outbox->edits(room->name())) {
        // The server's copy is what Discard puts back (it may have changed meanwhile, e.g.
        // deleted from another device).
        const auto copy = std::find_if(fromServer.cbegin(), fromServer.cend(),
                                       [&e](const ChatMessage &m) { return m.id == e.id(); });
        if (copy != fromServer.cend()
            && (copy->text != e.original.text || copy->deleted != e.original.deleted
                || copy->editedAt != e.original.editedAt)) {
            e.original.text = copy->text;
            e.original.deleted = copy->deleted;
            e.original.editedAt = copy->editedAt;
            q->m_outbox->putEdit(e);
        }
        if (model->rowOf(e.id()) < 0) {
            // Without history this is the only copy left of the message; with history the
            // server brings it back, and this runs again then.
            if (!route->hasHistory())
                model->append(e.shown());
            continue;
        }
        if (e.change.kind == MessageChange::Kind::Delete)
            model->applyDelete(e.id());
        else
            model->applyEdit(e.id(), e.change.text, e.change.editedAt);
        model->setState(e.id(), e.state, e.error);
    }
}

void ChatController::Private::offerEdits(Room *room)
{
    // Refused ones wait for the user's Retry: a refusal is not tried again forever.
    for (const OutboxEdit &e : q->m_outbox->edits(room->name())) {
        if (e.state == ChatMessage::State::Pending)
            route->sendEdit(room, e.change);
    }
}

bool ChatController::Private::retryEdit(Room *room, const QString &id)
{
    const std::optional<OutboxEdit> e = q->m_outbox->edit(id);
    if (!e || e->room() != room->name() || e->state != ChatMessage::State::Failed)
        return false;
    q->m_outbox->setEditState(id, ChatMessage::State::Pending);
    room->messages()->setState(id, ChatMessage::State::Pending);
    route->sendEdit(room, e->change);
    return true;
}

bool ChatController::Private::discardEdit(Room *room, const QString &id)
{
    const std::optional<OutboxEdit> e = q->m_outbox->edit(id);
    if (!e || e->room() != room->name())
        return false;
    // Once handed over it may reach the server any moment: the answer decides.
    if (route->isEditInFlight(room->name(), id))
        return false;
    room->messages()->restoreRevision(e->original);
    room->messages()->setState(id, ChatMessage::State::Sent);
    q->m_outbox->removeEdit(id);
    return true;
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
    const std::optional<OutboxEdit> e = q->m_outbox->edit(edit.id);
    if (!e || e->room() != room->name() || e->change.kind != edit.kind
        || e->change.editedAt != edit.editedAt)
        return; // a newer edit of it is still on its way
    q->m_outbox->removeEdit(edit.id);
    room->messages()->setState(edit.id, ChatMessage::State::Sent);
}

void ChatController::Private::onEditFailed(Room *room, const MessageChange &edit,
                                           const QString &error)
{
    const std::optional<OutboxEdit> e = q->m_outbox->edit(edit.id);
    if (!e || e->room() != room->name() || e->change.kind != edit.kind
        || e->change.editedAt != edit.editedAt)
        return;
    qCInfo(lcChat) << "edit of" << edit.id << "in" << room->name() << "failed:" << error;
    // Shown as failed, like a message: Retry sends it again, Discard puts the message back.
    q->m_outbox->setEditState(edit.id, ChatMessage::State::Failed, error);
    room->messages()->setState(edit.id, ChatMessage::State::Failed, error);
    emit q->editFailed(room, edit.id, error);
}

} // namespace natter::chat
