// Search in natter-server mode against the real natter-server and a real soketi: the client's
// searchMessages() against GET /rooms/R/messages/search, and the window's "Search history":
// results listed, and choosing one far back loads the history up to it and shows it.
#include "ServerApiClient.h"
#include "ServerRig.h"

#include "ChatPage.h"
#include "MessageFindBar.h"
#include "MessageView.h"

#include "chat/ChatController.h"
#include "chat/MessageFinder.h"
#include "chat/MessageListModel.h"
#include "chat/NatterServerApi.h"
#include "chat/Outbox.h"
#include "chat/Room.h"
#include "chat/ServerMessageRoute.h"

#include <pusher/HttpAuthorizer.h>
#include <pusher/SystemClock.h>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using namespace natter::ui;

namespace {

constexpr int kWait = 20000;

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// One Natter user logged in through natter-server.
struct User
{
    User(QNetworkAccessManager *network, const QUrl &server, const QString &dirPath,
         const QString &name)
        : api(network, server)
        , route(&api)
    {
        bool done = false;
        NatterServerApi::Failure failure;
        api.createSession(
            name, {}, [&](const NatterServerApi::Failure &f, const NatterServerApi::Session &s) {
                failure = f;
                session = s;
                done = true;
            });
        if (!QTest::qWaitFor([&] { return done; }, kWait) || !failure.ok()) {
            error = S("session: ") + failure.message;
            return;
        }
        done = false;
        api.fetchConfig([&](const NatterServerApi::Failure &f, const NatterServerApi::Config &c) {
            failure = f;
            config = c;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, kWait) || !failure.ok()) {
            error = S("config: ") + failure.message;
            return;
        }
        natter::pusher::HttpAuthorizerOptions options;
        options.channelEndpoint = config.authEndpoint;
        options.headersProvider = [this] {
            return QList<QPair<QByteArray, QByteArray>>{
                {QByteArrayLiteral("Authorization"), api.authorizationHeader()}};
        };
        auth = std::make_unique<natter::pusher::HttpAuthorizer>(network, options);
        outbox = std::make_unique<Outbox>(dirPath + u'/' + name + S(".jsonl"));
        chat = std::make_unique<ChatController>(outbox.get());
        chat->setRoute(&route);
    }

    Room *login()
    {
        Room *room = chat->joinRoom(S("lobby"));
        QSignalSpy loggedIn(chat.get(), &ChatController::loggedIn);
        chat->start(config.connectionOptions(), auth.get(), session.userId, session.userName,
                    &clock);
        if (!loggedIn.wait(kWait))
            return nullptr;
        if (!QTest::qWaitFor([room] { return !room->isFetchingHistory(); }, kWait))
            return nullptr;
        return room;
    }

    NatterServerApi api;
    ServerMessageRoute route;
    NatterServerApi::Session session;
    NatterServerApi::Config config;
    natter::pusher::SystemClock clock;
    std::unique_ptr<natter::pusher::HttpAuthorizer> auth;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat; // after what it uses
    QString error;
};

} // namespace

class TestHistorySearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
        m_server = m_rig.startServer({S("--rate-limit"), S("1000/1")});
        QVERIFY2(m_server, qPrintable(m_rig.error()));
        // 130 messages by bob before alice opens the room: she gets the newest 50.
        ServerApiClient bob(m_server->url());
        const QString token = bob.login(S("bob"));
        QVERIFY(!token.isEmpty());
        for (int i = 0; i < 130; ++i) {
            const QString text = i == 3 ? S("the old needle in the haystack")
                : i == 125              ? S("a recent Needle")
                                        : S("filler %1").arg(i);
            const auto r = bob.postJson(S("/rooms/lobby/messages"),
                                        {{S("text"), text}, {S("client_id"), S("b%1").arg(i)}},
                                        token);
            QVERIFY2(r.status == 201, qPrintable(r.describe()));
        }
    }

    void searchThroughTheApi()
    {
        QNetworkAccessManager network;
        User alice(&network, m_server->url(), m_dir.path(), S("alice"));
        QVERIFY2(alice.error.isEmpty(), qPrintable(alice.error));
        bool done = false;
        NatterServerApi::Failure failure;
        NatterServerApi::SearchPage page;
        alice.api.searchMessages(
            S("lobby"), S("needle \"&+#"), 10, 0,
            [&](const NatterServerApi::Failure &f, const NatterServerApi::SearchPage &p) {
                failure = f;
                page = p;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, kWait));
        QVERIFY2(failure.ok(), qPrintable(failure.message));
        QCOMPARE(page.hits.size(), 2);
        QCOMPARE(page.hasMore, false);
        QCOMPARE(page.hits.at(0).message.text, S("a recent Needle"));
        QCOMPARE(page.hits.at(1).message.text, S("the old needle in the haystack"));
        QVERIFY(page.hits.at(0).message.serverId > page.hits.at(1).message.serverId);
        QCOMPARE(page.hits.at(1).message.senderName, S("bob"));
        QCOMPARE(page.hits.at(1).snippet, S("the old needle in the haystack"));
        QCOMPARE(page.hits.at(1).message.id, S("b3")); // the client_id, as in the room

        done = false;
        alice.api.setToken(S("wrong"));
        alice.api.searchMessages(
            S("lobby"), S("needle"), 10, 0,
            [&](const NatterServerApi::Failure &f, const NatterServerApi::SearchPage &) {
                failure = f;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, kWait));
        QCOMPARE(failure.error, NatterServerApi::Error::Unauthorized);
    }

    void windowJumpsToAnOldResult()
    {
        QNetworkAccessManager network;
        User alice(&network, m_server->url(), m_dir.path(), S("carol"));
        QVERIFY2(alice.error.isEmpty(), qPrintable(alice.error));
        Room *room = alice.login();
        QVERIFY(room);
        QCOMPARE(room->messages()->rowCount(), ServerMessageRoute::PageSize);
        QVERIFY(room->hasOlder());

        ChatPage page;
        page.resize(900, 600);
        page.setController(alice.chat.get());
        page.setServerApi(&alice.api);
        page.showRoom(S("lobby"));
        page.show();
        MessageFindBar *bar = page.findBar();
        bar->open();
        QVERIFY(bar->historyButton()->isVisible());
        QTest::keyClicks(bar->field(), S("needle"));
        QCOMPARE(bar->countLabel()->text(), S("1 of 1")); // only the loaded one
        QTest::keyClick(bar->field(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(bar->historyResults()->count(), 2, kWait);
        QVERIFY(bar->historyResults()->isVisible());
        QVERIFY(bar->historyResults()->item(1)->text().contains(S("the old needle")));

        QSignalSpy jumped(bar, &MessageFindBar::jumpedTo);
        emit bar->historyResults()->itemActivated(bar->historyResults()->item(1));
        QVERIFY(jumped.wait(kWait));
        QCOMPARE(jumped.first().at(0).toString(), S("b3"));
        // The history is loaded back to it, without a gap.
        MessageListModel *messages = room->messages();
        QVERIFY(messages->rowOf(S("b3")) >= 0);
        for (int row = 1; row < messages->rowCount(); ++row)
            QCOMPARE(messages->at(row).id,
                     S("b%1").arg(messages->at(row - 1).id.mid(1).toInt() + 1));
        QCOMPARE(messages->at(messages->rowCount() - 1).id, S("b129"));
        QCOMPARE(bar->countLabel()->text(), S("1 of 2"));
        QApplication::processEvents();
        MessageView *view = page.messageView();
        const int row = messages->rowOf(S("b3")) - view->window()->firstSourceRow();
        QVERIFY(row >= 0);
        QCOMPARE(view->currentIndex().row(), row);
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));
        QVERIFY(!view->isFollowing());
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

private:
    QTemporaryDir m_dir;
    ServerRig m_rig;
    std::unique_ptr<NatterServerProcess> m_server;
};

QTEST_MAIN(TestHistorySearch)
#include "tst_historysearch.moc"
