#pragma once

#include "Clock.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

namespace natter::pusher {

class SystemClock : public Clock
{
public:
    SystemClock();
    qint64 nowMs() const override;
    std::unique_ptr<Timer> createTimer() override;
    double random() override;

private:
    QElapsedTimer m_elapsed;
};

} // namespace natter::pusher
