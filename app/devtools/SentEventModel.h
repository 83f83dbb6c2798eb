#pragma once

#include "EventDraft.h"

#include <QAbstractListModel>

namespace natter::devtools {

// The Event creator's history: what was sent, how, and what the server answered. Newest last;
// bounded (the oldest go first) so a long session does not grow it without end.
class SentEventModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int MaxEntries = 200;
    enum class Status { Sending, Sent, Failed };
    enum Role {
        ChannelRole = Qt::UserRole + 1,
        EventRole,
        DataRole,
        SendAsRole,
        StatusRole,
        AnswerRole
    };

    struct Entry
    {
        int id = 0;
        qint64 timeMs = 0;
        EventDraft draft;
        Status status = Status::Sending;
        QString answer;
    };

    using QAbstractListModel::QAbstractListModel;

    void add(int id, qint64 timeMs, const EventDraft &draft);
    void setResult(int id, bool ok, const QString &answer);
    const Entry &at(int row) const { return m_entries.at(row); }
    int size() const { return int(m_entries.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString sendAsName(EventDraft::SendAs sendAs);

private:
    QList<Entry> m_entries;
};

} // namespace natter::devtools
