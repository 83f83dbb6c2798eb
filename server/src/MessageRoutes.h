#pragma once

#include "HttpExchange.h"
#include "MessageStore.h"

struct ServerContext;
struct Session;

// POST /rooms/R/messages (store, then trigger new_message) and GET /rooms/R/messages (history).
class MessageRoutes
{
public:
    static constexpr int MaxTextLength = 2000; // QString length, as Natter counts
    static constexpr int MaxClientIdLength = 100;
    static constexpr int DefaultPage = 50;
    static constexpr int MaxPage = 200;

    explicit MessageRoutes(ServerContext &context);

    void post(const ExchangePtr &exchange, const QString &room);
    void history(const ExchangePtr &exchange, const QString &room);

private:
    // Answers 400/404 and returns false for a room this server does not have.
    bool checkRoom(HttpExchange &exchange, const QString &room) const;
    // The steps once the session is known, and once the message is stored.
    void store(const ExchangePtr &exchange, const QString &room, const Session &session);
    void answerStored(const ExchangePtr &exchange, MessageStore::Insert result,
                      const StoredMessage &message, const QString &socketId,
                      const QString &senderName);
    void answerHistory(const ExchangePtr &exchange, const QString &room);

    ServerContext &m_context;
};
