#pragma once

#include "FrameEntry.h"
#include "FrameMasker.h"
#include "RateTracker.h"

#include <pusher/Connection.h>
#include <pusher/FrameObserver.h>
#include <pusher/FrameParser.h>

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <vector>

namespace natter::devtools {

class FrameLogModel;

// Feeds the Debug console from one connection. On the frame path it only notes the frame (a
// shared QString and a time stamp); a timer turns the notes into log entries a few times a
// second: the envelope (from the connection's own parse where there is one), the rates, one
// append per flush. Masking and measuring wait until a line is read (FrameLogModel), so a flood
// pays neither, and one model insert (one relayout of the list) per flush rather than per frame.
// A burst bigger than the log keeps only its newest frames. Attached to a connection only while
// the tools are open.
class FrameRecorder : public QObject, public natter::pusher::FrameObserver
{
    Q_OBJECT
public:
    // `log` is not owned and must outlive the recorder.
    explicit FrameRecorder(FrameLogModel *log, QObject *parent = nullptr);
    ~FrameRecorder() override;

    // Detaches from the previous connection; null just detaches.
    void attach(natter::pusher::Connection *connection);
    natter::pusher::Connection *connection() const { return m_connection; }

    // Paused: nothing new enters the log (the rates keep counting).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // Forwarded to the log, which masks what leaves it.
    void setSecrets(const QStringList &secrets);
    const FrameMasker &masker() const;
    const RateTracker &rates() const { return m_rates; }
    void clearRates() { m_rates.clear(); }

    void setFlushInterval(int ms) { m_timer.setInterval(ms); }
    void setTimeSource(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Turns what is pending into log entries now (also run by the timer).
    void flush();
    int pendingCount() const { return int(m_pending.size() - m_pendingHead); }

    // A line that is not a frame: state changes and the like.
    void note(FrameEntry::Kind kind, const QString &text, const QString &channel = {},
              const QString &event = {});

    // FrameObserver
    void frameReceived(const QString &text, const natter::pusher::Event *parsed) override;
    void frameSent(const QString &text) override;
    void authRequested(const QString &channel) override;
    void authSucceeded(const QString &channel,
                       const natter::pusher::AuthResponse &response) override;
    void authFailed(const QString &channel, const natter::pusher::AuthError &error) override;

signals:
    void flushed(int entries);
    void pausedChanged(bool paused);

private:
    struct Pending
    {
        qint64 timeMs;
        FrameEntry::Kind kind;
        QString text;
        QString channel;
        QString event;
        bool parsed = false; // event and channel known (from Connection's own parse)
    };
    void push(Pending pending);
    FrameEntry toEntry(Pending &pending);

    FrameLogModel *m_log;
    QPointer<natter::pusher::Connection> m_connection;
    QList<QMetaObject::Connection> m_signals;
    RateTracker m_rates;
    natter::pusher::FrameParser m_parser;
    natter::pusher::Event m_event;
    std::vector<Pending> m_pending;
    size_t m_pendingHead = 0; // m_pending before it is already in the log
    QTimer m_timer;
    std::function<qint64()> m_now;
    bool m_paused = false;
};

} // namespace natter::devtools
