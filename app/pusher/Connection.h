#pragma once

#include "Backoff.h"
#include "ConnectionOptions.h"
#include "ConnectionState.h"
#include "Event.h"
#include "FrameParser.h"
#include "Transport.h"

#include <QObject>

#include <deque>
#include <memory>

namespace natter::pusher {

class Clock;
class FrameObserver;
class Timer;

// The socket lifecycle: connect, handshake, keep-alive (activity timeout, ping/pong), close
// codes, and reconnection with backoff, forever, unless the server refuses for good (40xx) or
// disconnect() is called. Channel-level frames are handed on through eventReceived.
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(const ConnectionOptions &options, Clock *clock, TransportFactory factory,
               QObject *parent = nullptr);
    ~Connection() override;

    ConnectionState state() const { return m_state; }
    QString socketId() const { return m_socketId; }
    const ConnectionOptions &options() const { return m_options; }
    int activityTimeoutMs() const { return m_activityTimeoutMs; }
    bool isConnected() const { return m_state == ConnectionState::Connected; }

    // Safe at any time, including while a reconnect is scheduled or an attempt is running.
    void connect();
    void disconnect();
    // Network came back, or the system resumed: probe a live connection with a short ping,
    // or retry at once if we are waiting to reconnect.
    void checkNow();
    // Skip the remaining reconnect delay.
    void retryNow();

    // Sends a text frame when connected; false otherwise.
    bool send(const QString &json);
    // Sends {"event":E,"data":D(raw JSON)[,"channel":C]}.
    bool sendEvent(const QString &event, const QString &rawJsonData, const QString &channel = {});

    // The protocol acknowledges nothing a client sends, but TCP is ordered and servers answer
    // pings in order: the pong to a ping sent after some frames proves the server read them.
    // Asks for such a ping (one per event-loop turn, however many frames were written) and
    // returns its number; writesConfirmed(n) with n >= that number means the server has read
    // everything written before this call. 0 when not connected (nothing can be confirmed).
    // The ping must be answered within confirmTimeoutMs, else the link is taken as dead.
    quint64 confirmWrites();

    // Diagnostics tap (not owned; null detaches). The observer must detach before it dies.
    void setFrameObserver(FrameObserver *observer) { m_observer = observer; }
    FrameObserver *frameObserver() const { return m_observer; }

signals:
    void stateChanged(natter::pusher::ConnectionState previous,
                      natter::pusher::ConnectionState current);
    void connected(const QString &socketId);
    void reconnectingIn(int ms);
    // Each failed attempt or lost connection (the library retries on its own).
    void connectionLost(int code, const QString &reason);
    void tlsError(const QString &reason);
    // Permanent: 4001-4099 and the like. State is Failed; connect() tries again.
    void connectionRefused(int code, const QString &reason);
    // pusher:error that does not close the connection (e.g. 4301 client event rejected).
    void serverError(int code, const QString &message, const QString &channel);
    void malformedFrame(const QString &reason);
    // Every ping up to number `ping` (see confirmWrites) has been answered.
    void writesConfirmed(quint64 ping);
    // Every application or pusher_internal frame (anything Connection does not consume itself).
    void eventReceived(const natter::pusher::Event &event);

private:
    void setState(ConnectionState state);
    void startAttempt();
    void scheduleRetry(int delayMs);
    void dropTransport();
    void onText(const QString &text);
    void onClosed(int code, const QString &reason, Transport::Failure failure);
    void onHandshake(const Event &event);
    void onActivityTimeout();
    void sendPing(int pongTimeoutMs);
    void sendConfirmPing();
    void onPong();
    void armPongTimer();
    void onPongTimeout();
    void dropAndRetry(int code, const QString &reason, int delayMs);

    ConnectionOptions m_options;
    Clock *m_clock;
    TransportFactory m_factory;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<Timer> m_retryTimer;
    std::unique_ptr<Timer> m_activityTimer;
    std::unique_ptr<Timer> m_pongTimer;
    std::unique_ptr<Timer> m_unavailableTimer;
    std::unique_ptr<Timer> m_handshakeTimer;
    Backoff m_backoff;
    FrameParser m_parser;
    Event m_event; // reused: avoids per-frame allocations of the envelope
    ConnectionState m_state = ConnectionState::Initialized;
    QString m_socketId;
    bool m_wanted = false;
    bool m_established = false;
    bool m_confirmPingPosted = false;
    // Pings are numbered across connections, so an answer on a new socket never confirms
    // frames written to an old one.
    quint64 m_pingsSent = 0;
    struct PendingPing
    {
        quint64 number;
        qint64 sentAtMs;
        qint64 deadlineMs;
        bool confirm; // asked for by confirmWrites: the short deadline applies
    };
    std::deque<PendingPing> m_pendingPings; // oldest first
    qint64 m_lastActivityMs = 0;
    int m_activityTimeoutMs;
    FrameObserver *m_observer = nullptr;
};

} // namespace natter::pusher
