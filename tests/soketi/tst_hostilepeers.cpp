// Hostile peers through the chat layer, over a real socket: tests/node/hostile-server.js (its own
// process, so the event loop measured here only pays for Natter's work) sends what a malicious
// peer or server could: 100,000 members with one 1 MB name, 10,000 messages per second from one
// peer, forged `user` fields, deeply nested JSON, text that is not UTF-8, markup. Natter must stay
// responsive (the longest event-loop stall, measured by a 5 ms timer probe, within 100 ms),
// bounded in memory, show the server-stamped sender and show text literally.
#include "NodeProcess.h"
#include "SanitizerSlowdown.h"
#include "SoketiServer.h"

#include "chat/ChatController.h"
#include "chat/MessageListModel.h"
#include "chat/Outbox.h"
#include "chat/Room.h"

#include <pusher/LocalSigner.h>
#include <pusher/MemberListModel.h>
#include <pusher/Members.h>

#include "MemberPanel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

#include <time.h>

using namespace natter::chat;
using natter::pusher::LocalSigner;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The longest gap between two ticks of a 5 ms timer: how long the event loop was busy at once.
// Also the most CPU time this thread used between two ticks: on the shared, loaded machine the
// wall-clock gap is mostly waiting for a core (4-7 times the CPU time at load 15-20), so the
// CPU time is what tells Natter's own work in one slice from the machine's load.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_longest = qMax(m_longest, m_since.restart());
            const qint64 cpu = threadCpuUs();
            m_longestCpuUs = qMax(m_longestCpuUs, cpu - m_cpuSince);
            m_cpuSince = cpu;
        });
    }
    void start()
    {
        m_longest = 0;
        m_longestCpuUs = 0;
        m_since.start();
        m_cpuSince = threadCpuUs();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }
    qint64 longestCpuMs() const { return m_longestCpuUs / 1000; }

private:
    static qint64 threadCpuUs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
    }
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_longest = 0;
    qint64 m_cpuSince = 0;
    qint64 m_longestCpuUs = 0;
};

qint64 rssKb()
{
    QFile f(S("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

QString data(const QModelIndex &index, int role)
{
    return index.data(role).toString();
}

} // namespace

class TestHostilePeers : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    NodeProcess m_server;
    quint16 m_port = 0;
    std::unique_ptr<LocalSigner> m_signer;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ChatController> m_chat;
    // The Who's Online panel, shown: its sorting and layout are part of the stall.
    std::unique_ptr<natter::ui::MemberPanel> m_panel;
    Room *m_room = nullptr;
    StallProbe m_probe;
    qint64 m_joinStallMs = -1;
    qint64 m_joinCpuMs = -1;

    int send(const QJsonObject &command, const QString &answer, int timeoutMs = 10000)
    {
        const int from = int(m_server.lines().size());
        m_server.send(QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Compact)));
        return m_server.waitForType(answer, timeoutMs, from);
    }
    // The room's messages whose text starts with `prefix`.
    int countStartingWith(const QString &prefix) const
    {
        int n = 0;
        for (int i = 0; i < m_room->messages()->rowCount(); ++i)
            n += m_room->messages()->at(i).text.startsWith(prefix);
        return n;
    }
    QModelIndex rowOf(const QString &id) const
    {
        return m_room->messages()->index(m_room->messages()->rowOf(id));
    }

