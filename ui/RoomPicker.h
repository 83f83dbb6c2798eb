#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QAbstractItemModel;

namespace natter::ui {

// Ctrl+K: a small popup with a filter field over the joined rooms. Typing filters
// (case-insensitive, anywhere in the name), Up/Down move, Enter opens the room, Esc closes.
// A name that is not joined yet is offered as "Join #name" (Enter when nothing matches); no
// match at all says so.
class RoomPicker : public QFrame
{
    Q_OBJECT
public:
    explicit RoomPicker(QWidget *parent = nullptr);

    void setRooms(QAbstractItemModel *rooms); // a RoomListModel
    // Shows the popup centred near the top of `anchor`, with an empty filter.
    void popup(QWidget *anchor);

    QLineEdit *filterField() const { return m_filter; }
    QListView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLabel *noMatchLabel() const { return m_noMatch; }
    QPushButton *joinButton() const { return m_join; }

signals:
    void roomChosen(const QString &name);
    void joinRequested(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);
    void selectFirst();
    void updateJoinOffer();
    void join();

    QLineEdit *m_filter;
    QListView *m_view;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_noMatch;
    QPushButton *m_join;
};

} // namespace natter::ui
