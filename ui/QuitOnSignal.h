#pragma once

#include <QObject>

class QSocketNotifier;

namespace natter::ui {

// SIGTERM / SIGINT / SIGHUP end Natter like Ctrl+Q does (window state saved, sessions stopped):
// the handler only writes to a self-pipe; the event loop reads it and calls QCoreApplication::quit().
class QuitOnSignal : public QObject
{
    Q_OBJECT
public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

private:
    static void handle(int signal);
    static int s_fds[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace natter::ui
