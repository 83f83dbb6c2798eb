#include "MessageSearch.h"

#include "Database.h"

#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace {

// The same columns, in the same order, as MessageStore reads.
const char kColumns[]
    = "m.id, m.room, m.client_id, m.text, m.user_id, m.user_name, m.sent_at, m.delivered";

StoredMessage fromRow(const QSqlQuery &q)
{
    StoredMessage m;
    m.id = q.value(0).toLongLong();
    m.room = q.value(1).toString();
    m.clientId = q.value(2).toString();
    m.text = q.value(3).toString();
    m.userId = q.value(4).toString();
    m.userName = q.value(5).toString();
    m.sentAtMs = q.value(6).toLongLong();
    m.delivered = q.value(7).toInt() != 0;
    return m;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

} // namespace

MessageSearch::MessageSearch(Database &db)
    : m_db(db)
{
}

QStringList MessageSearch::terms(const QString &query)
{
    QStringList list;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty() && !list.contains(word) && list.size() < MaxTerms)
            list << word;
        word.clear();
    };
    for (const QChar c : query) {
        if (isWordChar(c))
            word += c;
        else
            flush();
    }
    flush();
    for (QString &t : list)
        t = t.toCaseFolded();
    list.removeDuplicates();
    return list;
}

QString MessageSearch::snippet(const QString &text, const QStringList &terms)
{
    qsizetype hit = -1;
    for (qsizetype i = 0; i < text.size() && hit < 0; ++i) {
        if (!isWordChar(text.at(i)) || (i > 0 && isWordChar(text.at(i - 1))))
            continue;
        for (const QString &term : terms) {
            if (QStringView(text).mid(i, term.size()).compare(term, Qt::CaseInsensitive) == 0) {
                hit = i;
                break;
            }
        }
    }
    qsizetype start = 0;
    if (text.size() > SnippetLength && hit > SnippetLength / 4) {
        // Some words of context before the match, starting at a word.
        start = qMin(hit - SnippetLength / 4, text.size() - SnippetLength);
        while (start > 0 && start < hit && isWordChar(text.at(start - 1)))
            ++start;
    }
    qsizetype end = qMin(text.size(), start + SnippetLength);
    if (end < text.size()) {
        const qsizetype cut = end;
        while (end > start + SnippetLength / 2 && isWordChar(text.at(end)))
            --end;
        if (end <= start + SnippetLength / 2)
            end = cut;
    }
    QString out = text.mid(start, end - start).simplified();
    if (start > 0)
        out.prepend(QStringLiteral("… "));
    if (end < text.size())
        out.append(QStringLiteral(" …"));
    return out;
}

std::optional<MessageSearch::Result> MessageSearch::find(const QString &room,
                                                         const QStringList &terms, qint64 before,
                                                         int limit)
{
    Result result;
    if (terms.isEmpty())
        return result;
    QSqlQuery q(m_db.handle());
    const QString columns = QLatin1String(kColumns);
    QStringList parts;
    if (m_db.dialect() == Database::Dialect::Sqlite) {
        // Terms hold only letters and digits; quoted anyway so that no word is read as an FTS5
        // keyword (AND, OR, NOT, NEAR).
        for (const QString &t : terms)
            parts << QLatin1Char('"') + t + QStringLiteral("\"*");
        q.prepare(QStringLiteral("SELECT %1 FROM messages_fts JOIN messages m ON m.id = "
                                 "messages_fts.rowid WHERE messages_fts MATCH ? AND m.room = ? "
                                 "AND m.id < ? ORDER BY m.id DESC LIMIT ?")
                      .arg(columns));
        q.addBindValue(parts.join(QLatin1Char(' ')));
    } else {
        // The expression is the index's (Database.cpp), word for word, or the index is not used.
        for (const QString &t : terms)
            parts << t + QStringLiteral(":*");
        q.prepare(QStringLiteral("SELECT %1 FROM messages m WHERE to_tsvector('simple', "
                                 "regexp_replace(m.text, '[[:punct:]]+', ' ', 'g')) @@ "
                                 "to_tsquery('simple', ?) AND m.room = ? AND m.id < ? "
                                 "ORDER BY m.id DESC LIMIT ?")
                      .arg(columns));
        q.addBindValue(parts.join(QStringLiteral(" & ")));
    }
    q.addBindValue(room);
    q.addBindValue(before > 0 ? before : std::numeric_limits<qint64>::max());
    q.addBindValue(limit + 1); // one more tells whether there are more
    if (!m_db.exec(q))
        return std::nullopt;
    while (q.next()) {
        Hit hit;
        hit.message = fromRow(q);
        hit.snippet = snippet(hit.message.text, terms);
        result.hits << hit;
    }
    if (result.hits.size() > limit) {
        result.hasMore = true;
        result.hits.removeLast();
    }
    return result;
}
