#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal (self-pipe), so shutdown runs in the event loop.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminate(int signal);

private:
    static void handler(int signal);
    void readSignal();

    static int s_fds[2];
    QSocketNotifier *m_notifier = nullptr;
};
