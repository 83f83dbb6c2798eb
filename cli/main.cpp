#include "ExitCode.h"
#include "JsonLines.h"
#include "ListenCommand.h"
#include "TriggerCommand.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
// GNU layout ("Usage:", "  or:"), which help2man turns into the man page's synopsis.
const char *usage = "Usage: natter-cli listen [options] CHANNEL...\n"
                    "  or:  natter-cli trigger [options] CHANNEL EVENT DATA\n"
                    "  or:  natter-cli (listen|trigger) --help\n";
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natter-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == QLatin1String("listen"))
        return ListenCommand::run(args.mid(1));
    if (command == QLatin1String("trigger"))
        return TriggerCommand::run(args.mid(1));
    if (command == QLatin1String("--version")) {
        std::printf("natter-cli %s\n", NATTER_VERSION);
        return ExitOk;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        std::fputs(usage, stdout);
        return ExitOk;
    }
    std::fputs(usage, stderr);
    return ExitUsage;
}
