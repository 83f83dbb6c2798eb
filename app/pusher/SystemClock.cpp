#include "SystemClock.h"

#include "Timer.h"

#include <QTimer>

namespace natter::pusher {

namespace {
class QtTimer : public Timer
{
public:
    QtTimer()
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { fire(); });
    }
    void start(int msec) override { m_timer.start(qMax(0, msec)); }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }
    int remainingMs() const override { return m_timer.isActive() ? m_timer.remainingTime() : -1; }

private:
    QTimer m_timer;
};
} // namespace

SystemClock::SystemClock()
{
    m_elapsed.start();
}

qint64 SystemClock::nowMs() const
{
    return m_elapsed.elapsed();
}

std::unique_ptr<Timer> SystemClock::createTimer()
{
    return std::make_unique<QtTimer>();
}

double SystemClock::random()
{
    return QRandomGenerator::global()->generateDouble();
}

} // namespace natter::pusher
