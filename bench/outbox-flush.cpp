// Outbox write cost: N messages added, then removed one by one as a flush of the outbox does
// (the server takes them one after the other). Prints wall milliseconds and the bytes handed to
// write() (/proc/self/io wchar), per phase. Not a test: not in ctest.
//
//   build/bench/bench_outbox [N=1000] [--batch] [DIR=current directory]
//
// Default: every add and every remove in its own event-loop turn (acks come one by one).
// --batch: all adds in one turn, all removes in one turn. DIR should be on a real disk (fsync).
#include <chat/Outbox.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using natter::chat::ChatMessage;
using natter::chat::Outbox;

namespace {

qint64 writtenBytes()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

ChatMessage message(int i)
{
    ChatMessage m;
    m.id = QStringLiteral("6f1c0e3a-5b7d-4c2e-9a8f-%1").arg(i, 12, 10, QLatin1Char('0'));
    m.room = QStringLiteral("lobby");
    m.senderId = QStringLiteral("alice");
    m.senderName = QStringLiteral("Alice");
    m.text = QStringLiteral("A message of about the length people type in a chat, #%1.").arg(i);
    m.sentAt = QDateTime::currentDateTimeUtc();
    m.state = ChatMessage::State::Pending;
    m.own = true;
    return m;
}

struct Phase
{
    QElapsedTimer clock;
    qint64 bytesAtStart = 0;
    void start()
    {
        bytesAtStart = writtenBytes();
        clock.start();
    }
    void report(const char *name, int n)
    {
        const qint64 ms = clock.elapsed();
        std::printf("%-8s %5d ops  %7lld ms  %10lld bytes written\n", name, n,
                    static_cast<long long>(ms),
                    static_cast<long long>(writtenBytes() - bytesAtStart));
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool batch = args.removeAll(QStringLiteral("--batch")) > 0;
    const int n = args.isEmpty() ? 1000 : args.takeFirst().toInt();
    const QString base = args.isEmpty() ? QDir::currentPath() : args.takeFirst();
    QTemporaryDir dir(QDir(base).filePath(QStringLiteral("bench-outbox-XXXXXX")));
    if (!dir.isValid() || n <= 0) {
        std::fprintf(stderr, "usage: bench_outbox [N] [--batch] [DIR]\n");
        return 2;
    }
    auto *outbox = new Outbox(dir.filePath(QStringLiteral("outbox.json")));
    std::printf("outbox of %d messages, %s, in %s\n", n,
                batch ? "one turn per phase" : "one event-loop turn per change",
                qPrintable(dir.path()));

    Phase adds;
    Phase flush;
    int i = 0;
    // Each step runs in its own event-loop turn, on a zero timer started after the step's
    // changes: zero timers fire in the order they were started, so work the Outbox deferred to
    // the end of the turn (its own zero timer) is done before the next step and counted.
    QTimer stepper;
    stepper.setSingleShot(true);
    stepper.setInterval(0);
    QObject::connect(&stepper, &QTimer::timeout, [&] {
        if (i < n) {
            if (i == 0)
                adds.start();
            const int until = batch ? n : i + 1;
            for (; i < until; ++i)
                outbox->add(message(i));
        } else if (i == n) {
            adds.report("add", n);
            flush.start();
            ++i;
        } else if (i <= 2 * n) {
            const int until = batch ? 2 * n + 1 : i + 1;
            for (; i < until; ++i)
                outbox->remove(message(i - n - 1).id);
        } else {
            flush.report("remove", n);
            app.quit();
            return;
        }
        stepper.start();
    });
    stepper.start();
    const int rc = app.exec();
    delete outbox;
    return rc;
}
