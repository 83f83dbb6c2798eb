// The Developer tools' natter-server side: the server-wide view (ServerFeed puts the webhooks
// natter-server republishes on its debug channel into the Debug console as "server" lines, on
// the session's own connection with a fake socket) and "Send as natter-server" (EventSender
// through NatterServerApi's POST /debug/events, against FakeHttpServer).
#include "ClientRig.h"
#include "FakeHttpServer.h"
#include "Frames.h"

#include <chat/NatterServerApi.h>
#include <devtools/EventDraft.h>
#include <devtools/EventSender.h>
#include <devtools/FrameLogModel.h>
#include <devtools/FrameRecorder.h>
#include <devtools/ServerFeed.h>
#include <pusher/AuthResponse.h>
#include <pusher/Connection.h>

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace natter::devtools;
using natter::chat::NatterServerApi;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const QString kDebugChannel = S("private-natter-debug");

QString hook(const char *name, const char *channel, const char *user = nullptr)
{
    QJsonObject o{{S("name"), S(name)}, {S("channel"), S(channel)}, {S("time_ms"), 1234}};
    if (user)
        o.insert(S("user_id"), S(user));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QList<FrameEntry> serverEntries(const FrameLogModel &log)
{
    QList<FrameEntry> out;
    for (int row = 0; row < log.size(); ++row) {
        if (log.at(row).kind == FrameEntry::Kind::Server)
            out.append(log.at(row));
    }
    return out;
}

} // namespace

class TestDevToolsServer : public QObject
{
    Q_OBJECT

private slots:
    void serverFeedShowsRepublishedWebhooks()
    {
        ClientRig rig;
        FrameLogModel log;
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FrameRecorder recorder(&log);
        recorder.attach(rig.client->connection());
        ServerFeed feed(&recorder);
        FakeTransport *t = rig.connect(S("1.1"));

        feed.start(rig.client.get(), kDebugChannel);
        QVERIFY(feed.isRunning());
        QCOMPARE(rig.auth.count(), 1);
        QVERIFY(rig.auth.respondLast());
        QCOMPARE(t->sentCount(S("pusher:subscribe")), 1);
        t->serverSend(frames::subscriptionSucceeded(kDebugChannel));
        t->serverSend(frames::frame(S("member_added"), hook("member_added", "presence-ops", "u7"),
                                    kDebugChannel));
        t->serverSend(frames::frame(S("channel_vacated"), hook("channel_vacated", "presence-ops"),
                                    kDebugChannel));
        // An ordinary channel's event is a local frame, not a server line.
        t->serverSend(frames::frame(S("new_message"), S("{}"), S("presence-ops")));
        recorder.flush();

        const QList<FrameEntry> server = serverEntries(log);
        QCOMPARE(server.size(), 2);
        QCOMPARE(server[0].event, S("member_added"));
        QCOMPARE(server[0].channel, S("presence-ops")); // the channel it is about
        QVERIFY(server[0].text.contains(S("u7")));
        QCOMPARE(server[1].event, S("channel_vacated"));
        // Marked as server-side in the list, the model's roles and the export.
        int row = -1;
        for (int r = 0; r < log.size(); ++r) {
            if (log.at(r).kind == FrameEntry::Kind::Server) {
                row = r;
                break;
            }
        }
        QVERIFY(row >= 0);
        const QModelIndex index = log.index(row);
        QCOMPARE(index.data(FrameLogModel::KindNameRole).toString(), S("server"));
        const QString line = index.data().toString();
        QVERIFY2(line.contains(S("server")) && line.contains(S("member_added"))
                     && line.contains(S("#presence-ops")),
                 qPrintable(line));

        // Stopped: unsubscribed, and later events (if any slip in) are not logged.
        feed.stop();
        QVERIFY(!feed.isRunning());
        QCOMPARE(t->sentCount(S("pusher:unsubscribe")), 1);
        t->serverSend(frames::frame(S("member_added"), hook("member_added", "presence-x", "u8"),
                                    kDebugChannel));
        recorder.flush();
        QCOMPARE(serverEntries(log).size(), 2);
    }

    void serverFeedRefusedIsSaid()
    {
        ClientRig rig;
        FrameLogModel log;
        FrameRecorder recorder(&log);
        recorder.attach(rig.client->connection());
        ServerFeed feed(&recorder);
        rig.connect(S("1.1"));
        feed.start(rig.client.get(), kDebugChannel);
        QCOMPARE(rig.auth.count(), 1);
        natter::pusher::AuthError error;
        error.kind = natter::pusher::AuthError::Kind::Refused;
        error.httpStatus = 403;
        error.message = S("Only the server's debug users may subscribe");
        QVERIFY(rig.auth.reject(0, error));
        QTRY_VERIFY(recorder.pendingCount() > 0);
        recorder.flush();
        bool said = false;
        for (int row = 0; row < log.size(); ++row)
            said = said
                || (log.at(row).kind == FrameEntry::Kind::Error
                    && log.at(row).text.contains(S("server-wide view refused")));
        QVERIFY(said);
        QVERIFY(serverEntries(log).isEmpty());
    }

    void sendAsNatterServerPostsToDebugEvents()
    {
        FakeHttpServer http;
        http.setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(R"({"ok":true,"pusher_status":200})");
        });
        QNetworkAccessManager network;
        NatterServerApi api(&network, http.url());
        api.setToken(S("tok-debug-1"));
        EventSender sender(&network);
        QSignalSpy finished(&sender, &EventSender::finished);

        // Without the server's API there is nothing to send through.
        const int none = sender.send(
            {S("lobby"), S("greet"), S("{}"), EventDraft::SendAs::NatterServer});
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toInt(), none);
        QCOMPARE(finished[0][1].toBool(), false);
        QVERIFY(finished[0][2].toString().contains(S("debug users")));
        QCOMPARE(http.requests().size(), 0);

        sender.setServerApi(&api);
        const int id = sender.send(
            {S("presence-lobby"), S("greet"), S("{\"n\":1}"), EventDraft::SendAs::NatterServer});
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished[1][0].toInt(), id);
        QVERIFY2(finished[1][1].toBool(), qPrintable(finished[1][2].toString()));
        QCOMPARE(http.requests().size(), 1);
        const FakeHttpServer::Request &r = http.requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/debug/events"));
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer tok-debug-1"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(S("channel")).toString(), S("presence-lobby"));
        QCOMPARE(body.value(S("event")).toString(), S("greet"));
        QCOMPARE(body.value(S("data")).toString(), S("{\"n\":1}")); // a string, as Pusher takes it
        QVERIFY(!body.contains(S("socket_id")));

        // The drafts' own checks come first: nothing invalid reaches the server.
        sender.send({S("presence-lobby"), S("greet"), S("{nope"), EventDraft::SendAs::NatterServer});
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(finished[2][1].toBool(), false);
        QVERIFY(finished[2][2].toString().contains(S("JSON")));
        QCOMPARE(http.requests().size(), 1);

        // The server's refusal is shown with its reason.
        http.setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(
                R"({"error":"You are not one of the debug users of this server.","code":"forbidden"})",
                403);
        });
        sender.send({S("lobby"), S("greet"), S("{}"), EventDraft::SendAs::NatterServer});
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(finished[3][1].toBool(), false);
        const QString refused = finished[3][2].toString();
        QVERIFY2(refused.contains(S("403")) && refused.contains(S("forbidden"))
                     && refused.contains(S("debug users")),
                 qPrintable(refused));
    }
};

QTEST_MAIN(TestDevToolsServer)
#include "tst_devtoolsserver.moc"
