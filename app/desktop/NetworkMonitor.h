#pragma once

#include <QNetworkInformation>
#include <QObject>

namespace natter::desktop {

// Tells the connection when to check itself instead of waiting for its next ping or backoff step:
// when the OS reports a reachability change (QNetworkInformation; on Linux the NetworkManager
// backend, which may be missing: then only sleep/resume is watched, and a log line says so), and
// when the machine resumes from sleep (logind's PrepareForSleep(false) on the system bus; without
// a system bus this is skipped with a log line). Nothing here blocks: the system-bus
// subscription is made on the next event-loop turn, without a blocking name lookup.
class NetworkMonitor : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool reachability = true; // load a QNetworkInformation backend
        bool sleep = true; // subscribe to logind's PrepareForSleep
    };

    explicit NetworkMonitor(QObject *parent = nullptr);
    NetworkMonitor(const Options &options, QObject *parent = nullptr);
    ~NetworkMonitor() override;

    // Loads the backend and schedules the logind subscription. Idempotent.
    void start();

    bool hasReachabilityBackend() const { return m_backend; }
    QString backendName() const;
    bool isWatchingSleep() const { return m_sleepSubscribed; }
    QNetworkInformation::Reachability reachability() const { return m_reachability; }
    // Unknown counts as online: without a backend we must not hold the connection back.
    bool isOnline() const;

public slots:
    // Test hooks, and the entry points the backend and logind deliver to.
    void handlePrepareForSleep(bool sleeping);
    void handleReachability(QNetworkInformation::Reachability reachability);

signals:
    // Check the connection now (ping, or reconnect at once if it was waiting to retry).
    void checkNow();
    void reachabilityChanged(QNetworkInformation::Reachability reachability);
    void aboutToSleep();
    void resumed();

private:
    void loadBackend();
    void subscribeToSleep();

    Options m_options;
    bool m_started = false;
    bool m_backend = false;
    bool m_sleepSubscribed = false;
    QNetworkInformation::Reachability m_reachability = QNetworkInformation::Reachability::Unknown;
};

} // namespace natter::desktop
