#include "HugePages.h"

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

#include <cstdint>

namespace natter::pusher {

void adviseHugePages(void *data, qsizetype size)
{
#ifdef Q_OS_LINUX
    constexpr std::uintptr_t huge = 2 * 1024 * 1024;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + std::uintptr_t(size)) & ~(huge - 1);
    if (end > begin) // advice only: where it is not taken, 4 KiB pages as before
        (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

} // namespace natter::pusher
