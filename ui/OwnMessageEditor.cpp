#include "OwnMessageEditor.h"

#include "Composer.h"
#include "MessageEdit.h"
#include "MessageView.h"

#include <chat/ChatController.h>
#include <chat/MessageListModel.h>
#include <chat/Room.h>

#include <QBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

#include <utility>

namespace natter::ui {

using natter::chat::ChatController;
using natter::chat::MessageListModel;

OwnMessageEditor::OwnMessageEditor(Composer *composer, MessageView *view, QWidget *dialogParent)
    : QObject(composer)
    , m_composer(composer)
    , m_view(view)
    , m_dialogParent(dialogParent)
    , m_banner(new QLabel(composer))
{
    m_banner->setObjectName(QStringLiteral("editBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setText(tr("Editing your message. Enter saves, Esc cancels."));
    m_banner->setAccessibleName(m_banner->text());
    m_banner->hide();
    // Just above the message field (the composer's last row).
    if (auto *layout = qobject_cast<QBoxLayout *>(composer->layout()))
        layout->insertWidget(qMax(0, layout->count() - 1), m_banner);
    // Installed after the page's own filter, so this one sees the keys first.
    composer->editor()->installEventFilter(this);
    connect(view, &MessageView::editRequested, this, &OwnMessageEditor::beginEdit);
    connect(view, &MessageView::deleteRequested, this, &OwnMessageEditor::confirmDelete);
}

OwnMessageEditor::~OwnMessageEditor() = default;

QMessageBox *OwnMessageEditor::deleteConfirmation() const
{
    return m_confirm.data();
}

void OwnMessageEditor::setController(ChatController *controller)
{
    cancel();
    m_controller = controller;
}

void OwnMessageEditor::setRoom(const QString &room)
{
    if (room != m_room)
        cancel();
    m_room = room;
}

bool OwnMessageEditor::beginEdit(const QString &messageId)
{
    if (!m_controller || !m_controller->canEdit(messageId))
        return false;
    const natter::chat::Room *room = m_controller->room(m_room);
    const int row = room ? room->messages()->rowOf(messageId) : -1;
    if (row < 0)
        return false;
    if (!isEditing())
        m_draft = m_composer->text();
    m_editing = messageId;
    m_composer->showError({});
    m_composer->setText(room->messages()->at(row).text);
    m_banner->show();
    m_composer->editor()->setFocus(Qt::OtherFocusReason);
    emit editingChanged(true);
    return true;
}

void OwnMessageEditor::finish()
{
    if (!isEditing())
        return;
    m_editing.clear();
    m_banner->hide();
    m_composer->setText(std::exchange(m_draft, {}));
    emit editingChanged(false);
}

void OwnMessageEditor::cancel()
{
    finish();
}

bool OwnMessageEditor::save()
{
    if (!isEditing() || !m_controller)
        return false;
    QString error;
    if (!m_controller->editMessage(m_editing, m_composer->text(), &error)) {
        m_composer->showError(error);
        return false;
    }
    finish();
    return true;
}

void OwnMessageEditor::confirmDelete(const QString &messageId)
{
    if (!m_controller || !m_controller->canEdit(messageId) || m_confirm)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Message"),
                                tr("Delete this message for everyone in the room?"),
                                QMessageBox::Cancel, m_dialogParent);
    box->setTextFormat(Qt::PlainText);
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_confirm = box;
    connect(box, &QMessageBox::finished, this, [this, box, remove, messageId] {
        if (box->clickedButton() != remove || !m_controller)
            return;
        if (m_editing == messageId)
            cancel();
        QString error;
        if (!m_controller->deleteMessage(messageId, &error))
            m_composer->showError(error);
    });
    box->open(); // no nested event loop
}

bool OwnMessageEditor::eventFilter(QObject *watched, QEvent *event)
{
    // The event type first: filters also see the events of widgets being destroyed, when
    // m_composer may be only a QWidget any more (UBSan).
    if (event->type() != QEvent::KeyPress || watched != m_composer->editor())
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
    if (isEditing()) {
        if (mods == Qt::NoModifier && key->key() == Qt::Key_Escape) {
            cancel();
            return true;
        }
        if (mods == Qt::NoModifier
            && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            save();
            return true;
        }
        return false;
    }
    if (mods == Qt::NoModifier && key->key() == Qt::Key_Up && m_composer->text().isEmpty()
        && m_controller) {
        const QString id = m_controller->lastEditableMessage(m_room);
        return !id.isEmpty() && beginEdit(id);
    }
    return false;
}

} // namespace natter::ui
