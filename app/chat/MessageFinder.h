#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <utility>

namespace natter::chat {

class MessageListModel;

// Find in room (Ctrl+F): the messages of a MessageListModel, as loaded, whose text contains the
// query, case-insensitively. Matches are numbered from the newest (1) to the oldest, as a chat is
// read from the bottom up: next() goes to the next older match, previous() to the next newer one,
// both wrapping around. The model is followed as it changes: new messages are searched as they
// arrive, and the current match stays the same message while others come and go.
class MessageFinder : public QObject
{
    Q_OBJECT
public:
    explicit MessageFinder(QObject *parent = nullptr);

    void setModel(MessageListModel *model); // nullptr: nothing to search
    MessageListModel *model() const { return m_model; }
    // Empty (or only spaces): no search. A new query starts at the newest match.
    void setQuery(const QString &query);
    QString query() const { return m_query; }

    int count() const { return int(m_matches.size()); }
    // 1 for the newest match ... count() for the oldest; 0 without a match.
    int position() const;
    QString currentId() const { return m_current; }
    int currentRow() const; // in the model; -1 without a match
    bool isMatch(const QString &messageId) const { return m_matchIds.contains(messageId); }

    void next();
    void previous();

    // Where `query` occurs in `text` (start, length), case-insensitively, without overlaps.
    static QList<std::pair<int, int>> matchRanges(const QString &text, const QString &query);

signals:
    // The matches, the current one or the query changed.
    void changed();
    // The current match moved to another message (by next/previous or a new query).
    void currentMoved(const QString &messageId);

private:
    void rescan();
    void onRowsInserted(int first, int last);
    bool matches(int row) const;
    int indexOfCurrent() const;
    void move(int index);

    QPointer<MessageListModel> m_model;
    QList<QMetaObject::Connection> m_links;
    QString m_query;
    QList<QString> m_matches; // oldest first, as in the model
    QSet<QString> m_matchIds;
    QString m_current;
};

} // namespace natter::chat
