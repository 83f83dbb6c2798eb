#pragma once

#include <QMap>
#include <QString>

#include <optional>

class Database;

// Presence occupancy as Pusher's webhooks report it (channel_occupied/vacated, member_added/
// removed), so GET /rooms has member counts when the channels API cannot be asked.
class OccupancyStore
{
public:
    explicit OccupancyStore(Database &db);

    bool channelOccupied(const QString &channel);
    bool channelVacated(const QString &channel);
    bool memberAdded(const QString &channel, const QString &userId);
    bool memberRemoved(const QString &channel, const QString &userId);
    // channel -> member count, for every occupied channel or channel with members.
    std::optional<QMap<QString, int>> counts();

private:
    Database &m_db;
};
