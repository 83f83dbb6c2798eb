// One headless Natter user for bench/chaos: the ChatController the window uses, in natter-server
// mode (ServerMessageRoute, like ui/ChatSession::useNatterServer) or serverless (client events,
// LocalSigner), in one room. Driven by bench/chaos.js through stdin/stdout.
//
//   bench_chaos_client --name NAME --room ROOM --outbox FILE --rate N
//                      (--server URL | --host H --port P --key K --secret S)
//
// stdout, one JSON object per line:
//   {"type":"ready","user_id":"u_..","name":".."}       session made, connecting
//   {"type":"state","current":"connected"}              every connection state change
//   {"type":"subscribed","members":["u_1","u_2"]}       every (re)subscription of the room
//   {"type":"members","members":[...]}                   a member joined or left
//   {"type":"report","rows":[{"text","sender","state","own"}...],"members":[..],"sent":N,
//    "pending":N}                                       answer to "report"
//   {"type":"error","message":".."}                     fatal: exits 2
// stdin: "go" starts sending N messages/s ("NAME:SEQ"), "halt" stops, "report", "quit".
#include <chat/ChatController.h>
#include <chat/MessageListModel.h>
#include <chat/NatterServerApi.h>
#include <chat/Outbox.h>
#include <chat/Room.h>
#include <chat/ServerMessageRoute.h>
#include <pusher/Connection.h>
#include <pusher/ConnectionState.h>
#include <pusher/HttpAuthorizer.h>
#include <pusher/LocalSigner.h>
#include <pusher/Members.h>
#include <pusher/PresenceChannel.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace natter::chat;
using namespace Qt::Literals::StringLiterals;
using natter::pusher::ConnectionOptions;

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

QJsonArray memberIds(Room *room)
{
    QJsonArray ids;
    if (room && room->memberList()) {
        for (const auto &m : room->memberList()->all())
            ids.append(m.id);
    }
    return ids;
}

