// Issue 12, avatars and zoom: View → Zoom In/Out/Actual Size (Ctrl+=, Ctrl++, Ctrl+-, Ctrl+0)
// scale the messages' font and are remembered; Compact Mode packs the rows and drops the
// avatars; initials avatars head each group of messages (and only the head), and Who's Online
// shows one per member with a green online dot (grey while the list is stale).
#include "FakeClock.h"
#include "FakeTransport.h"

#include "AvatarPainter.h"
#include "ChatPage.h"
#include "Composer.h"
#include "MainWindow.h"
#include "MemberPanel.h"
#include "MemberProxyModel.h"
#include "MessageAppearance.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "MessageView.h"
#include "ProfileSecrets.h"
#include "SessionManager.h"
#include "ThemeColors.h"

#include <chat/ChatMessage.h>
#include <chat/MessageListModel.h>
#include <chat/ProfileStore.h>
#include <desktop/MemoryCredentialStore.h>
#include <pusher/MemberListModel.h>
#include <pusher/Members.h>

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <memory>

using natter::chat::ChatMessage;
using natter::chat::MessageListModel;
using natter::chat::ProfileStore;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ChatMessage message(const QString &id, const QString &sender, const QString &text,
                    const QDateTime &at)
{
    ChatMessage m;
    m.id = id;
    m.room = S("lobby");
    m.senderId = sender;
    m.senderName = sender;
    m.text = text;
    m.sentAt = at;
    return m;
}

// Pixels of exactly `color` inside `rect`.
int pixelsOf(const QImage &image, const QRect &rect, const QColor &color)
{
    int count = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            count += image.pixelColor(x, y).rgb() == color.rgb();
    }
    return count;
}

struct WindowRig
{
    explicit WindowRig(QSettings *shared = nullptr)
    {
        settings = shared ? shared : ownSettings.get();
        profiles = std::make_unique<ProfileStore>(settings);
        secrets = std::make_unique<ProfileSecrets>(&store, settings);
        sessions = std::make_unique<SessionManager>(profiles.get(), secrets.get());
        sessions->setOutboxDirectory(dir.path());
        sessions->setTransport(&clock, net.factory());
        window = std::make_unique<MainWindow>(sessions.get(), profiles.get(), secrets.get(),
                                              settings);
        window->chatPage()->messageView()->setMessages(&model);
        window->resize(1000, 700);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the main window did not become active");
    }
    ~WindowRig()
    {
        window.reset();
        sessions.reset();
    }
    MessageView *view() const { return window->chatPage()->messageView(); }
    int rowHeight(int row) const
    {
        QStyleOptionViewItem o;
        o.initFrom(view()->viewport());
        o.widget = view();
        o.font = view()->font();
        return view()->messageDelegate()->sizeHint(o, model.index(row)).height();
    }
    QAction *action(const char *name) const
    {
        return window->findChild<QAction *>(QString::fromLatin1(name));
    }

    QTemporaryDir dir;
    std::unique_ptr<QSettings> ownSettings = std::make_unique<QSettings>(
        dir.filePath(QStringLiteral("natter.conf")), QSettings::IniFormat);
    QSettings *settings;
    FakeClock clock;
    FakeNetwork net;
    natter::desktop::MemoryCredentialStore store;
    std::unique_ptr<ProfileStore> profiles;
    std::unique_ptr<ProfileSecrets> secrets;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<MainWindow> window;
    MessageListModel model;
};

} // namespace

