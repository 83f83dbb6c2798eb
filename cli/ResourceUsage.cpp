#include "ResourceUsage.h"

#include <sys/resource.h>

ResourceUsage ResourceUsage::now()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    ResourceUsage r;
    r.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    r.maxRssKb = usage.ru_maxrss;
    return r;
}
