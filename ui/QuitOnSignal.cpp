#include "QuitOnSignal.h"

#include "LogUi.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace natter::ui {

int QuitOnSignal::s_fds[2] = {-1, -1};

QuitOnSignal::QuitOnSignal(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0) {
        qCWarning(lcUi) << "no signal pipe; SIGTERM ends Natter without saving the window state";
        return;
    }
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char signal = 0;
        if (::read(s_fds[1], &signal, 1) == 1)
            qCInfo(lcUi) << "quitting on signal" << int(signal);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = &QuitOnSignal::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(s, &action, nullptr);
}

QuitOnSignal::~QuitOnSignal()
{
    for (int s : {SIGTERM, SIGINT, SIGHUP})
        ::signal(s, SIG_DFL);
    delete m_notifier;
    for (int &fd : s_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void QuitOnSignal::handle(int signal)
{
    const char byte = char(signal);
    if (s_fds[0] >= 0) [[maybe_unused]]
        auto n = ::write(s_fds[0], &byte, 1);
}

} // namespace natter::ui
