#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QLabel;
class QMessageBox;

namespace natter::chat {
class ChatController;
}

namespace natter::ui {

class Composer;
class MessageView;

// Editing and deleting our own messages from the window: the message pane's Edit / Delete…,
// Up in an empty composer (edits our newest message in the room), and the composer's edit mode
// (a banner above the field; Enter saves, Esc cancels and brings back what was typed before).
// Delete asks first, in a window-modal box that does not block the event loop.
class OwnMessageEditor : public QObject
{
    Q_OBJECT
public:
    OwnMessageEditor(Composer *composer, MessageView *view, QWidget *dialogParent);
    ~OwnMessageEditor() override;

    void setController(natter::chat::ChatController *controller);
    // The room shown: an edit in progress elsewhere is cancelled.
    void setRoom(const QString &room);

    bool isEditing() const { return !m_editing.isEmpty(); }
    QString editingId() const { return m_editing; }
    QLabel *banner() const { return m_banner; }
    // The delete confirmation while it is open (tests answer it), else null.
    QMessageBox *deleteConfirmation() const;

public slots:
    // Puts the message's text into the composer for editing; false when it cannot be edited.
    bool beginEdit(const QString &messageId);
    void cancel();
    // Hands the composer's text to the controller; false (the error shown) when refused.
    bool save();
    void confirmDelete(const QString &messageId);

signals:
    void editingChanged(bool editing);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finish();

    Composer *m_composer;
    MessageView *m_view;
    QWidget *m_dialogParent;
    QPointer<natter::chat::ChatController> m_controller;
    QString m_room;
    QString m_editing; // message id; empty when not editing
    QString m_draft; // what the composer held before the edit
    QLabel *m_banner;
    QPointer<QMessageBox> m_confirm;
};

} // namespace natter::ui
