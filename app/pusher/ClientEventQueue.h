#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <memory>

namespace natter::pusher {

class Channel;
class Clock;
class Connection;
class Timer;

// Client events wait here until their channel is subscribed, then leave at most `perSecond`
// per rolling second (Pusher rejects more than 10/s per connection): queued, never dropped.
class ClientEventQueue : public QObject
{
    Q_OBJECT
public:
    ClientEventQueue(Connection *connection, Clock *clock, int perSecond = 10,
                     QObject *parent = nullptr);
    ~ClientEventQueue() override;

    void enqueue(Channel *channel, const QString &event, const QString &rawJsonData);
    void channelReady(Channel *channel);
    void dropChannel(Channel *channel);
    int size() const { return int(m_queue.size()); }

signals:
    void sent(const QString &channel, const QString &event);

private:
    struct Entry
    {
        QPointer<Channel> channel;
        QString event;
        QString data;
    };
    void flush();

    Connection *m_connection;
    Clock *m_clock;
    int m_perSecond;
    std::deque<Entry> m_queue;
    std::deque<qint64> m_sentAt; // send times within the last second
    std::unique_ptr<Timer> m_timer;
};

} // namespace natter::pusher
