#pragma once

#include "StoredMessage.h"

#include <QList>
#include <QStringList>

#include <optional>

class Database;

// Full-text search over a room's stored messages: SQLite's FTS5 table messages_fts (kept by
// triggers on messages) or PostgreSQL's GIN index over the same text expression (schema step
// "full-text search" in Database.cpp). Both dialects see one query language: the words of the
// query (runs of letters and digits, case-folded), each matching as a word prefix, all required.
// Whatever the user typed (quotes, operators, punctuation) is only ever split into such words, so
// no query is a syntax error.
class MessageSearch
{
public:
    struct Hit
    {
        StoredMessage message;
        QString snippet; // plain text around the first matched word
    };
    struct Result
    {
        QList<Hit> hits; // newest first
        bool hasMore = false;
    };

    static constexpr int MaxTerms = 10;
    static constexpr int SnippetLength = 160; // characters, before the "…" marks

    explicit MessageSearch(Database &db);

    // The newest `limit` messages of `room` older than `before` (0: any) that contain every
    // term. Terms from terms().
    std::optional<Result> find(const QString &room, const QStringList &terms, qint64 before,
                               int limit);

    // The words of a query: lower-cased runs of letters and digits, at most MaxTerms, without
    // repeats. Empty when the query has nothing searchable.
    static QStringList terms(const QString &query);
    // Up to SnippetLength characters of `text` around the first word that starts with a term,
    // on one line, with "…" where it was cut.
    static QString snippet(const QString &text, const QStringList &terms);

private:
    Database &m_db;
};
