#pragma once

#include "FakeHttpServer.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

// An in-process natter-server speaking the HTTP contract (/work/prompts/api.md, the server's
// README) closely enough for client tests: sessions with tokens, config, messages with
// client_id idempotency and history paging. No Pusher: messageStored() tells the test what the
// real server would trigger as `new_message` (and to which socket not).
class FakeNatterServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeNatterServer(QObject *parent = nullptr);

    FakeHttpServer *http() { return &m_http; }
    QUrl url() const { return m_http.url(); }

    // GET /config values.
    QString appKey = QStringLiteral("app-key");
    QString wsHost = QStringLiteral("127.0.0.1");
    int wsPort = 6001;
    QString joinPassword; // non-empty: POST /session needs it
    bool pusherDown = false; // POST messages: stored, then 502 pusher_unavailable + message
    bool down = false; // every request: 503 without a usable answer
    // Answers the next POST /rooms/R/messages with this (status, body) instead, once each.
    QList<FakeHttpServer::Response> nextPostAnswers;
    int postDelayMs = 0; // POST messages: stored at once, answered this much later
    // POST /pusher/auth (Bearer): presence-* for the session's user, with a fake signature.
    QStringList authRequests; // channel names, in order
    int batchedAuthRequests = 0; // requests with channel_name[0], channel_name[1], ...
    QString userIdOf(const QString &token) const { return m_sessions.value(token).userId; }

    // Stores a message as another user would have sent it (no HTTP): returns its JSON.
    QJsonObject storeMessage(const QString &room, const QString &userName, const QString &text,
                             const QString &clientId = {});
    QList<QJsonObject> messages(const QString &room) const;
    // A session for `name` as if it logged in elsewhere; returns its token.
    QString addSession(const QString &name);
    bool hasSession(const QString &token) const { return m_sessions.contains(token); }
    int sessionCount() const { return int(m_sessions.size()); }
    // Counters by "METHOD /path" (no query).
    int count(const QString &methodAndPath) const { return m_counts.value(methodAndPath); }
    // The `after` / `before` values of the history requests so far, e.g. "after=12".
    QStringList historyQueries() const { return m_historyQueries; }

signals:
    // What the real server triggers on presence-ROOM (except `socketId`).
    void messageStored(const QString &room, const QJsonObject &message, const QString &socketId);

private:
    struct Session
    {
        QString userId;
        QString name;
    };
    FakeHttpServer::Response handle(const FakeHttpServer::Request &request);
    static FakeHttpServer::Response error(int status, const QString &code, const QString &text);
    std::optional<Session> sessionOf(const FakeHttpServer::Request &request) const;

    FakeHttpServer m_http;
    QHash<QString, Session> m_sessions; // token -> session
    QList<QJsonObject> m_messages; // all rooms, ascending id
    qint64 m_nextId = 1;
    int m_nextUser = 1;
    int m_nextToken = 1;
    QHash<QString, int> m_counts;
    QStringList m_historyQueries;
};
