// Memory soak for bench/memory: one pusher Client doing presence subscribe/unsubscribe cycles
// against soketi (signed locally) and a second one receiving floods from bench/flood-server.js,
// in ROUNDS equal rounds. VmRSS after each round on stdout; round 1 is the warm-up.
//
//   bench_memory --soketi-port P --key K --secret S --flood-port F
//                [--cycles 10000] [--events 1000000] [--rounds 10] [--names N]
//
// The flood server must send events/rounds events per subscription (its N).
// stdout: {"round":1,"cycles":1000,"events":100000,"rss_kb":12345} per round, then
// {"type":"summary","warmup_rss_kb":..,"end_rss_kb":..,"growth_percent":..}. Exit 0 when
// done (whatever the growth: bench/memory judges), 2 on a failure.
#include <pusher/Channel.h>
#include <pusher/Client.h>
#include <pusher/Connection.h>
#include <pusher/LocalSigner.h>
#include <pusher/PresenceChannel.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace natter::pusher;
using namespace Qt::Literals::StringLiterals;

namespace {

void out(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    fwrite(line.constData(), 1, size_t(line.size()), stdout);
    fflush(stdout);
}

[[noreturn]] void fatal(const QString &message)
{
    out({{u"type"_s, u"error"_s}, {u"message"_s, message}});
    ::_exit(2);
}

qint64 rssKb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

ConnectionOptions local(int port, const QString &key)
{
    ConnectionOptions o;
    o.key = key;
    o.host = u"127.0.0.1"_s;
    o.port = port;
    o.tls = false;
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    for (const QString &o : QStringList{u"soketi-port"_s, u"key"_s, u"secret"_s, u"flood-port"_s,
                                        u"cycles"_s, u"events"_s, u"rounds"_s, u"names"_s})
        p.addOption(QCommandLineOption(o, QString(), u"v"_s));
    p.process(app);
    const int cycles = p.value(u"cycles"_s).isEmpty() ? 10000 : p.value(u"cycles"_s).toInt();
    const qint64 events = p.value(u"events"_s).isEmpty() ? 1000000
                                                         : p.value(u"events"_s).toLongLong();
    const int rounds = p.value(u"rounds"_s).isEmpty() ? 10 : p.value(u"rounds"_s).toInt();
    // Distinct channel names the cycles rotate over (default: a new name every cycle).
    const int names = p.value(u"names"_s).isEmpty() ? cycles : p.value(u"names"_s).toInt();
    if (rounds <= 0 || cycles % rounds || events % rounds || p.value(u"key"_s).isEmpty())
        fatal(
            u"usage: --soketi-port --key --secret --flood-port [--cycles] [--events] [--rounds]; "_s
            u"cycles and events must divide by rounds"_s);

    LocalSigner signer(p.value(u"key"_s), p.value(u"secret"_s).toUtf8(), u"soak"_s,
                       QJsonObject{{u"name"_s, u"soak"_s}});
    Client cycler(local(p.value(u"soketi-port"_s).toInt(), p.value(u"key"_s)), &signer);
    Client flooded(local(p.value(u"flood-port"_s).toInt(), p.value(u"key"_s)), nullptr);

    int round = 0, cycleInRound = 0, totalCycles = 0;
    qint64 received = 0, warmup = 0;
    std::function<void()> nextCycle, startFlood;
    QMetaObject::Connection floodLink;

    auto endRound = [&] {
        ++round;
        const qint64 rss = rssKb();
        if (round == 1)
            warmup = rss;
        out({{u"round"_s, round},
             {u"cycles"_s, totalCycles},
             {u"events"_s, received},
             {u"rss_kb"_s, rss}});
        if (round == rounds) {
            out({{u"type"_s, u"summary"_s},
                 {u"warmup_rss_kb"_s, warmup},
                 {u"end_rss_kb"_s, rss},
                 {u"growth_percent"_s, 100.0 * double(rss - warmup) / double(warmup)}});
            QCoreApplication::quit();
            return;
        }
        cycleInRound = 0;
        QTimer::singleShot(0, &app, nextCycle);
    };

    // One presence subscription at a time; the next cycle starts once the previous channel is
    // subscribed and left. Names rotate over 100 channels, so soketi sees real joins and leaves.
    nextCycle = [&] {
        if (cycleInRound == cycles / rounds) {
            startFlood();
            return;
        }
        const QString name = u"presence-soak-%1"_s.arg(totalCycles % names);
        const bool fresh = !cycler.channel(name);
        Channel *c = cycler.subscribePresence(name);
        if (!c)
            fatal(u"subscribe refused"_s);
        QObject::connect(
            c, &Channel::subscribed, &app,
            [&, name] {
                cycler.unsubscribe(name);
                ++cycleInRound;
                ++totalCycles;
                QTimer::singleShot(0, &app, nextCycle);
            },
            Qt::SingleShotConnection);
        if (fresh)
            QObject::connect(c, &Channel::subscriptionFailed, &app, [](const ChannelError &e) {
                fatal(u"subscription failed: "_s + e.message);
            });
    };

    startFlood = [&] {
        Channel *c = flooded.subscribe(u"bench"_s);
        floodLink = QObject::connect(c, &Channel::eventReceived, &app, [&](const Event &e) {
            if (e.event == u"done"_s) {
                QObject::disconnect(floodLink);
                flooded.unsubscribe(u"bench"_s);
                QTimer::singleShot(0, &app, endRound);
            } else {
                ++received;
            }
        });
    };

    QObject::connect(cycler.connection(), &Connection::connectionRefused, &app,
                     [](int, const QString &why) { fatal(u"soketi refused: "_s + why); });
    cycler.connect();
    flooded.connect();
    QObject::connect(
        cycler.connection(), &Connection::connected, &app,
        [&] {
            if (round == 0 && totalCycles == 0)
                nextCycle();
        },
        Qt::SingleShotConnection);
    return app.exec();
}
