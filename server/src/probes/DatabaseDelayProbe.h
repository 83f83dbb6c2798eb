#pragma once

// Test hook, off unless NATTER_SERVER_PROBE_DB_DELAY_MS is set: sleeps that many milliseconds
// before each store statement, so a test can see whether a slow database stalls requests that
// do not touch it (they must not: the database runs on its own thread).
class DatabaseDelayProbe
{
public:
    DatabaseDelayProbe();

    // Sleeps the configured delay on the calling thread; nothing when the probe is off.
    void pause() const;

private:
    int m_delayMs = 0;
};
