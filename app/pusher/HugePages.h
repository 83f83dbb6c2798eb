#pragma once

#include <QtGlobal>

namespace natter::pusher {

// Asks the kernel to back the 2 MiB-aligned part of a buffer about to be filled with huge pages
// (Linux, transparent huge pages in "madvise" mode, Debian's default). A multi-megabyte frame
// otherwise faults in one 4 KiB page at a time, and on a VM a fault cost ~15 us: a 6 MB buffer,
// 23 ms of one turn of the event loop, more than parsing it. No-op elsewhere or when smaller.
void adviseHugePages(void *data, qsizetype size);

} // namespace natter::pusher
