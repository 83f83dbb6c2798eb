#pragma once

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
// per rolling second, with a margin (Pusher rejects more than 10/s per connection).
//
// The protocol acknowledges no client event, so a written event is not yet a delivered one:
// after each batch the queue asks the connection for a ping (Connection::confirmWrites), and
// only the pong, which the server sends after reading the batch, confirms it. Until then the
// event stays here; if the connection drops first, it is sent again after the reconnect
// (receivers drop duplicates by their own ids). A refusal by the server (4301) cannot name
// the event it refuses, so every unconfirmed event is sent again after a pause, or, when the
// refusal is final (client events disabled, too large), reported as rejected.
class ClientEventQueue : public QObject
{
    Q_OBJECT
public:
    enum class Delivery {
        Confirmed, // kept until confirmed, re-sent after a drop or a rate-limit refusal
        BestEffort, // e.g. typing: dropped when it cannot leave soon or the connection drops
    };

    ClientEventQueue(Connection *connection, Clock *clock, int perSecond = 10,
                     QObject *parent = nullptr);
    ~ClientEventQueue() override;

    // `tag` is the caller's name for the event (e.g. a message id), carried by the signals.
    void enqueue(Channel *channel, const QString &event, const QString &rawJsonData,
                 const QString &tag = {}, Delivery delivery = Delivery::Confirmed);
    void channelReady(Channel *channel);
    void dropChannel(Channel *channel);
    // The server refused a client event (pusher:error 4301). `channel` is null when the error
    // named no channel (hosted Pusher): then it may concern any unconfirmed event.
    void serverRejected(Channel *channel, int code, const QString &message);

    int size() const { return int(m_queue.size() + m_unconfirmed.size()); } // not yet confirmed
    int waitingCount() const { return int(m_queue.size()); }
    int unconfirmedCount() const { return int(m_unconfirmed.size()); }

    // Refusals that no retry can fix.
    static bool isFinalRejection(const QString &message);

signals:
    // Written to the socket (not yet known to have arrived).
    void sent(const QString &channel, const QString &event, const QString &tag);
    // The server has read it: a pong to a later ping arrived, with no refusal before it.
    void confirmed(const QString &channel, const QString &event, const QString &tag);
    // Refused for good (see isFinalRejection); it will not be sent again.
    void rejected(const QString &channel, const QString &event, const QString &tag,
                  const QString &reason);

private:
    struct Entry
    {
        QPointer<Channel> channel;
        QString channelName;
        QString event;
        QString data;
        QString tag;
        Delivery delivery = Delivery::Confirmed;
        qint64 queuedAtMs = 0;
        quint64 ping = 0; // the ping whose pong confirms it (once written)
    };
    void flush();
    void onWritesConfirmed(quint64 ping);
    void onConnectionDown();

    Connection *m_connection;
    Clock *m_clock;
    int m_perSecond;
    std::deque<Entry> m_queue; // waiting to be written
    std::deque<Entry> m_unconfirmed; // written, waiting for the pong, oldest first
    std::deque<qint64> m_sentAt; // send times within the last window
    std::unique_ptr<Timer> m_timer;
    qint64 m_holdUntilMs = 0; // after a rate-limit refusal, nothing leaves before this
    int m_holdMs = 0; // the current pause; doubles per refusal, reset by a confirmation
};

} // namespace natter::pusher
