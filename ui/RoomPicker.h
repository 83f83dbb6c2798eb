#pragma once

#include <QFrame>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QAbstractItemModel;

namespace natter::ui {

// Ctrl+K: a small popup with a filter field over the joined rooms. Typing filters
// (case-insensitive, anywhere in the name), Up/Down move, Enter opens the room, Esc closes.
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

signals:
    void roomChosen(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);
    void selectFirst();

    QLineEdit *m_filter;
    QListView *m_view;
    QSortFilterProxyModel *m_proxy;
};

} // namespace natter::ui
