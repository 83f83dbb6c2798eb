#pragma once

#include "MessageListModel.h"

#include <QAbstractListModel>
#include <QPointer>

namespace natter::chat {

// The newest part of a room's messages, for the view. QListView lays out every row again on
// each insert when rows differ in height, so a view over 100,000 rows spends seconds per burst
// batch; over a window of the last few hundred rows it stays cheap. While the view follows the
// newest messages the window is trimmed from the top; showOlder() extends it when the user
// scrolls up, and nothing is trimmed while they read.
class MessageWindowModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit MessageWindowModel(int window = 500, QObject *parent = nullptr);

    void setSourceModel(MessageListModel *source);
    MessageListModel *sourceModel() const { return m_source; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int sourceRow(int row) const { return m_first + row; }
    int firstSourceRow() const { return m_first; }
    bool hasOlder() const { return m_first > 0; }
    // Make up to `count` older messages visible; returns how many were added at the top.
    int showOlder(int count);
    // While false (the user scrolled up) the window only grows.
    void setTrimming(bool trimming);

private:
    void trim();

    QPointer<MessageListModel> m_source;
    QList<QMetaObject::Connection> m_links;
    int m_window;
    int m_first = 0;
    bool m_trimming = true;
    bool m_pendingInsert = false;
    bool m_pendingRemove = false;
    int m_removedAbove = 0;
};

} // namespace natter::chat