QString stateName(ChatMessage::State s)
{
    switch (s) {
    case ChatMessage::State::Pending:
        return u"pending"_s;
    case ChatMessage::State::Sent:
        return u"sent"_s;
    case ChatMessage::State::Failed:
        return u"failed"_s;
    case ChatMessage::State::Received:
        return u"received"_s;
    }
    return u"?"_s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    for (const QString &o : QStringList{u"name"_s, u"room"_s, u"outbox"_s, u"rate"_s, u"server"_s,
                                        u"host"_s, u"port"_s, u"key"_s, u"secret"_s})
        p.addOption(QCommandLineOption(o, QString(), u"v"_s));
    p.process(app);
    const QString name = p.value(u"name"_s), roomName = p.value(u"room"_s);
    const int rate = p.value(u"rate"_s).isEmpty() ? 20 : p.value(u"rate"_s).toInt();
    if (name.isEmpty() || roomName.isEmpty() || p.value(u"outbox"_s).isEmpty() || rate <= 0)
        fatal(
            u"usage: --name --room --outbox --rate (--server URL | --host --port --key --secret)"_s);

    QNetworkAccessManager network;
    Outbox outbox(p.value(u"outbox"_s));
    ChatController controller(&outbox);
    std::unique_ptr<natter::pusher::Authorizer> authorizer;
    std::unique_ptr<NatterServerApi> api;
    std::unique_ptr<ServerMessageRoute> route;
    Room *room = controller.joinRoom(roomName);
    if (!room)
        fatal(u"bad room name"_s);

    auto watch = [&] {
        if (auto *c = controller.connection()) {
            QObject::connect(c, &natter::pusher::Connection::stateChanged, &app,
                             [](auto, natter::pusher::ConnectionState now) {
                                 out({{u"type"_s, u"state"_s}, {u"current"_s, toString(now)}});
                             });
        }
        if (auto *channel = room->channel()) {
            QObject::connect(channel, &natter::pusher::Channel::subscribed, &app, [room] {
                out({{u"type"_s, u"subscribed"_s}, {u"members"_s, memberIds(room)}});
            });
            // The list the window shows (Room keeps it through drops), after each change.
            auto members = [room] {
                out({{u"type"_s, u"members"_s}, {u"members"_s, memberIds(room)}});
            };
            natter::pusher::Members *shown = room->memberList();
            QObject::connect(shown, &natter::pusher::Members::memberAdded, &app, members);
            QObject::connect(shown, &natter::pusher::Members::memberRemoved, &app, members);
            QObject::connect(shown, &natter::pusher::Members::wasReset, &app, members);
        }
    };
    auto startAs = [&](const ConnectionOptions &options, const QString &id, const QString &n) {
        out({{u"type"_s, u"ready"_s}, {u"user_id"_s, id}, {u"name"_s, n}});
        controller.start(options, authorizer.get(), id, n);
        watch();
    };

    if (p.isSet(u"server"_s)) {
        api = std::make_unique<NatterServerApi>(&network, QUrl(p.value(u"server"_s)));
        api->createSession(
            name, {}, [&](const NatterServerApi::Failure &f, const NatterServerApi::Session &s) {
                if (!f.ok())
                    fatal(u"session: "_s + f.message);
                api->fetchConfig(
                    [&, s](const NatterServerApi::Failure &f2, const NatterServerApi::Config &c) {
                        if (!f2.ok())
                            fatal(u"config: "_s + f2.message);
                        natter::pusher::HttpAuthorizerOptions o;
                        o.channelEndpoint = c.authEndpoint;
                        o.headersProvider = [&] {
                            return QList<QPair<QByteArray, QByteArray>>{
                                {QByteArrayLiteral("Authorization"), api->authorizationHeader()}};
                        };
                        o.batching = c.batchAuth;
                        authorizer = std::make_unique<natter::pusher::HttpAuthorizer>(&network, o);
                        route = std::make_unique<ServerMessageRoute>(api.get());
                        controller.setRoute(route.get());
                        startAs(c.connectionOptions(), s.userId, s.userName);
                    });
            });
    } else {
        ConnectionOptions o;
        o.key = p.value(u"key"_s);
        o.host = p.value(u"host"_s);
        o.port = p.value(u"port"_s).toInt();
        o.tls = false;
        authorizer = std::make_unique<natter::pusher::LocalSigner>(
            o.key, p.value(u"secret"_s).toUtf8(), name, QJsonObject{{u"name"_s, name}});
        QTimer::singleShot(0, &app, [&, o] { startAs(o, name, name); });
    }

    int seq = 0;
    QTimer sender;
    sender.setInterval(1000 / rate);
    QObject::connect(&sender, &QTimer::timeout, &app, [&] {
        QString error;
        if (controller.send(roomName, u"%1:%2"_s.arg(name).arg(++seq), &error).isEmpty())
            fatal(u"send: "_s + error);
    });

    auto report = [&] {
        QJsonArray rows;
        int sent = 0, pending = 0;
        const MessageListModel *model = room->messages();
        for (int i = 0; i < model->count(); ++i) {
            const ChatMessage &m = model->at(i);
            rows.append(QJsonObject{{u"text"_s, m.text},
                                    {u"sender"_s, m.senderId},
                                    {u"state"_s, stateName(m.state)},
                                    {u"own"_s, m.own}});
            if (m.own && m.state == ChatMessage::State::Sent)
                ++sent;
            else if (m.own)
                ++pending;
        }
        out({{u"type"_s, u"report"_s},
             {u"rows"_s, rows},
             {u"members"_s, memberIds(room)},
             {u"sent"_s, sent},
             {u"pending"_s, pending},
             {u"seq"_s, seq}});
    };

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray buffer;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char chunk[256];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        buffer.append(chunk, n);
        int nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QByteArray cmd = buffer.left(nl).trimmed();
            buffer.remove(0, nl + 1);
            if (cmd == "go")
                sender.start();
            else if (cmd == "halt")
                sender.stop();
            else if (cmd == "report")
                report();
            else if (cmd == "quit")
                QCoreApplication::quit();
        }
    });
    const int rc = app.exec();
    controller.stop();
    return rc;
}
