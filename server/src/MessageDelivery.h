#pragma once

#include "StoredMessage.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class MessageStore;

namespace natter::pusher {
class RestClient;
}

// Triggers new_message on presence-ROOM for stored messages and keeps retrying the ones Pusher
// did not take: 1 s, doubling to 30 s, in id order, until the API answers again.
class MessageDelivery : public QObject
{
    Q_OBJECT
public:
    static constexpr int FirstRetryMs = 1000;
    static constexpr int MaxRetryMs = 30000;

    MessageDelivery(natter::pusher::RestClient &rest, MessageStore &store,
                    QObject *parent = nullptr);
    ~MessageDelivery() override;

    // Triggers `message` once, excluding `socketId`; `done(true)` when Pusher accepted it (and it
    // is marked delivered). A failure leaves it undelivered and schedules the retry.
    void deliver(const StoredMessage &message, const QString &socketId,
                 std::function<void(bool)> done);
    // Looks for undelivered messages now (at start-up, and after a send that worked).
    void kick();
    // Milliseconds until the next retry, -1 if none is scheduled.
    int retryInMs() const;
    bool retrying() const { return m_running; }

private:
    void scheduleRetry();
    void retryNext();
    void markDelivered(qint64 id);
    void flushDelivered();
    bool busy(qint64 id) const { return m_inFlight.contains(id) || m_toMark.contains(id); }

    natter::pusher::RestClient &m_rest;
    MessageStore &m_store;
    QTimer m_timer;
    int m_delayMs = FirstRetryMs;
    bool m_running = false; // a retry pass is triggering
    // First triggers still waiting for Pusher: the retry pass must not send them a second time.
    QSet<qint64> m_inFlight;
    // Accepted by Pusher, not yet marked in the database: marked together once per event-loop
    // turn, so a burst of sends costs one commit instead of one each (a lost mark only means a
    // second trigger after a crash, which clients drop by id).
    QSet<qint64> m_toMark;
    QTimer m_markTimer;
};
