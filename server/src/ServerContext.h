#pragma once

#include "DatabaseWorker.h"
#include "HttpExchange.h"
#include "SessionStore.h"

#include <QString>

#include <functional>

struct ServerConfig;
class RateLimiter;
class MessageDelivery;

namespace natter::pusher {
class RestClient;
class Signer;
} // namespace natter::pusher

// What the route handlers share; owned by main(), which outlives them all.
struct ServerContext
{
    // Where the webhooks are republished for --debug-users (see DebugRoutes).
    static inline const QString DebugChannel = QStringLiteral("private-natter-debug");

    const ServerConfig &config;
    DatabaseWorker &database;
    const natter::pusher::Signer &signer;
    natter::pusher::RestClient &rest;
    RateLimiter &rateLimiter;
    MessageDelivery &delivery;

    // Calls `next` with the session of the request's bearer token, later, once the database has
    // answered; answers 401 (or 503 when the database fails) instead.
    void authenticate(const ExchangePtr &exchange, std::function<void(const Session &)> next) const;
    // Runs `job` on the database thread and `done` with its result back on this one. The
    // callbacks run only while the worker is alive: main() keeps it until every route is gone.
    template<class T>
    void query(std::function<T(Stores &)> job, std::function<void(T)> done) const
    {
        database.run<T>(std::move(job), &database, std::move(done));
    }
    // 1-40 of letters, digits, '-', '_' (ChatController::validateRoomName).
    static bool validRoomName(const QString &room);
    // Valid and, with --rooms, configured.
    bool roomExists(const QString &room) const;
    void databaseUnavailable(HttpExchange &exchange) const;
    // Named in --debug-users (names are unique case-insensitively, like the setting).
    bool isDebugUser(const Session &session) const;
};