class TestMessageAppearance : public QObject
{
    Q_OBJECT

private slots:
    void zoomKeysScaleTheMessagesAndAreRemembered()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(S("ui.conf")), QSettings::IniFormat);
        qreal base = 0;
        {
            WindowRig rig(&settings);
            rig.model.append(
                message(S("1"), S("bob"), S("hello there"), QDateTime::currentDateTimeUtc()));
            MessageView *view = rig.view();
            base = view->font().pointSizeF();
            QVERIFY(base > 0);
            const int baseHeight = rig.rowHeight(0);
            const qreal editorBase
                = rig.window->chatPage()->composer()->editor()->font().pointSizeF();

            // In the View menu, with the shortcuts the issue names.
            QMenu *viewMenu = nullptr;
            for (QAction *a : rig.window->menuBar()->actions()) {
                if (a->text().remove(u'&') == S("View"))
                    viewMenu = a->menu();
            }
            QVERIFY(viewMenu);
            QVERIFY(viewMenu->actions().contains(rig.action("zoomInAction")));
            QVERIFY(viewMenu->actions().contains(rig.action("zoomOutAction")));
            QVERIFY(viewMenu->actions().contains(rig.action("zoomResetAction")));
            QVERIFY(viewMenu->actions().contains(rig.action("compactModeAction")));

            QTest::keyClick(rig.window.get(), Qt::Key_Equal, Qt::ControlModifier);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 110);
            QCOMPARE(view->font().pointSizeF(), base * 1.1);
            // The delegate lays the rows out in that font.
            QVERIFY2(rig.rowHeight(0) > baseHeight,
                     qPrintable(S("%1 %2").arg(rig.rowHeight(0)).arg(baseHeight)));
            QCOMPARE(rig.window->chatPage()->composer()->editor()->font().pointSizeF(),
                     editorBase * 1.1);
            QTest::keyClick(rig.window.get(), Qt::Key_Plus, Qt::ControlModifier);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 125);
            QTest::keyClick(rig.window.get(), Qt::Key_Minus, Qt::ControlModifier);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 110);
            QTest::keyClick(rig.window.get(), Qt::Key_0, Qt::ControlModifier);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 100);
            QCOMPARE(view->font().pointSizeF(), base);
            QCOMPARE(rig.rowHeight(0), baseHeight);
            // Ctrl+wheel over the messages: one step per notch.
            const auto wheel = [&](int delta) {
                const QPointF at(20, 20);
                QWheelEvent event(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, delta),
                                  Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
                QCoreApplication::sendEvent(view->viewport(), &event);
            };
            wheel(120);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 110);
            wheel(-60);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 110);
            wheel(-60);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 100);

            // Bounded: 80 % to 200 %, the action that cannot go further is disabled.
            for (int i = 0; i < 10; ++i)
                QTest::keyClick(rig.window.get(), Qt::Key_Minus, Qt::ControlModifier);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 80);
            QVERIFY(!rig.action("zoomOutAction")->isEnabled());
            for (int i = 0; i < 20; ++i)
                QTest::keyClick(rig.window.get(), Qt::Key_Equal, Qt::ControlModifier);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 200);
            QVERIFY(!rig.action("zoomInAction")->isEnabled());
            QCOMPARE(view->font().pointSizeF(), base * 2);
            QTest::keyClick(rig.window.get(), Qt::Key_Minus, Qt::ControlModifier);
            QTest::keyClick(rig.window.get(), Qt::Key_Minus, Qt::ControlModifier);
            QCOMPARE(rig.window->messageAppearance()->zoom(), 150);
        }
        // A new window (the next start) comes up at that zoom.
        WindowRig again(&settings);
        QCOMPARE(again.window->messageAppearance()->zoom(), 150);
        QCOMPARE(again.view()->font().pointSizeF(), base * 1.5);
    }

    void compactModeTightensRowsAndIsRemembered()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(S("ui.conf")), QSettings::IniFormat);
        {
            WindowRig rig(&settings);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            rig.model.append(message(S("1"), S("bob"), S("head"), now));
            rig.model.append(message(S("2"), S("bob"), S("grouped"), now.addSecs(1)));
            QVERIFY(rig.model.index(1).data(MessageListModel::GroupedRole).toBool());
            const int head = rig.rowHeight(0), grouped = rig.rowHeight(1);
            QAction *compact = rig.action("compactModeAction");
            QVERIFY(compact && compact->isCheckable() && !compact->isChecked());
            compact->trigger();
            QVERIFY(rig.view()->messageDelegate()->isCompact());
            QVERIFY2(rig.rowHeight(0) < head,
                     qPrintable(S("%1 %2").arg(rig.rowHeight(0)).arg(head)));
            QVERIFY(rig.rowHeight(1) < grouped);
            QVERIFY(rig.rowHeight(1) >= rig.view()->fontMetrics().height());
            // No avatar in compact mode.
            QStyleOptionViewItem o;
            o.initFrom(rig.view()->viewport());
            o.widget = rig.view();
            o.font = rig.view()->font();
            QVERIFY(rig.view()->messageDelegate()->avatarRect(o, rig.model.index(0)).isEmpty());
            QCOMPARE(settings.value(S("view/compact")).toBool(), true);
        }
        WindowRig again(&settings);
        QVERIFY(again.action("compactModeAction")->isChecked());
        QVERIFY(again.view()->messageDelegate()->isCompact());
        again.action("compactModeAction")->trigger();
        QVERIFY(!again.view()->messageDelegate()->isCompact());
        QCOMPARE(settings.value(S("view/compact")).toBool(), false);
    }

    void avatarsHeadGroupsOnly()
    {
        MessageListModel model;
        MessageView view;
        view.resize(500, 400);
        view.setMessages(&model);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.append(message(S("1"), S("bob"), S("one"), now));
        model.append(message(S("2"), S("bob"), S("two"), now.addSecs(1)));
        model.append(message(S("3"), S("carol"), S("three"), now.addSecs(2)));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStyleOptionViewItem o;
        o.initFrom(view.viewport());
        o.widget = &view;
        o.font = view.font();
        const QImage shot = view.viewport()->grab().toImage();
        const QStringList senders{S("bob"), S("bob"), S("carol")};
        for (int row = 0; row < 3; ++row) {
            const QModelIndex index = view.model()->index(row, 0);
            o.rect = view.visualRect(index);
            const QRect avatar = view.messageDelegate()->avatarRect(o, index);
            const QColor disc = ThemeColors::senderColor(view.palette(), senders.at(row));
            // The column the avatars are in, over the row's whole height.
            QRect column(o.rect.left(), o.rect.top(), 60, o.rect.height());
            if (row == 1) {
                QVERIFY(avatar.isEmpty());
                QCOMPARE(pixelsOf(shot, column, disc), 0);
            } else {
                QVERIFY(!avatar.isEmpty());
                QVERIFY(o.rect.contains(avatar));
                QCOMPARE(avatar.width(), avatar.height());
                QVERIFY2(pixelsOf(shot, avatar, disc) > avatar.width() * avatar.height() / 3,
                         qPrintable(QString::number(row)));
            }
        }
        // Two people, one picture each (the second paint of the view comes from the cache).
        QCOMPARE(view.messageDelegate()->avatars().paintCount(), 2);
        view.viewport()->repaint();
        QCOMPARE(view.messageDelegate()->avatars().paintCount(), 2);
    }

    void whoIsOnlineHasAvatarsAndOnlineDots()
    {
        natter::pusher::Members members;
        natter::pusher::MemberListModel source;
        source.setMembers(&members);
        members.setMyId(S("me"));
        members.reset({{S("me"), QJsonObject{{S("name"), S("Me")}}},
                       {S("bob"), QJsonObject{{S("name"), S("Bob")}}}});
        MemberPanel panel;
        panel.proxy()->setSourceModel(&source);
        panel.resize(220, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView *list = panel.view();
        const QColor online = AvatarPainter::presenceColor(list->palette(),
                                                           AvatarPainter::Presence::Online);
        QImage shot = list->viewport()->grab().toImage();
        for (int row = 0; row < 2; ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            const QRect rect = list->visualRect(index);
            QVERIFY(rect.height() >= 24);
            const QString id = index.data(natter::pusher::MemberListModel::IdRole).toString();
            QVERIFY2(pixelsOf(shot, rect, ThemeColors::senderColor(list->palette(), id)) > 100,
                     qPrintable(id));
            QVERIFY2(pixelsOf(shot, rect, online) >= 4, qPrintable(id));
        }
        // While reconnecting the list is the last known one: no green dot.
        list->setEnabled(false);
        shot = list->viewport()->grab().toImage();
        const QRect first = list->visualRect(list->model()->index(0, 0));
        QCOMPARE(pixelsOf(shot, first, online), 0);
    }
};

QTEST_MAIN(TestMessageAppearance)
#include "tst_messageappearance.moc"
