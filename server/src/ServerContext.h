#pragma once

#include "HttpExchange.h"
#include "SessionStore.h"

#include <QString>

#include <optional>

struct ServerConfig;
class Database;
class MessageStore;
class OccupancyStore;
class RateLimiter;
class MessageDelivery;

namespace natter::pusher {
class RestClient;
class Signer;
} // namespace natter::pusher

// What the route handlers share; owned by main(), which outlives them all.
struct ServerContext
{
    const ServerConfig &config;
    Database &db;
    SessionStore &sessions;
    MessageStore &messages;
    OccupancyStore &occupancy;
    const natter::pusher::Signer &signer;
    natter::pusher::RestClient &rest;
    RateLimiter &rateLimiter;
    MessageDelivery &delivery;

    // The session of the request's bearer token, or nullopt after answering 401 (or 503 when
    // the database fails).
    std::optional<Session> authenticate(HttpExchange &exchange) const;
    // 1-40 of letters, digits, '-', '_' (ChatController::validateRoomName).
    static bool validRoomName(const QString &room);
    // Valid and, with --rooms, configured.
    bool roomExists(const QString &room) const;
    void databaseUnavailable(HttpExchange &exchange) const;
};
