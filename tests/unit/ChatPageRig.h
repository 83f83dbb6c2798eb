// The ChatPage test rig shared by tst_chatpage and tst_chatpagerooms: the page over a real
// ChatController driven by FakeClock + FakeNetwork + FakeAuthorizer, and what it showed.
#pragma once

#include "FakeAuthorizer.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "Frames.h"

#include "ChatPage.h"
#include "Composer.h"
#include "MemberPanel.h"
#include "MemberProxyModel.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "MessageView.h"
#include "RoomSidebar.h"

#include <chat/ChatController.h>
#include <chat/MessageListModel.h>
#include <chat/Outbox.h>
#include <chat/ProfileStore.h>
#include <chat/Room.h>
#include <chat/RoomListModel.h>
#include <pusher/MemberListModel.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using namespace natter::ui;

namespace chatpagerig {

inline QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

inline QJsonObject member(const char *name)
{
    return QJsonObject{{S("name"), S(name)}};
}

struct Rig
{
    Rig()
    {
        auth.userId = S("alice");
        auth.userName = S("Alice");
        auth.setAutoAnswerDefault();
        outbox = std::make_unique<Outbox>(dir.filePath(S("outbox.json")));
        chat = std::make_unique<ChatController>(outbox.get());
        options.key = S("app-key");
        options.host = S("chat.example");
        options.port = 6001;
        options.tls = false;
        page = std::make_unique<ChatPage>();
        page->resize(900, 600);
    }
    ~Rig() { page.reset(); }

    void start() { chat->start(options, &auth, S("alice"), S("Alice"), &clock, net.factory()); }
    FakeTransport *t() const { return net.last(); }
    void accept()
    {
        t()->accept(S("1.1"));
        FakeClock::pumpEvents();
    }
    void confirm(const QJsonObject &others = {})
    {
        FakeClock::pumpEvents();
        QJsonArray ids{S("alice")};
        QJsonObject hash{{S("alice"), member("Alice")}};
        for (auto it = others.begin(); it != others.end(); ++it) {
            ids.append(it.key());
            hash.insert(it.key(), it.value());
        }
        t()->serverSend(frames::presenceSucceeded(S("presence-lobby"), ids, hash));
        FakeClock::pumpEvents();
    }
    // Joined lobby and shown, connected but not yet subscribed.
    Room *connected()
    {
        Room *room = chat->joinRoom(S("lobby"));
        page->setController(chat.get());
        page->show();
        start();
        accept();
        return room;
    }
    Room *loggedIn(const QJsonObject &others = {})
    {
        Room *room = connected();
        confirm(others);
        return room;
    }
    // The server answers the confirmation pings: written messages become Sent.
    void settle()
    {
        FakeClock::pumpEvents();
        t()->serverPong();
        FakeClock::pumpEvents();
    }
    void receive(const QString &event, const QJsonValue &data, const QString &userId)
    {
        t()->serverSend(frames::frame(event, data, S("presence-lobby"), userId));
        FakeClock::pumpEvents();
    }
    void refuseClientEvent()
    {
        t()->serverSend(frames::pusherError(
            4301, S("The app does not have client messaging enabled."), S("presence-lobby")));
    }
    void typeAndEnter(const QString &text)
    {
        MessageEdit *edit = page->composer()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    MessageListModel *messages() const { return page->messageView()->messages(); }
    ChatMessage::State state(int row) const { return messages()->at(row).state; }

    QTemporaryDir dir;
    FakeClock clock;
    FakeNetwork net;
    FakeAuthorizer auth;
    natter::pusher::ConnectionOptions options;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<ChatController> chat;
    std::unique_ptr<ChatPage> page; // first to go
};

inline bool anyMessageBox()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (qobject_cast<QMessageBox *>(w))
            return true;
    }
    return false;
}

// A viewport point over the delegate's clickable `kind` in `row`, or (-1,-1).
inline QPoint pointOver(MessageView *view, int row, MessageDelegate::HitKind kind)
{
    const QModelIndex index = view->model()->index(row, 0);
    const QRect rect = view->visualRect(index);
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = view->font();
    option.widget = view;
    option.rect = rect;
    for (int y = rect.top(); y <= rect.bottom(); y += 2) {
        for (int x = rect.left(); x <= rect.right(); x += 3) {
            if (view->messageDelegate()->hitTest(option, index, QPoint(x, y)).kind == kind)
                return {x, y};
        }
    }
    return {-1, -1};
}

// Counts the paint events a widget receives.
struct PaintCounter : QObject
{
    explicit PaintCounter(QWidget *w) { w->installEventFilter(this); }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
    int paints = 0;
};

} // namespace chatpagerig

using namespace chatpagerig;
