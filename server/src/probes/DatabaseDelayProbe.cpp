#include "DatabaseDelayProbe.h"

#include <QThread>
#include <QtGlobal>

DatabaseDelayProbe::DatabaseDelayProbe()
    : m_delayMs(qMax(0, qEnvironmentVariableIntValue("NATTER_SERVER_PROBE_DB_DELAY_MS")))
{
}

void DatabaseDelayProbe::pause() const
{
    if (m_delayMs > 0)
        QThread::msleep(static_cast<unsigned long>(m_delayMs));
}
