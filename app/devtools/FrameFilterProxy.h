#pragma once

#include <QSortFilterProxyModel>

namespace natter::devtools {

// Filters a FrameLogModel by channel, event name and text (all case-insensitive substrings;
// an empty filter lets everything through). setFilterString() reads what the user types in the
// console's one field: "channel:lobby event:client- hello" sets all three.
class FrameFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setChannelFilter(const QString &channel);
    void setEventFilter(const QString &event);
    void setTextFilter(const QString &text);
    void setFilterString(const QString &filter);

    QString channelFilter() const { return m_channel; }
    QString eventFilter() const { return m_event; }
    QString textFilter() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void apply(const QString &channel, const QString &event, const QString &text);

    QString m_channel;
    QString m_event;
    QString m_text;
};

} // namespace natter::devtools
