#pragma once

#include <QAbstractListModel>
#include <QPointer>

class QItemSelectionModel;

namespace natter::devtools {

// What the Debug console's list shows of the log (or of the filter over it): the newest rows
// only. QListView lays out every row again on each insert, with a persistent-index lookup per
// row, so a list over the whole 50,000-entry log paid for all of it four times a second under a
// flood; over a window of the newest rows the cost no longer depends on the log's size.
// While the list follows the newest rows the window is trimmed from the top (in chunks of half a
// window: each removal is a relayout too); showOlder() extends it upwards when the user scrolls
// back, so every kept entry stays reachable, and nothing is trimmed while they read. Rows at or
// below a selected row of the watched selection model are never trimmed either.
class FrameWindowModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int DefaultWindow = 1000;

    explicit FrameWindowModel(QObject *parent = nullptr, int window = DefaultWindow);

    // A flat list model (FrameLogModel or a filter over it); not owned. Shows its newest rows.
    void setSourceModel(QAbstractItemModel *source);
    QAbstractItemModel *sourceModel() const { return m_source; }
    // The view's selection, whose rows trimming leaves alone; not owned.
    void setSelectionModel(QItemSelectionModel *selection);

    int window() const { return m_window; }
    int firstSourceRow() const { return m_first; }
    int sourceRow(int row) const { return m_first + row; }
    QModelIndex mapToSource(const QModelIndex &index) const;
    bool hasOlder() const { return m_first > 0; }
    // Make up to `count` older rows visible at the top; returns how many were added.
    int showOlder(int count);
    // While false (the user reads back) the window only grows.
    void setTrimming(bool trimming);
    bool isTrimming() const { return m_trimming; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void connectSource();
    void trim();
    int firstKeptRow() const;

    QPointer<QAbstractItemModel> m_source;
    QPointer<QItemSelectionModel> m_selection;
    QList<QMetaObject::Connection> m_links;
    int m_window;
    int m_first = 0;
    bool m_trimming = true;
    bool m_pendingInsert = false;
    bool m_pendingRemove = false;
    int m_removedAbove = 0;
};

} // namespace natter::devtools
