// The Developer tools window (offscreen) on a logged-in MainWindow (FakeClock + FakeNetwork):
// Ctrl+Shift+D opens it, frames of the session show in "Frames" and filter, nothing secret
// reaches the list, the details, the clipboard or the export, the recorder lets go of the
// connection when the window closes, and the Event creator validates and sends.
#include "FakeClock.h"
#include "FakeHttpServer.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "DevToolsChannels.h"
#include "DevToolsConsole.h"
#include "DevToolsEventCreator.h"
#include "DevToolsRates.h"
#include "DevToolsWindow.h"
#include "LoginPage.h"
#include "MainWindow.h"
#include "ProfileSecrets.h"
#include "RateSparkline.h"
#include "SessionManager.h"

#include <chat/ChatController.h>
#include <chat/ProfileStore.h>
#include <desktop/MemoryCredentialStore.h>
#include <devtools/FrameFilterProxy.h>
#include <devtools/FrameLogModel.h>
#include <devtools/FrameRecorder.h>
#include <pusher/Connection.h>

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using natter::chat::ProfileStore;
using natter::chat::ServerProfile;
using natter::devtools::FrameLogModel;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const QString kSecret = S("app-secret-7f3a9c");

struct Rig
{
    // `port`: where the profile's REST API is (the WebSocket is faked whatever it says).
    explicit Rig(quint16 port = 6001)
    {
        settings = std::make_unique<QSettings>(dir.filePath(S("natter.conf")), QSettings::IniFormat);
        profiles = std::make_unique<ProfileStore>(settings.get());
        secrets = std::make_unique<ProfileSecrets>(&store, settings.get());
        sessions = std::make_unique<SessionManager>(profiles.get(), secrets.get());
        sessions->setOutboxDirectory(dir.path());
        sessions->setTransport(&clock, net.factory());
        ServerProfile p;
        p.name = S("local");
        p.key = S("app-key");
        p.host = S("127.0.0.1");
        p.port = port;
        p.tls = false;
        p.authMode = ServerProfile::AuthMode::LocalSigning;
        sessions->setAdHocProfile(p, kSecret);
        window = std::make_unique<MainWindow>(sessions.get(), profiles.get(), secrets.get(),
                                              settings.get());
        window->show();
        window->activateWindow();
        // Window shortcuts need the active window.
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the main window did not become active");
    }
    ~Rig()
    {
        window.reset();
        sessions.reset();
    }
    void login(const QString &user)
    {
        window->loginPage()->nameField()->clear();
        QTest::keyClicks(window->loginPage()->nameField(), user);
        QTest::mouseClick(window->loginPage()->loginButton(), Qt::LeftButton);
        net.last()->accept(S("1.1"));
        FakeClock::pumpEvents();
        t()->serverSend(
            frames::presenceSucceeded(S("presence-lobby"), QJsonArray{user},
                                      QJsonObject{{user, QJsonObject{{S("name"), user}}}}));
        FakeClock::pumpEvents();
    }
    DevToolsWindow *openTools()
    {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the window is not active: the shortcut may not reach it");
        QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        return window->devTools();
    }
    FakeTransport *t() const { return net.last(); }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    natter::desktop::MemoryCredentialStore store;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ProfileStore> profiles;
    std::unique_ptr<ProfileSecrets> secrets;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<MainWindow> window;
};

QStringList shownLines(QAbstractItemView *view)
{
    QStringList lines;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        lines.append(view->model()->index(row, 0).data().toString());
    return lines;
}

// The signature in the subscribe frame natter really sent for presence-lobby.
QString sentSignature(const FakeNetwork &net)
{
    for (const QJsonObject &o : net.allSentEvents(S("pusher:subscribe"))) {
        const QString auth = o.value(S("data")).toObject().value(S("auth")).toString();
        if (auth.contains(u':'))
            return auth.section(u':', 1);
    }
    return {};
}

} // namespace

