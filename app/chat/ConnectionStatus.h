#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace natter::pusher {
class Connection;
}

namespace natter::chat {

// What the status bar / banner shows about the connection, derived only from the library's
// Connection signals: a kind, a human text ("Reconnecting in 3 s"), a hint what the user can
// do about a failure, and a once-a-second countdown while a reconnect is scheduled.
class ConnectionStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text NOTIFY changed)
public:
    enum class Kind { Connecting, Connected, Reconnecting, Offline, Failed };
    Q_ENUM(Kind)

    explicit ConnectionStatus(natter::pusher::Connection *connection, QObject *parent = nullptr);
    ~ConnectionStatus() override;

    // Follow another connection (e.g. after the controller restarted); nullptr = Offline.
    void setConnection(natter::pusher::Connection *connection);
    natter::pusher::Connection *connection() const;

    Kind kind() const { return m_kind; }
    QString text() const;
    QString fixHint() const { return m_hint; } // empty when there is nothing to fix
    int secondsLeft() const { return m_secondsLeft; } // > 0 only while a reconnect is scheduled
    QString reason() const { return m_reason; } // the last error from the server or the socket
    int errorCode() const { return m_code; } // close code of the last failure, 0 if none

public slots:
    void retryNow();

signals:
    void changed();

private:
    void onStateChanged();
    void onReconnectingIn(int ms);
    void tick();
    void refresh(); // recomputes the hint and emits changed() when anything visible moved
    QString hintFor() const;
    QString address() const;

    QPointer<natter::pusher::Connection> m_connection;
    QList<QMetaObject::Connection> m_links;
    Kind m_kind = Kind::Offline;
    QString m_reason;
    int m_code = 0;
    bool m_tlsFailure = false; // since the last successful connection
    bool m_unavailable = false; // the library gave up waiting (state Unavailable)
    QString m_hint;
    QElapsedTimer m_sinceSchedule;
    int m_delayMs = 0;
    int m_secondsLeft = 0;
    QTimer m_countdown;
    QString m_lastText; // what changed() last announced, to avoid repeats
};

} // namespace natter::chat
