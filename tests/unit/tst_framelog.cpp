// The Debug console's domain: the bounded frame log, its filter, the recorder on a real
// Connection (fake socket), masking of signatures, tokens and secrets, export, rates, the
// Event creator's checks and history.
#include "ClientRig.h"
#include "Frames.h"

#include <devtools/EventDraft.h>
#include <devtools/FrameExport.h>
#include <devtools/FrameFilterProxy.h>
#include <devtools/FrameLogModel.h>
#include <devtools/FrameMasker.h>
#include <devtools/FrameRecorder.h>
#include <devtools/FrameTextStore.h>
#include <devtools/RateTracker.h>
#include <devtools/SentEventModel.h>
#include <pusher/Connection.h>

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <deque>

using namespace natter::devtools;
using natter::pusher::AuthResponse;

namespace {

QString S(const char *s)
{
    return QString::fromUtf8(s);
}

FrameEntry entry(int n, const QString &channel = QStringLiteral("lobby"),
                 const QString &event = QStringLiteral("new_message"))
{
    FrameEntry e;
    e.timeMs = 1700000000000 + n;
    e.kind = FrameEntry::Kind::In;
    e.event = event;
    e.channel = channel;
    e.text = QStringLiteral("{\"event\":\"%1\",\"channel\":\"%2\",\"data\":{\"n\":%3}}")
                 .arg(event, channel)
                 .arg(n);
    e.size = int(e.text.size());
    return e;
}

std::vector<FrameEntry> batch(int from, int count)
{
    std::vector<FrameEntry> out;
    for (int i = from; i < from + count; ++i)
        out.push_back(entry(i));
    return out;
}

// Everything a user can get out of the log: the shown lines, tool tips, the stored text, the
// pretty form, the export.
QString everything(const FrameLogModel &log)
{
    QString all;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex i = log.index(row);
        all += i.data(Qt::DisplayRole).toString() + u'\n';
        all += i.data(Qt::ToolTipRole).toString() + u'\n';
        all += i.data(FrameLogModel::TextRole).toString() + u'\n';
        all += FrameExport::prettyJson(log.at(row).text) + u'\n';
        all += QString::fromUtf8(FrameExport::jsonLine(log.at(row)));
    }
    return all;
}

const QString kSecret = S("s3cr3t-app-secret-value");
const QString kToken = S("tok-9f8e7d6c5b4a");
const QString kSignature = S("58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");

} // namespace

class TestFrameLog : public QObject
{
    Q_OBJECT
private slots:
    void modelUnderTester()
    {
        FrameLogModel log(nullptr, 10);
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.append(batch(0, 4));
        QCOMPARE(log.rowCount(), 4);
        log.append(batch(4, 9)); // 13 > 10: the 3 oldest go
        QCOMPARE(log.rowCount(), 10);
        QCOMPARE(log.droppedCount(), quint64(3));
        QCOMPARE(log.at(0).timeMs, entry(3).timeMs);
        QCOMPARE(log.index(9).data(FrameLogModel::TextRole).toString(), entry(12).text);
        log.clear();
        QCOMPARE(log.rowCount(), 0);
        QCOMPARE(log.droppedCount(), quint64(0));
    }