class TestDevToolsWindow : public QObject
{
    Q_OBJECT

private slots:
    void ctrlShiftDOpensTheWindow()
    {
        Rig rig;
        QVERIFY(!rig.window->devTools());
        QAction *action = rig.window->findChild<QAction *>(S("developerToolsAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), S("Developer tools"));
        QCOMPARE(action->shortcut(), QKeySequence(S("Ctrl+Shift+D")));
        DevToolsWindow *tools = rig.openTools();
        QVERIFY(tools);
        QVERIFY(tools->isVisible());
        QVERIFY(tools->isWindow());
        QCOMPARE(tools->windowTitle(), S("Developer tools"));
    }

    void everyControlHasAnAccessibleName()
    {
        Rig rig;
        rig.login(S("alice"));
        DevToolsWindow *tools = rig.openTools();
        for (const char *name :
             {"Frames", "Filter", "Channel", "Event name", "Event data", "Send as", "Send event",
              "Pause", "Export", "Copy", "Frame details", "Subscribed channels",
              "Events per second", "Per-channel counts", "Sent events", "Answer"}) {
            bool found = false;
            for (QWidget *w : tools->findChildren<QWidget *>())
                found = found || w->accessibleName() == S(name);
            QVERIFY2(found, name);
        }
        for (QWidget *w : tools->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w)
                || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractButton *>(w)
                || (qobject_cast<QAbstractItemView *>(w) && !w->inherits("QHeaderView")
                    && !w->inherits("QComboBoxListView"));
            if (!control || w->inherits("QLineEditIconButton")
                || w->parentWidget()->inherits("QLineEdit"))
                continue;
            const auto *button = qobject_cast<QAbstractButton *>(w);
            QVERIFY2(!w->accessibleName().isEmpty() || (button && !button->text().isEmpty()),
                     w->metaObject()->className());
        }
    }

    void framesArriveFilterAndShowPretty()
    {
        Rig rig;
        rig.login(S("alice"));
        DevToolsWindow *tools = rig.openTools();
        QCOMPARE(rig.window->devTools()->session()->controller()->connection()->frameObserver(),
                 tools->recorder());
        rig.t()->serverSend(frames::frame(
            S("client-message"),
            frames::json(QJsonObject{{S("id"), S("m1")}, {S("text"), S("hello from bob")}}),
            S("presence-lobby"), S("bob")));
        rig.t()->serverSend(frames::frame(S("other"), S("{}"), S("somewhere")));
        tools->recorder()->flush();
        DevToolsConsole *console = tools->console();
        QListView *list = console->frames();
        const QStringList lines = shownLines(list);
        QVERIFY2(lines.filter(S("client-message")).size() == 1, qPrintable(lines.join(u'\n')));
        QVERIFY(
            lines.filter(QRegularExpression(S("in .*client-message .*#presence-lobby .*\\d+ B")))
                .size()
            == 1);

        QTest::keyClicks(console->filterField(), S("channel:presence-lobby event:client"));
        QCOMPARE(list->model()->rowCount(), 1);
        list->setCurrentIndex(list->model()->index(0, 0));
        const QString pretty = console->details()->toPlainText();
        QVERIFY2(pretty.contains(S("\"text\": \"hello from bob\"")), qPrintable(pretty));
        console->filterField()->clear();
        QVERIFY(list->model()->rowCount() > 2);

        // Pause: nothing new enters.
        QTest::mouseClick(console->pauseButton(), Qt::LeftButton);
        const int before = tools->log()->rowCount();
        rig.t()->serverSend(frames::frame(S("late"), S("{}"), S("presence-lobby")));
        tools->recorder()->flush();
        QCOMPARE(tools->log()->rowCount(), before);
        QCOMPARE(console->pauseButton()->text(), S("Resume"));
        QTest::mouseClick(console->pauseButton(), Qt::LeftButton);
        rig.t()->serverSend(frames::frame(S("later"), S("{}"), S("presence-lobby")));
        tools->recorder()->flush();
        QCOMPARE(tools->log()->rowCount(), before + 1);
    }

    void noSecretInListClipboardOrExport()
    {
        Rig rig;
        DevToolsWindow *tools = rig.openTools(); // before login: the subscribe frames are logged
        rig.login(S("alice"));
        const QString signature = sentSignature(rig.net);
        QVERIFY(signature.size() == 64);
        const QString token = S("tok-55aa66bb77cc");
        rig.t()->serverSend(
            frames::frame(S("client-note"),
                          frames::json(QJsonObject{{S("note"), S("the secret is ") + kSecret},
                                                   {S("access_token"), token}}),
                          S("presence-lobby"), S("bob")));
        tools->recorder()->flush();
        DevToolsConsole *console = tools->console();
        QVERIFY(tools->log()->rowCount() > 4);

        QString shown;
        for (int row = 0; row < tools->log()->rowCount(); ++row) {
            const QModelIndex i = tools->log()->index(row);
            shown += i.data().toString() + i.data(Qt::ToolTipRole).toString()
                + i.data(FrameLogModel::TextRole).toString();
            console->frames()->setCurrentIndex(console->frames()->model()->index(row, 0));
            shown += console->details()->toPlainText();
        }
        QVERIFY2(shown.contains(S("pusher:subscribe")), qPrintable(shown));
        QVERIFY2(shown.contains(S("app-key:[masked]")), qPrintable(shown));

        console->frames()->selectAll();
        console->copySelection();
        const QString clip = QGuiApplication::clipboard()->text();
        QVERIFY(clip.count(u'\n') == tools->log()->rowCount());

        const QString path = rig.dir.filePath(S("frames.jsonl"));
        QCOMPARE(console->exportTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString exported = QString::fromUtf8(file.readAll());
        // Owner, group and others (the 0x0700 "user" bits mirror whoever runs the test).
        QCOMPARE(file.permissions() & QFile::Permissions(0x7077),
                 QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(exported.count(u'\n'), tools->log()->rowCount());

        for (const QString &text : {shown, clip, exported}) {
            QVERIFY(!text.contains(signature));
            QVERIFY(!text.contains(kSecret));
            QVERIFY(!text.contains(token));
        }
    }

    void closingLetsGoOfTheConnection()
    {
        Rig rig;
        rig.login(S("alice"));
        DevToolsWindow *tools = rig.openTools();
        natter::pusher::Connection *connection = tools->session()->controller()->connection();
        QCOMPARE(connection->frameObserver(), tools->recorder());
        tools->close();
        QCOMPARE(connection->frameObserver(), nullptr);
        rig.openTools();
        QCOMPARE(connection->frameObserver(), tools->recorder());
        rig.sessions->logout();
        FakeClock::pumpEvents();
        QCOMPARE(tools->recorder()->connection(), nullptr);
    }

    void eventCreatorValidatesAsYouType()
    {
        Rig rig;
        rig.login(S("alice"));
        DevToolsWindow *tools = rig.openTools();
        DevToolsEventCreator *creator = tools->eventCreator();
        // The profile has the app secret: REST API first.
        QVERIFY(creator->restButton()->isChecked());
        QCOMPARE(creator->sendAs()->accessibleName(), S("Send as"));
        creator->appIdField()->setText(S("app-id"));
        creator->channelField()->setText(S("lobby"));
        creator->eventField()->setText(S("greeting"));
        creator->dataField()->setPlainText(S("{\"text\": \"hi\""));
        QVERIFY(!creator->sendButton()->isEnabled());
        QVERIFY2(creator->validation()->text().contains(S("JSON syntax")),
                 qPrintable(creator->validation()->text()));
        QVERIFY(!creator->send());
        QVERIFY(creator->answer()->toPlainText().contains(S("JSON syntax")));
        creator->dataField()->setPlainText(S("{\"text\": \"hi\"}"));
        QVERIFY2(creator->sendButton()->isEnabled(), qPrintable(creator->validation()->text()));
        QVERIFY(creator->validation()->text().contains(S("14 / 10,240 bytes")));
        creator->dataField()->setPlainText(S("\"") + QString(10300, u'x') + S("\""));
        QVERIFY(creator->validation()->text().contains(S("10 KB")));
        QVERIFY(!creator->sendButton()->isEnabled());
        creator->channelField()->setText(S("bad channel"));
        QVERIFY(creator->validation()->text().contains(S("channel name contains")));
        QCOMPARE(creator->validation()->textFormat(), Qt::PlainText);
    }

    void eventCreatorSendsClientEventAndKeepsHistory()
    {
        Rig rig;
        rig.login(S("alice"));
        DevToolsWindow *tools = rig.openTools();
        tools->channels()->refresh();
        QTreeWidget *tree = tools->channels()->channels();
        QVERIFY(tree->topLevelItemCount() >= 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), S("presence-lobby"));
        QCOMPARE(tree->topLevelItem(0)->text(1), S("Subscribed"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 1); // alice herself

        DevToolsEventCreator *creator = tools->eventCreator();
        creator->clientEventButton()->setChecked(true);
        creator->channelField()->setText(S("presence-lobby"));
        creator->eventField()->setText(S("client-devtools"));
        creator->dataField()->setPlainText(S("{\"n\":1}"));
        QVERIFY2(creator->sendButton()->isEnabled(), qPrintable(creator->validation()->text()));
        QTest::mouseClick(creator->sendButton(), Qt::LeftButton);
        FakeClock::pumpEvents();
        rig.clock.advance(200);
        FakeClock::pumpEvents();
        QTRY_COMPARE(rig.t()->sentCount(S("client-devtools")), 1);
        const QJsonObject sent = rig.t()->sentEvents(S("client-devtools")).constFirst();
        QCOMPARE(sent.value(S("channel")).toString(), S("presence-lobby"));
        rig.t()->serverPong();
        FakeClock::pumpEvents();
        QTRY_VERIFY2(creator->answer()->toPlainText().startsWith(S("Sent.")),
                     qPrintable(creator->answer()->toPlainText()));
        QAbstractItemModel *history = creator->historyView()->model();
        QCOMPARE(history->rowCount(), 1);
        QVERIFY(history->index(0, 0).data().toString().contains(S("client-devtools")));
        QVERIFY(history->index(0, 0).data().toString().contains(S("sent")));

        // Resend from the history.
        creator->historyView()->setCurrentIndex(history->index(0, 0));
        creator->eventField()->clear();
        creator->resendSelected();
        rig.clock.advance(200);
        FakeClock::pumpEvents();
        QTRY_COMPARE(rig.t()->sentCount(S("client-devtools")), 2);
        QCOMPARE(history->rowCount(), 2);

        // Not subscribed: refused with the reason.
        creator->channelField()->setText(S("private-nowhere"));
        QTest::mouseClick(creator->sendButton(), Qt::LeftButton);
        QTRY_VERIFY(creator->answer()->toPlainText().contains(S("not subscribed")));
    }

    void channelInspectorRestButtonsFetchAndShow()
    {
        // A Channels HTTP API that answers each of the inspector's three calls with its own
        // content, so the answer shown proves which call was made and that its body arrived.
        FakeHttpServer api;
        api.setHandler([](const FakeHttpServer::Request &r) {
            if (r.path == "/apps/4242/channels")
                return FakeHttpServer::Response::json(
                    R"({"channels":{"presence-lobby":{},"private-listed-elsewhere":{}}})");
            if (r.path == "/apps/4242/channels/presence-lobby")
                return FakeHttpServer::Response::json(
                    R"({"occupied":true,"user_count":3,"subscription_count":7})");
            if (r.path == "/apps/4242/channels/presence-lobby/users")
                return FakeHttpServer::Response::json(
                    R"({"users":[{"id":"alice"},{"id":"user-from-rest"}]})");
            return FakeHttpServer::Response::json(R"({"error":"unexpected"})", 404);
        });
        QVERIFY(api.isListening());
        Rig rig(api.port());
        rig.login(S("alice"));
        DevToolsWindow *tools = rig.openTools();
        DevToolsChannels *inspector = tools->channels();
        tools->tabs()->setCurrentWidget(inspector);
        auto button = [inspector](const char *name) -> QPushButton * {
            for (QPushButton *b : inspector->findChildren<QPushButton *>())
                if (b->accessibleName() == S(name))
                    return b;
            return nullptr;
        };
        QPushButton *list = button("List channels");
        QPushButton *info = button("Channel info");
        QPushButton *users = button("Users");
        QVERIFY(list && info && users);
        QVERIFY(!list->isEnabled()); // no app id yet: no REST client
        tools->eventCreator()->appIdField()->setText(S("4242"));
        QTRY_VERIFY(list->isEnabled());
        QVERIFY(info->isEnabled() && users->isEnabled());

        QTest::mouseClick(list, Qt::LeftButton);
        QTRY_VERIFY2(inspector->restAnswer()->toPlainText().contains(S("private-listed-elsewhere")),
                     qPrintable(inspector->restAnswer()->toPlainText()));
        QCOMPARE(api.requests().size(), 1);
        QCOMPARE(api.requests().last().method, QByteArray("GET"));
        QCOMPARE(api.requests().last().path, QByteArray("/apps/4242/channels"));
        // Signed with the profile's key and secret (the secret itself never travels).
        QCOMPARE(api.requests().last().queryValue(S("auth_key")), S("app-key"));
        QVERIFY(!api.requests().last().queryValue(S("auth_signature")).isEmpty());
        QVERIFY(!api.requests().last().target.contains(kSecret.toUtf8()));

        inspector->refresh();
        QTreeWidget *tree = inspector->channels();
        QVERIFY(tree->topLevelItemCount() >= 1);
        tree->setCurrentItem(tree->topLevelItem(0)); // presence-lobby
        QTest::mouseClick(info, Qt::LeftButton);
        QTRY_VERIFY2(
            inspector->restAnswer()->toPlainText().contains(S("\"subscription_count\": 7")),
            qPrintable(inspector->restAnswer()->toPlainText()));
        QCOMPARE(api.requests().last().path, QByteArray("/apps/4242/channels/presence-lobby"));
        QVERIFY(api.requests().last().queryValue(S("info")).contains(S("user_count")));

        QTest::mouseClick(users, Qt::LeftButton);
        QTRY_VERIFY2(inspector->restAnswer()->toPlainText().contains(S("user-from-rest")),
                     qPrintable(inspector->restAnswer()->toPlainText()));
        QCOMPARE(api.requests().last().path, QByteArray("/apps/4242/channels/presence-lobby/users"));
        QCOMPARE(api.requests().size(), 3);

        // An error answer is shown as a failure, not as data.
        api.setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(R"({"error":"nope"})", 500);
        });
        QTest::mouseClick(list, Qt::LeftButton);
        QTRY_VERIFY2(inspector->restAnswer()->toPlainText().startsWith(S("Failed:")),
                     qPrintable(inspector->restAnswer()->toPlainText()));
    }

    void ratesPlotFollowsTheFrames()
    {
        Rig rig;
        rig.login(S("alice"));
        DevToolsWindow *tools = rig.openTools();
        for (int i = 0; i < 5; ++i)
            rig.t()->serverSend(frames::frame(S("tick"), S("{}"), S("presence-lobby")));
        tools->recorder()->flush();
        tools->tabs()->setCurrentWidget(tools->rates());
        tools->rates()->refresh(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(tools->rates()->sparkline()->peak() >= 5);
        QVERIFY(tools->rates()->sparkline()->accessibleDescription().contains(S("In:")));
        QTreeWidget *counts = tools->rates()->perChannel();
        QList<QTreeWidgetItem *> lobby = counts->findItems(S("presence-lobby"), Qt::MatchExactly);
        QCOMPARE(lobby.size(), 1);
        QVERIFY(lobby.first()->data(1, Qt::DisplayRole).toInt() >= 5);
        QVERIFY(!tools->rates()->sparkline()->grab().isNull());
    }
};

QTEST_MAIN(TestDevToolsWindow)
#include "tst_devtoolswindow.moc"
