// Links ui/main.cpp into `natter_bench`: natter plus the bench probe, installed as soon as the
// QApplication exists (NATTER_BENCH=1 turns it on), for bench/gui while main() does not call
// natter::ui::BenchProbe::installFromEnvironment() itself. Calling it twice is harmless.
#include "BenchProbe.h"

#include <QCoreApplication>

static void installBenchProbe()
{
    natter::ui::BenchProbe::installFromEnvironment();
}
Q_COREAPP_STARTUP_FUNCTION(installBenchProbe)