    void batchLargerThanCapacityKeepsNewest()
    {
        FrameLogModel log(nullptr, 5);
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy dropped(&log, &FrameLogModel::droppedCountChanged);
        log.append(batch(0, 2));
        log.append(batch(2, 12));
        QCOMPARE(log.rowCount(), 5);
        QCOMPARE(log.droppedCount(), quint64(9));
        QCOMPARE(log.at(0).timeMs, entry(9).timeMs);
        QCOMPARE(log.at(4).timeMs, entry(13).timeMs);
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.last().at(0).toULongLong(), quint64(9));
    }

    void defaultCapacityIsFiftyThousand()
    {
        FrameLogModel log;
        QCOMPARE(log.capacity(), 50000);
        log.append(batch(0, 50010));
        QCOMPARE(log.rowCount(), 50000);
        QCOMPARE(log.droppedCount(), quint64(10));
    }

    void summaryShowsTimeDirectionEventChannelSize()
    {
        FrameEntry e = entry(1);
        e.size = 120;
        const QString line = FrameLogModel::summary(e);
        QVERIFY2(line.contains(QStringLiteral("in")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("new_message")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("#lobby")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("120 B")), qPrintable(line));
        QCOMPARE(line.left(12),
                 QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d"))
                    .match(line)
                    .hasMatch());
    }

    void filterByChannelEventAndText()
    {
        FrameLogModel log;
        FrameFilterProxy proxy;
        proxy.setSourceModel(&log);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<FrameEntry> b{
            entry(1, S("lobby"), S("new_message")), entry(2, S("private-dev"), S("client-typing")),
            entry(3, S("private-dev"), S("new_message")), entry(4, S("lobby"), S("client-typing"))};
        b[2].text = S("{\"event\":\"new_message\",\"data\":\"Hello World\"}");
        log.append(b);
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setFilterString(S("channel:#private-dev"));
        QCOMPARE(proxy.channelFilter(), S("private-dev"));
        QCOMPARE(proxy.rowCount(), 2);

        proxy.setFilterString(S("channel:private event:new_"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(FrameLogModel::TimeRole).toLongLong(), entry(3).timeMs);

        proxy.setFilterString(S("hello world")); // text, case-insensitive
        QCOMPARE(proxy.textFilter(), S("hello world"));
        QCOMPARE(proxy.rowCount(), 1);

        proxy.setFilterString(S("event:typing"));
        QCOMPARE(proxy.rowCount(), 2);

        // Rows arriving later are filtered too.
        log.append({entry(5, S("lobby"), S("client-typing"))});
        QCOMPARE(proxy.rowCount(), 3);

        proxy.setFilterString({});
        QCOMPARE(proxy.rowCount(), 5);
    }

    void maskerTakesOutSignaturesTokensAndSecrets()
    {
        FrameMasker masker;
        masker.setSecrets({kSecret, kToken, QString()});
        const QString subscribe = S("{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\"app-key:")
            + kSignature + S("\",\"channel\":\"private-dev\"}}");
        const QString masked = masker.mask(subscribe);
        QVERIFY2(!masked.contains(kSignature), qPrintable(masked));
        QVERIFY2(masked.contains(S("app-key:[masked]")), qPrintable(masked)); // the key stays
        QVERIFY(masked.contains(S("private-dev")));

        // Double-encoded data, other key names, a quoted signature in an error text, a header.
        const QString signin = frames::frame(
            S("pusher:signin"),
            frames::json({{S("auth"), S("app-key:") + kSignature},
                          {S("user_data"), S("{\"id\":\"alice\"}")},
                          {S("access_token"), S("abc-not-known-before")}}));
        const QString m2 = masker.mask(signin);
        QVERIFY2(!m2.contains(kSignature) && !m2.contains(S("abc-not-known-before")),
                 qPrintable(m2));
        QVERIFY(m2.contains(S("alice")));
        const QString error
            = S("{\"event\":\"pusher:error\",\"data\":{\"message\":\"Invalid signature: "
                "expected HMAC of 1.2:private-x, but got ")
            + kSignature + S("\"}}");
        QVERIFY(!masker.mask(error).contains(kSignature));
        QVERIFY(
            !masker.mask(S("Authorization: Bearer ") + S("zzz-unknown")).contains(S("zzz-unknown")));
        const QString literal = S("{\"event\":\"client-x\",\"data\":\"my secret is ") + kSecret
            + S(" and ") + kToken + S("\"}");
        const QString m3 = masker.mask(literal);
        QVERIFY(!m3.contains(kSecret) && !m3.contains(kToken));

        // Ordinary frames pass untouched (same text, no reformatting).
        const QString plain = S("{\"event\":\"new_message\",\"channel\":\"lobby\",\"data\":\"{"
                                "\\\"text\\\":\\\"hi\\\"}\"}");
        QCOMPARE(masker.mask(plain), plain);
    }

    void recorderLogsFramesAndMasksAuth()
    {
        ClientRig rig;
        FrameLogModel log;
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FrameRecorder recorder(&log);
        recorder.setSecrets({kSecret, kToken});
        recorder.attach(rig.client->connection());
        QCOMPARE(rig.client->connection()->frameObserver(), &recorder);

        FakeTransport *t = rig.connect(S("1.1"));
        rig.client->subscribe(S("private-dev"));
        QCOMPARE(rig.auth.count(), 1);
        AuthResponse response;
        response.auth = S("KEY:") + kSignature;
        QVERIFY(rig.auth.respond(0, response));
        QVERIFY(t->sentCount(S("pusher:subscribe")) == 1);
        QVERIFY(t->sent.last().contains(kSignature)); // the real frame carries it
        t->serverSend(frames::subscriptionSucceeded(S("private-dev")));
        t->serverSend(frames::frame(
            S("new_message"),
            frames::json({{S("text"), S("token is ") + kToken}, {S("from"), S("bob")}}),
            S("private-dev")));
        t->serverSend(frames::frame(
            S("client-note"), frames::json(QJsonObject{{S("secret"), kSecret}}), S("private-dev")));
        recorder.flush();

        QVERIFY(log.rowCount() >= 6);
        const QString all = everything(log);
        QVERIFY2(!all.contains(kSignature), qPrintable(all));
        QVERIFY2(!all.contains(kToken), qPrintable(all));
        QVERIFY2(!all.contains(kSecret), qPrintable(all));

        // Frames in and out, with their envelope.
        bool sawSubscribeOut = false, sawMessageIn = false, sawAuthRequest = false,
             sawAuthAnswer = false, sawState = false;
        for (int row = 0; row < log.size(); ++row) {
            const FrameEntry &e = log.at(row);
            if (e.kind == FrameEntry::Kind::Out && e.event == S("pusher:subscribe"))
                sawSubscribeOut = e.text.contains(S("KEY:[masked]"));
            if (e.kind == FrameEntry::Kind::In && e.event == S("new_message")) {
                sawMessageIn = e.channel == S("private-dev") && e.size > 0
                    && e.text.contains(S("bob"));
            }
            if (e.kind == FrameEntry::Kind::Auth && e.text.contains(S("requested")))
                sawAuthRequest = e.channel == S("private-dev");
            if (e.kind == FrameEntry::Kind::Auth && e.text.contains(S("authorized")))
                sawAuthAnswer = true;
            if (e.kind == FrameEntry::Kind::State && e.text.contains(S("connected")))
                sawState = true;
        }
        QVERIFY(sawSubscribeOut);
        QVERIFY(sawMessageIn);
        QVERIFY(sawAuthRequest);
        QVERIFY(sawAuthAnswer);
        QVERIFY(sawState);
        QCOMPARE(recorder.rates().channels().value(S("private-dev")).in, quint64(3));
        QCOMPARE(recorder.rates().channels().value(S("private-dev")).out, quint64(1));
    }

    void textStoreKeepsTextAcrossChunksAndReusesThem()
    {
        FrameTextStore store;
        std::vector<std::pair<FrameTextStore::Ref, QString>> kept;
        // Non-ASCII, empty, and one text bigger than a chunk, among thousands of ordinary ones.
        const QString big = QString(FrameTextStore::ChunkBytes / 2 + 7, u'€'); // 3 bytes each
        for (int i = 0; i < 20000; ++i) {
            const QString text = i == 5000 ? big
                : i == 6000                ? QString()
                            : S("{\"n\":%1,\"t\":\"é😀 %2\"}").arg(i).arg(QString(i % 97, u'x'));
            kept.emplace_back(store.append(text), text);
        }
        for (const auto &[ref, text] : kept) {
            QCOMPARE(store.text(ref), text);
            QCOMPARE(qsizetype(ref.length), text.toUtf8().size());
        }
        // Released oldest first; what is still kept reads back, what went reads as nothing.
        const auto &middle = kept[12000];
        store.releaseBefore(middle.first.offset);
        for (size_t i = 12000; i < kept.size(); ++i)
            QCOMPARE(store.text(kept[i].first), kept[i].second);
        QVERIFY(store.text(kept[0].first).isEmpty());
        // A log that keeps only its newest texts holds a bounded number of chunks however long it
        // runs (released chunks are filled again).
        FrameTextStore ring;
        std::deque<FrameTextStore::Ref> window;
        const QString frame(300, u'a');
        for (int i = 0; i < 200000; ++i) {
            window.push_back(ring.append(frame));
            if (window.size() > 5000) {
                window.pop_front();
                ring.releaseBefore(window.front().offset);
            }
        }
        QCOMPARE(ring.text(window.back()), frame);
        QVERIFY2(ring.capacityBytes() <= 5 * FrameTextStore::ChunkBytes,
                 qPrintable(QString::number(ring.capacityBytes())));
    }

    void sizeCountsUtf8Bytes()
    {
        ClientRig rig;
        FrameLogModel log;
        FrameRecorder recorder(&log);
        recorder.attach(rig.client->connection());
        FakeTransport *t = rig.connect();
        const QString frame = S("{\"event\":\"x\",\"data\":\"é€😀\"}");
        t->serverSend(frame);
        recorder.flush();
        QCOMPARE(log.at(log.size() - 1).size, int(frame.toUtf8().size()));
    }

    void pauseKeepsNewFramesOut()
    {
        ClientRig rig;
        FrameLogModel log;
        FrameRecorder recorder(&log);
        recorder.attach(rig.client->connection());
        FakeTransport *t = rig.connect();
        recorder.flush();
        const int before = log.rowCount();
        QSignalSpy paused(&recorder, &FrameRecorder::pausedChanged);
        recorder.setPaused(true);
        t->serverSend(frames::frame(S("a"), S("1")));
        recorder.flush();
        QCOMPARE(log.rowCount(), before);
        QCOMPARE(recorder.rates().totalIn(), quint64(2)); // handshake + a: still counted
        recorder.setPaused(false);
        t->serverSend(frames::frame(S("b"), S("2")));
        recorder.flush();
        QCOMPARE(log.rowCount(), before + 1);
        QCOMPARE(log.at(log.size() - 1).event, S("b"));
        QCOMPARE(paused.count(), 2);
    }

    void batchesArriveOnATimer()
    {
        ClientRig rig;
        FrameLogModel log;
        FrameRecorder recorder(&log);
        recorder.setFlushInterval(10);
        recorder.attach(rig.client->connection());
        FakeTransport *t = rig.connect();
        recorder.flush();
        const int before = log.rowCount();
        QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 100; ++i)
            t->serverSend(frames::frame(S("e"), QString::number(i)));
        QCOMPARE(log.rowCount(), before); // nothing inserted on the frame path
        QCOMPARE(recorder.pendingCount(), 100);
        QTRY_COMPARE(log.rowCount(), before + 100);
        QCOMPARE(inserted.count(), 1); // one insert for the whole burst
    }

    void detachesWhenDestroyedOrReattached()
    {
        ClientRig rig;
        FrameLogModel log;
        auto recorder = std::make_unique<FrameRecorder>(&log);
        recorder->attach(rig.client->connection());
        QCOMPARE(rig.client->connection()->frameObserver(), recorder.get());
        recorder->attach(nullptr);
        QCOMPARE(rig.client->connection()->frameObserver(), nullptr);
        recorder->attach(rig.client->connection());
        recorder.reset();
        QCOMPARE(rig.client->connection()->frameObserver(), nullptr);
        rig.connect(); // frames flow with nobody attached
    }

    void exportWritesJsonLines()
    {
        FrameEntry e = entry(7, S("lobby"), S("new_message"));
        e.text = S("{\"event\":\"new_message\",\"channel\":\"lobby\",\"data\":\"{\\\"text\\\":"
                   "\\\"hi\\\"}\"}");
        e.size = 66;
        const QByteArray line = FrameExport::jsonLine(e);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(S("direction")).toString(), S("in"));
        QCOMPARE(o.value(S("event")).toString(), S("new_message"));
        QCOMPARE(o.value(S("channel")).toString(), S("lobby"));
        QCOMPARE(o.value(S("size")).toInt(), 66);
        QCOMPARE(o.value(S("time")).toString(), S("2023-11-14T22:13:20.007Z"));
        QCOMPARE(o.value(S("frame")).toObject().value(S("event")).toString(), S("new_message"));

        const QString pretty = FrameExport::prettyJson(e.text);
        QVERIFY2(pretty.contains(S("\"text\": \"hi\"")), qPrintable(pretty)); // data decoded
        QVERIFY(pretty.contains(u'\n'));
        QCOMPARE(FrameExport::prettyJson(S("not json")), S("not json"));
    }

    void draftChecks_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("data");
        QTest::addColumn<bool>("clientEvent");
        QTest::addColumn<QString>("error"); // a word of the first error, empty when ok
        QTest::newRow("ok") << S("lobby") << S("greet") << S("{\"a\":1}") << false << QString();
        QTest::newRow("scalar data") << S("lobby") << S("greet") << S("42") << false << QString();
        QTest::newRow("string data")
            << S("lobby") << S("greet") << S("\"hi\"") << false << QString();
        QTest::newRow("bad json") << S("lobby") << S("greet") << S("{\"a\":") << false
                                  << S("JSON syntax");
        QTest::newRow("two values")
            << S("lobby") << S("greet") << S("1] , [2") << false << S("JSON syntax");
        QTest::newRow("empty data") << S("lobby") << S("greet") << S("  ") << false << S("empty");
        QTest::newRow("bad channel")
            << S("lob by") << S("greet") << S("{}") << false << S("contains");
        QTest::newRow("no channel") << QString() << S("greet") << S("{}") << false << S("channel");
        QTest::newRow("no event") << S("lobby") << QString() << S("{}") << false << S("event name");
        QTest::newRow("pusher event")
            << S("lobby") << S("pusher:ping") << S("{}") << false << S("reserved");
        QTest::newRow("client on public")
            << S("lobby") << S("client-x") << S("{}") << true << S("private");
        QTest::newRow("client prefix")
            << S("private-a") << S("x") << S("{}") << true << S("client-");
        QTest::newRow("client ok")
            << S("presence-a") << S("client-x") << S("{}") << true << QString();
        QTest::newRow("too big") << S("lobby") << S("greet")
                                 << (S("\"") + QString(10239, u'x') + S("\"")) << false
                                 << S("10 KB");
        QTest::newRow("at limit") << S("lobby") << S("greet")
                                  << (S("\"") + QString(10238, u'x') + S("\"")) << false
                                  << QString();
    }

    void draftChecks()
    {
        QFETCH(QString, channel);
        QFETCH(QString, event);
        QFETCH(QString, data);
        QFETCH(bool, clientEvent);
        QFETCH(QString, error);
        EventDraft d{channel, event, data,
                     clientEvent ? EventDraft::SendAs::ClientEvent : EventDraft::SendAs::RestApi};
        const EventDraft::Check c = d.check();
        QCOMPARE(c.dataBytes, int(data.toUtf8().size()));
        if (error.isEmpty()) {
            QVERIFY2(c.ok(), qPrintable(c.firstError()));
        } else {
            QVERIFY(!c.ok());
            QVERIFY2(c.firstError().contains(error, Qt::CaseInsensitive),
                     qPrintable(c.firstError()));
        }
    }

    void jsonErrorSaysWhere()
    {
        const QString e = EventDraft::jsonError(S("{\"a\": tru}"));
        QVERIFY2(e.startsWith(S("JSON syntax: ")), qPrintable(e));
        QVERIFY2(e.contains(S("at character")), qPrintable(e));
    }

    void ratesPerSecond()
    {
        RateTracker rates(5);
        const qint64 t0 = 1000000;
        rates.record(t0, true, S("a"));
        rates.record(t0 + 10, true, S("a"));
        rates.record(t0 + 1500, false, S("b"));
        rates.record(t0 + 3100, true, S("b"));
        QCOMPARE(rates.ratesIn(t0 + 3100), (std::vector<int>{0, 2, 0, 0, 1}));
        QCOMPARE(rates.ratesOut(t0 + 3100), (std::vector<int>{0, 0, 1, 0, 0}));
        // Old seconds fall out of the window, stale buckets read 0.
        QCOMPARE(rates.ratesIn(t0 + 7000), (std::vector<int>{1, 0, 0, 0, 0}));
        QCOMPARE(rates.ratesIn(t0 + 9000), (std::vector<int>{0, 0, 0, 0, 0}));
        QCOMPARE(rates.channels().value(S("a")).in, quint64(2));
        QCOMPARE(rates.channels().value(S("b")).out, quint64(1));
        QCOMPARE(rates.totalIn(), quint64(3));
        rates.clear();
        QCOMPARE(rates.totalIn(), quint64(0));
        QVERIFY(rates.channels().isEmpty());
    }

    void sentHistory()
    {
        SentEventModel history;
        QAbstractItemModelTester tester(&history,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.add(1, 0, {S("lobby"), S("greet"), S("{}"), EventDraft::SendAs::RestApi});
        history.add(2, 0, {S("private-a"), S("client-x"), S("1"), EventDraft::SendAs::ClientEvent});
        history.setResult(2, false, S("Refused: nope"));
        history.setResult(1, true, S("HTTP 200: {}"));
        QCOMPARE(history.rowCount(), 2);
        QVERIFY(history.index(0).data().toString().contains(S("sent")));
        QVERIFY(history.index(1).data().toString().contains(S("failed")));
        QCOMPARE(history.index(1).data(SentEventModel::AnswerRole).toString(), S("Refused: nope"));
        for (int i = 3; i < 3 + SentEventModel::MaxEntries; ++i)
            history.add(i, 0, {S("lobby"), S("e"), S("{}"), EventDraft::SendAs::RestApi});
        QCOMPARE(history.rowCount(), SentEventModel::MaxEntries);
        QCOMPARE(history.at(0).id, 3);
    }
};

QTEST_GUILESS_MAIN(TestFrameLog)
#include "tst_framelog.moc"
