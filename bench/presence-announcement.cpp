// The hostile presence announcement of soketi_hostilepeers, without the network: one 3 MB
// pusher_internal:subscription_succeeded frame (100,000 members plus alice and bob, bob's name
// 1 MB, as tests/node/hostile-server.js sends it), through FrameParser, json::unescapeStringToken,
// PresenceAnnouncement and Members, in the three turns of the event loop Natter takes for it.
// Prints the thread's CPU time per turn and round. The first round is the one that counts: it
// faults in the pages of its buffers, and on this VM a fresh 4 KiB page costs ~15 us, more than
// the parse of it (the rounds after reuse the memory). Instruction counts, load-independent but
// blind to page faults, from callgrind (inclusive cost of parseFrame, unescapeList, readMembers):
//
//   valgrind --tool=callgrind --callgrind-out-file=cg.out build/bench/bench_presence 1
//   callgrind_annotate --inclusive=yes cg.out | grep -E 'parseFrame|unescapeList|readMembers'
//
// A second argument "shuffled" reverses the hash (the worst case: the whole hash is searched for
// the kept members' info).
#include <pusher/Event.h>
#include <pusher/FrameParser.h>
#include <pusher/JsonStringToken.h>
#include <pusher/Members.h>
#include <pusher/PresenceAnnouncement.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

#include <time.h>

using namespace natter::pusher;

namespace {

// As hostile-server.js writes it: ids first, the hash in the ids' order. `shuffled`: the hash in
// reverse, so the kept members' info is found last.
QString frame(int members, int bigName, bool shuffled)
{
    QByteArray ids = "[\"alice\",\"bob\"";
    QList<QByteArray> hash{"\"alice\":{\"name\":\"Alice\"}",
                           "\"bob\":{\"name\":\"" + QByteArray(bigName, 'B') + "\"}"};
    for (int i = 0; i < members; ++i) {
        const QByteArray id = "m" + QByteArray::number(i);
        ids += ",\"" + id + '"';
        hash.append('"' + id + "\":{\"name\":\"Member " + QByteArray::number(i) + "\"}");
    }
    if (shuffled) // the kept members' info last
        std::reverse(hash.begin(), hash.end());
    const QByteArray presence = "{\"presence\":{\"ids\":" + ids + "],\"hash\":{" + hash.join(',')
        + "},\"count\":" + QByteArray::number(members + 2) + "}}";
    const QJsonObject envelope{
        {QStringLiteral("event"), QStringLiteral("pusher_internal:subscription_succeeded")},
        {QStringLiteral("channel"), QStringLiteral("presence-lobby")},
        {QStringLiteral("data"), QString::fromUtf8(presence)}};
    return QString::fromUtf8(QJsonDocument(envelope).toJson(QJsonDocument::Compact));
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000 + double(ts.tv_nsec) / 1e6;
}

// The frame's turn of the event loop (Connection::onText)...
Q_NEVER_INLINE bool parseFrame(FrameParser &parser, const QString &text, Event &event)
{
    return parser.parse(text, event);
}

// ...the next one, where PresenceChannel unescapes a list this large...
Q_NEVER_INLINE QByteArray unescapeList(const Event &event)
{
    return event.dataEscaped ? json::unescapeStringToken(event.dataUtf8).value_or(QByteArray())
                             : event.dataUtf8;
}

// ...and the one after, where it reads it.
Q_NEVER_INLINE int readMembers(const QByteArray &list, Members &members)
{
    members.reset(PresenceAnnouncement::membersFromPaddedUtf8(list, Members::MaxMembers + 1));
    return members.count();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? atoi(argv[1]) : 5;
    const bool shuffled = argc > 2 && qstrcmp(argv[2], "shuffled") == 0;
    const QString text = frame(100000, 1 << 20, shuffled);
    FrameParser parser;
    Members members;
    std::printf("frame: %lld UTF-16 code units\n", qlonglong(text.size()));
    for (int i = 0; i < rounds; ++i) {
        Event event;
        const double from = threadCpuMs();
        if (!parseFrame(parser, text, event))
            return 1;
        const double parsed = threadCpuMs();
        const QByteArray list = unescapeList(event);
        const double unescaped = threadCpuMs();
        const int kept = readMembers(list, members);
        std::printf("round %d%s: ms CPU per turn: %.1f to parse the frame, %.1f to unescape the "
                    "list, %.1f to read it; %d members kept, truncated %d\n",
                    i + 1, i == 0 ? " (cold)" : "", parsed - from, unescaped - parsed,
                    threadCpuMs() - unescaped, kept, int(members.isTruncated()));
    }
    return 0;
}
