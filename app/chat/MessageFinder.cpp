#include "MessageFinder.h"

#include "MessageListModel.h"

namespace natter::chat {

MessageFinder::MessageFinder(QObject *parent)
    : QObject(parent)
{
}

void MessageFinder::setModel(MessageListModel *model)
{
    for (const auto &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_model = model;
    m_current.clear();
    if (model) {
        const auto again = [this] { rescan(); };
        m_links << connect(
            model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); })
                << connect(model, &QAbstractItemModel::rowsRemoved, this, again)
                << connect(model, &QAbstractItemModel::modelReset, this, again)
                << connect(
                       model, &QAbstractItemModel::dataChanged, this,
                       [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                           if (roles.isEmpty() || roles.contains(MessageListModel::TextRole))
                               rescan();
                       });
    }
    rescan();
    if (!m_matches.isEmpty())
        move(int(m_matches.size()) - 1);
}

void MessageFinder::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    m_current.clear();
    rescan();
    if (!m_matches.isEmpty())
        move(int(m_matches.size()) - 1);
}

bool MessageFinder::matches(int row) const
{
    return m_model->at(row).text.contains(m_query, Qt::CaseInsensitive);
}

void MessageFinder::rescan()
{
    m_matches.clear();
    m_matchIds.clear();
    if (m_model && !m_query.trimmed().isEmpty()) {
        const int rows = m_model->rowCount();
        for (int row = 0; row < rows; ++row) {
            if (matches(row))
                m_matches << m_model->at(row).id;
        }
        m_matchIds = QSet<QString>(m_matches.cbegin(), m_matches.cend());
    }
    if (!m_current.isEmpty() && !m_matchIds.contains(m_current)) {
        // Its text no longer matches (edited, deleted): the newest match takes its place.
        m_current = m_matches.isEmpty() ? QString() : m_matches.constLast();
        if (!m_current.isEmpty())
            emit currentMoved(m_current);
    }
    emit changed();
}

void MessageFinder::onRowsInserted(int first, int last)
{
    if (!m_model || m_query.trimmed().isEmpty())
        return;
    if (last != m_model->rowCount() - 1) {
        // Older history merged above: the order of the list changes, search again.
        rescan();
        return;
    }
    // New messages at the bottom: only they need looking at.
    bool added = false;
    for (int row = first; row <= last; ++row) {
        if (matches(row)) {
            m_matches << m_model->at(row).id;
            m_matchIds.insert(m_matches.constLast());
            added = true;
        }
    }
    if (added)
        emit changed();
}

int MessageFinder::indexOfCurrent() const
{
    return m_current.isEmpty() ? -1 : int(m_matches.lastIndexOf(m_current));
}

int MessageFinder::position() const
{
    const int index = indexOfCurrent();
    return index < 0 ? 0 : int(m_matches.size()) - index;
}

int MessageFinder::currentRow() const
{
    return m_model && !m_current.isEmpty() ? m_model->rowOf(m_current) : -1;
}

void MessageFinder::move(int index)
{
    m_current = m_matches.at(index);
    emit changed();
    emit currentMoved(m_current);
}

void MessageFinder::next()
{
    if (m_matches.isEmpty())
        return;
    const int index = indexOfCurrent();
    // Older is up the list; past the oldest comes the newest again.
    move(index <= 0 ? int(m_matches.size()) - 1 : index - 1);
}

void MessageFinder::previous()
{
    if (m_matches.isEmpty())
        return;
    const int index = indexOfCurrent();
    if (index < 0)
        move(int(m_matches.size()) - 1);
    else
        move(index + 1 >= m_matches.size() ? 0 : index + 1);
}

QList<std::pair<int, int>> MessageFinder::matchRanges(const QString &text, const QString &query)
{
    QList<std::pair<int, int>> ranges;
    if (query.trimmed().isEmpty())
        return ranges;
    qsizetype at = 0;
    while ((at = text.indexOf(query, at, Qt::CaseInsensitive)) >= 0) {
        ranges.append({int(at), int(query.size())});
        at += query.size();
    }
    return ranges;
}

} // namespace natter::chat
