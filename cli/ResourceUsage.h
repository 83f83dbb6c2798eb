#pragma once

// CPU time and peak memory of this process, for --stats.
struct ResourceUsage
{
    double cpuSeconds = 0;
    long maxRssKb = 0;
    static ResourceUsage now();
};
