#include "SentEventModel.h"

#include <QDateTime>

namespace natter::devtools {

QString SentEventModel::sendAsName(EventDraft::SendAs sendAs)
{
    switch (sendAs) {
    case EventDraft::SendAs::RestApi:
        return tr("REST API");
    case EventDraft::SendAs::NatterServer:
        return tr("natter-server");
    case EventDraft::SendAs::ClientEvent:
        break;
    }
    return tr("client event");
}

void SentEventModel::add(int id, qint64 timeMs, const EventDraft &draft)
{
    if (m_entries.size() >= MaxEntries) {
        beginRemoveRows({}, 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append({id, timeMs, draft, Status::Sending, {}});
    endInsertRows();
}

void SentEventModel::setResult(int id, bool ok, const QString &answer)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry &e = m_entries[row];
        if (e.id != id)
            continue;
        e.status = ok ? Status::Sent : Status::Failed;
        e.answer = answer;
        const QModelIndex i = index(row);
        emit dataChanged(i, i);
        return;
    }
}

int SentEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant SentEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString status = e.status == Status::Sending ? tr("sending…")
            : e.status == Status::Sent                     ? tr("sent")
                                                           : tr("failed");
        return tr("%1  %2  #%3  %4 — %5")
            .arg(QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss")),
                 sendAsName(e.draft.sendAs), e.draft.channel, e.draft.event, status);
    }
    case Qt::ToolTipRole:
        return e.answer;
    case ChannelRole:
        return e.draft.channel;
    case EventRole:
        return e.draft.event;
    case DataRole:
        return e.draft.data;
    case SendAsRole:
        return int(e.draft.sendAs);
    case StatusRole:
        return int(e.status);
    case AnswerRole:
        return e.answer;
    default:
        return {};
    }
}

} // namespace natter::devtools