private slots:
    void initTestCase()
    {
        if (SoketiServer::nodePath().isEmpty())
            QSKIP("node not found");
        QVERIFY(m_server.start(S("hostile-server.js"), {}));
        const int ready = m_server.waitForType(S("ready"), 15000);
        QVERIFY2(ready >= 0, qPrintable(m_server.describe()));
        m_port = quint16(m_server.lines().at(ready).value(S("port")).toInt());
        // 100,000 members announced, one of them (bob, who floods below) with a 1 MB name.
        QVERIFY(
            send({{S("cmd"), S("members")}, {S("count"), 100000}, {S("bigName"), 1 << 20}}, S("ok"))
            >= 0);

        m_signer = std::make_unique<LocalSigner>(S("app-key"), QByteArray("secret"), S("alice"),
                                                 QJsonObject{{S("name"), S("Alice")}});
        m_outbox = std::make_unique<Outbox>(m_dir.filePath(S("outbox-hostile-alice.jsonl")));
        m_chat = std::make_unique<ChatController>(m_outbox.get());
        natter::pusher::ConnectionOptions options;
        options.key = S("app-key");
        options.host = S("127.0.0.1");
        options.port = m_port;
        options.tls = false;
        QSignalSpy loggedIn(m_chat.get(), &ChatController::loggedIn);
        m_room = m_chat->joinRoom(S("lobby"));
        m_chat->setActiveRoom(S("lobby"));
        m_panel = std::make_unique<natter::ui::MemberPanel>();
        m_panel->resize(240, 600);
        m_panel->setRoom(m_room);
        m_panel->show();
        // Not the peer's doing, so not in the figure: the panel's first layout, and the system CA
        // store that the first QWebSocket loads (Qt reads /etc/ssl/certs once per process, even
        // for ws://; ~30 M instructions and file reads, which the probe had counted as the stall).
        (void)QSslConfiguration::defaultConfiguration();
        QTest::qWait(100);
        m_probe.start();
        m_chat->start(options, m_signer.get(), S("alice"), S("Alice"));
        QVERIFY2(QTest::qWaitFor([&] { return !loggedIn.isEmpty(); }, 30000),
                 qPrintable(m_server.describe()));
        // Until the panel shows the whole list: a list built in slices is part of the stall.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_panel->view()->model()->rowCount() == natter::pusher::Members::MaxMembers;
            },
            30000));
        QTest::qWait(200);
        m_joinStallMs = m_probe.longestMs();
        m_joinCpuMs = m_probe.longestCpuMs();
        qInfo("100,000 members, one 1 MB name: longest stall %lld ms, most CPU in one turn %lld ms",
              m_joinStallMs, m_joinCpuMs);
    }

    void manyMembersAreCappedAndNamesBounded()
    {
        natter::pusher::Members *members = m_room->memberList();
        QCOMPARE(members->count(), natter::pusher::Members::MaxMembers);
        QVERIFY(members->isTruncated());
        const int bob = members->indexOf(S("bob")); // the model's rows follow the list
        QVERIFY(bob >= 0);
        QCOMPARE(data(m_room->members()->index(bob), natter::pusher::MemberListModel::IdRole),
                 S("bob"));
        const QString shown = data(m_room->members()->index(bob),
                                   natter::pusher::MemberListModel::NameRole);
        QVERIFY2(shown.size() <= natter::pusher::MemberListModel::MaxNameLength,
                 qPrintable(QString::number(shown.size())));
        // The panel: you first, then by name, the count marked incomplete.
        QCOMPARE(m_panel->header()->text(),
                 S("Who's Online (%1+)").arg(natter::pusher::Members::MaxMembers));
        const QAbstractItemModel *sorted = m_panel->view()->model();
        QCOMPARE(sorted->index(0, 0).data(natter::pusher::MemberListModel::IdRole).toString(),
                 S("alice"));
        QVERIFY(sorted->index(1, 0).data().toString().startsWith(S("BBBB")));
        QCOMPARE(sorted->index(2, 0).data().toString(), S("Member 0"));
        QCOMPARE(sorted->index(3, 0).data().toString(), S("Member 1"));
        // The target is 100 ms. The 6 MB announcement takes three turns of the event loop: the
        // frame's (FrameParser, the list left escaped), one to unescape the list and one to read
        // the kept members (PresenceChannel) and sort them in the panel. Most of their CPU was
        // page faults, not parsing (15 us per fresh 4 KiB page on this VM), so the big buffers
        // are not copied and ask for huge pages: 25-34, 13-26 and 28-36 ms of CPU per turn, and
        // a longest stall of 49-94 ms (median 63, 19 runs) at load 3 with both cores busy
        // (before: 82-132 ms CPU in one turn at load 6-12; one turn of 292-325 ms before that).
        // The guards leave room for a loaded machine and catch a relapse to one or two turns.
        using natter::test::kSanitizerSlowdown;
        QVERIFY2(m_joinCpuMs <= 100 * kSanitizerSlowdown, qPrintable(QString::number(m_joinCpuMs)));
        QVERIFY2(m_joinStallMs <= 500 * kSanitizerSlowdown,
                 qPrintable(QString::number(m_joinStallMs)));
        m_panel.reset(); // the tests below measure the chat alone, as before
    }

    void floodFromOnePeerStaysResponsiveAndBounded()
    {
        m_panel.reset();
        // bob (the 1 MB name) sends 10,000 messages per second for 2 s.
        const qint64 before = rssKb();
        m_probe.start();
        QElapsedTimer clock;
        clock.start();
        const int n = 20000;
        const int done = send({{S("cmd"), S("flood")},
                               {S("channel"), S("presence-lobby")},
                               {S("count"), n},
                               {S("rate"), 10000},
                               {S("userId"), S("bob")},
                               {S("text"), S("flood")}},
                              S("flooded"), 60000);
        QVERIFY2(done >= 0, qPrintable(m_server.describe()));
        QVERIFY2(QTest::qWaitFor([&] { return countStartingWith(S("flood ")) == n; }, 30000),
                 qPrintable(QString::number(countStartingWith(S("flood ")))));
        const qint64 received = clock.elapsed();
        const qint64 stall = m_probe.longestMs();
        const qint64 after = rssKb();
        qInfo("flood of %d at 10,000/s: sent in %.0f ms, all shown after %lld ms, longest stall "
              "%lld ms, RSS %lld -> %lld KB",
              n, m_server.lines().at(done).value(S("ms")).toDouble(), received, stall, before,
              after);
        // Each message carries bob's signed name, bounded, never a copy of the 1 MB one.
        const QModelIndex last = rowOf(S("f%1").arg(n - 1));
        QVERIFY(last.isValid());
        QCOMPARE(data(last, MessageListModel::SenderIdRole), S("bob"));
        const QString name = data(last, MessageListModel::SenderNameRole);
        QVERIFY2(name.size() <= 200, qPrintable(QString::number(name.size())));
        QVERIFY(name.startsWith(S("BBBB")));
        QVERIFY2(after - before < 200 * 1024, "more than 200 MB for 20,000 short messages");
        QVERIFY2(stall <= 100 * natter::test::kSanitizerSlowdown,
                 qPrintable(QString::number(stall)));
    }

    void forgedUserFieldsDoNotChangeTheSender()
    {
        const auto frame = [](const QString &userId, const QJsonObject &payload) {
            QJsonObject f{{S("event"), S("client-message")},
                          {S("channel"), S("presence-lobby")},
                          {S("data"), payload}};
            if (!userId.isEmpty())
                f.insert(S("user_id"), userId);
            return QString::fromUtf8(QJsonDocument(f).toJson(QJsonDocument::Compact));
        };
        // eve (no member) claims to be bob; bob claims to be alice (us); m1 claims admin.
        for (const QString &text : QStringList{
                 frame(S("eve"),
                       {{S("id"), S("forged1")},
                        {S("text"), S("i am bob")},
                        {S("user"), QJsonObject{{S("id"), S("bob")}, {S("name"), S("Bob")}}}}),
                 frame(S("bob"),
                       {{S("id"), S("forged2")},
                        {S("text"), S("i am you")},
                        {S("user"), QJsonObject{{S("id"), S("alice")}, {S("name"), S("Alice")}}}}),
                 frame(S("m1"),
                       {{S("id"), S("forged3")},
                        {S("text"), S("i am admin")},
                        {S("user"), QJsonObject{{S("name"), S("Administrator")}}}})})
            QVERIFY(send({{S("cmd"), S("frame")}, {S("text"), text}}, S("sent")) >= 0);
        QVERIFY(QTest::qWaitFor([&] { return rowOf(S("forged3")).isValid(); }, 10000));

        const QModelIndex eve = rowOf(S("forged1"));
        QCOMPARE(data(eve, MessageListModel::SenderIdRole), S("eve"));
        QVERIFY2(!data(eve, MessageListModel::SenderNameRole).contains(S("Bob")),
                 qPrintable(data(eve, MessageListModel::SenderNameRole)));
        QVERIFY(data(eve, MessageListModel::SenderNameRole).endsWith(S("(not in the room)")));
        const QModelIndex bob = rowOf(S("forged2"));
        QCOMPARE(data(bob, MessageListModel::SenderIdRole), S("bob"));
        QVERIFY(!bob.data(MessageListModel::OwnRole).toBool());
        QVERIFY(data(bob, MessageListModel::SenderNameRole).startsWith(S("BBBB")));
        QCOMPARE(data(rowOf(S("forged3")), MessageListModel::SenderNameRole), S("Member 1"));
    }

    void nestedJsonInvalidUtf8AndMarkupAreHarmless()
    {
        // 100,000 levels of nesting around the payload, and inside a field of it.
        const QString deep = QString(100000, u'[') + QString(100000, u']');
        QVERIFY(send({{S("cmd"), S("frame")},
                      {S("text"),
                       S("{\"event\":\"client-message\",\"channel\":\"presence-lobby\","
                         "\"user_id\":\"bob\",\"data\":")
                           + deep + u'}'}},
                     S("sent"))
                >= 0);
        QVERIFY(send({{S("cmd"), S("frame")},
                      {S("text"),
                       S("{\"event\":\"client-message\",\"channel\":\"presence-lobby\","
                         "\"user_id\":\"bob\",\"data\":{\"id\":\"deep\",\"text\":"
                         "\"deep\",\"extra\":")
                           + deep + S("}}")}},
                     S("sent"))
                >= 0);
        // A lone surrogate escape: dropped or shown, never a crash.
        QVERIFY(send({{S("cmd"), S("frame")},
                      {S("text"),
                       S("{\"event\":\"client-message\",\"channel\":\"presence-lobby\","
                         "\"user_id\":\"bob\",\"data\":{\"id\":\"surrogate\",\"text\":"
                         "\"a \\ud800 b\"}}")}},
                     S("sent"))
                >= 0);
        // Markup in the text: kept as typed (the views render it as plain text).
        QVERIFY(send({{S("cmd"), S("frame")},
                      {S("text"),
                       S("{\"event\":\"client-message\",\"channel\":\"presence-lobby\","
                         "\"user_id\":\"bob\",\"data\":{\"id\":\"markup\",\"text\":"
                         "\"<b>bold</b> <img src=x onerror=alert(1)> &amp; end\"}}")}},
                     S("sent"))
                >= 0);
        QVERIFY(QTest::qWaitFor([&] { return rowOf(S("markup")).isValid(); }, 10000));
        const QString shown = data(rowOf(S("markup")), MessageListModel::TextRole);
        QCOMPARE(shown, S("<b>bold</b> <img src=x onerror=alert(1)> &amp; end"));

        // Bytes that are not UTF-8 in a text frame: the WebSocket layer refuses the frame (close
        // 1007); Natter reconnects, resubscribes and goes on receiving.
        const int from = int(m_server.lines().size());
        QVERIFY(
            send({{S("cmd"), S("raw")},
                  {S("base64"),
                   QString::fromLatin1(
                       QByteArray("{\"event\":\"client-message\",\"channel\":\"presence-lobby\","
                                  "\"user_id\":\"bob\",\"data\":{\"id\":\"bad\",\"text\":\"\xff\xfe"
                                  "\xc3\x28\"}}")
                           .toBase64())}},
                 S("sent"))
            >= 0);
        QTest::qWait(500);
        if (m_server.waitFor(
                [](const QJsonObject &o) {
                    return o.value(S("type")) == S("subscribed")
                        && o.value(S("connection")).toInt() > 0;
                },
                15000, from)
            >= 0)
            qInfo("invalid UTF-8: the connection was dropped and resubscribed");
        const int normal = send({{S("cmd"), S("frame")},
                                 {S("text"),
                                  S("{\"event\":\"client-message\",\"channel\":\"presence-lobby\","
                                    "\"user_id\":\"bob\",\"data\":{\"id\":\"after\",\"text\":"
                                    "\"still here\"}}")}},
                                S("sent"));
        QVERIFY(normal >= 0);
        QVERIFY(QTest::qWaitFor([&] { return rowOf(S("after")).isValid(); }, 15000));
        QVERIFY(m_chat->isStarted());
        const QModelIndex bad = rowOf(S("bad"));
        if (bad.isValid()) // if a layer decoded it after all, only replacement characters show
            QVERIFY(!data(bad, MessageListModel::TextRole).contains(QChar(0xff)));
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_chat.reset();
        m_server.stop();
    }
};

QTEST_MAIN(TestHostilePeers)
#include "tst_hostilepeers.moc"
