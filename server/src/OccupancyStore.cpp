#include "OccupancyStore.h"

#include "Database.h"

#include <QSqlQuery>
#include <QVariant>

OccupancyStore::OccupancyStore(Database &db)
    : m_db(db)
{
}

bool OccupancyStore::channelOccupied(const QString &channel)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "INSERT INTO occupied_channels (channel) VALUES (?) ON CONFLICT (channel) DO NOTHING"));
    q.addBindValue(channel);
    return m_db.exec(q);
}

bool OccupancyStore::channelVacated(const QString &channel)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM occupied_channels WHERE channel = ?"));
    q.addBindValue(channel);
    if (!m_db.exec(q))
        return false;
    q.prepare(QStringLiteral("DELETE FROM channel_members WHERE channel = ?"));
    q.addBindValue(channel);
    return m_db.exec(q);
}

bool OccupancyStore::memberAdded(const QString &channel, const QString &userId)
{
    if (!channelOccupied(channel))
        return false;
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT INTO channel_members (channel, user_id) VALUES (?, ?) "
                             "ON CONFLICT (channel, user_id) DO NOTHING"));
    q.addBindValue(channel);
    q.addBindValue(userId);
    return m_db.exec(q);
}

bool OccupancyStore::memberRemoved(const QString &channel, const QString &userId)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM channel_members WHERE channel = ? AND user_id = ?"));
    q.addBindValue(channel);
    q.addBindValue(userId);
    return m_db.exec(q);
}

std::optional<QMap<QString, int>> OccupancyStore::counts()
{
    QMap<QString, int> result;
    QSqlQuery q(m_db.handle());
    if (!q.exec(QStringLiteral("SELECT channel FROM occupied_channels")))
        return std::nullopt;
    while (q.next())
        result.insert(q.value(0).toString(), 0);
    if (!q.exec(QStringLiteral("SELECT channel, COUNT(*) FROM channel_members GROUP BY channel")))
        return std::nullopt;
    while (q.next())
        result.insert(q.value(0).toString(), q.value(1).toInt());
    return result;
}
