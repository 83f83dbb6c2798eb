#pragma once

class Database;
class MessageStore;
class OccupancyStore;
class SessionStore;

// The database and the stores over it, as a DatabaseWorker job sees them: used only on the
// worker's thread, which owns the connection.
struct Stores
{
    Database &db;
    SessionStore &sessions;
    MessageStore &messages;
    OccupancyStore &occupancy;
};
