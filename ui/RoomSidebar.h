#pragma once

#include <QPointer>

#include <QWidget>
#include <chat/RoomListModel.h>

class QLabel;
class QLineEdit;
class QListView;
class QToolButton;

namespace natter::chat {
class RoomListModel;
}

namespace natter::ui {

// The joined rooms with unread counts, a field to join another room (validated as you type)
// and Leave in the context menu. It only asks: ChatPage joins and leaves.
class RoomSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit RoomSidebar(QWidget *parent = nullptr);

    void setRooms(natter::chat::RoomListModel *model);
    void setCurrentRoom(const QString &name);
    QString currentRoom() const;

    QListView *view() const { return m_view; }
    QLineEdit *joinField() const { return m_joinField; }
    QLabel *joinError() const { return m_joinError; }
    QToolButton *addButton() const { return m_add; }

public slots:
    void showJoinField();
    // Shows why joining failed, under the field.
    void showJoinError(const QString &message);

signals:
    void roomSelected(const QString &name);
    void joinRequested(const QString &name);
    void leaveRequested(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void validateJoinField();
    void submitJoin();
    void hideJoinField();

    QPointer<natter::chat::RoomListModel> m_model;
    QListView *m_view;
    QToolButton *m_add;
    QLineEdit *m_joinField;
    QLabel *m_joinError;
};

} // namespace natter::ui
