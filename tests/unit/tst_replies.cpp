// Replies in the chat layer: reply_to on the wire (client events, natter-server answers, the
// outbox journal) and the quote roles of MessageListModel, which come from the original message
// as loaded, never from the reply's payload.
#include "chat/ChatWire.h"
#include "chat/MessageListModel.h"
#include "chat/NatterServerApi.h"
#include "chat/OutboxJournal.h"
#include "chat/ReplyIndex.h"

#include <pusher/Event.h>

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::ChatWire;
using natter::chat::MessageListModel;
using natter::chat::NatterServerApi;
using natter::chat::OutboxJournal;
using natter::chat::ReplyIndex;
using natter::pusher::Event;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ChatMessage msg(const QString &id, const QString &sender, const QString &text,
                const QString &replyTo = {})
{
    ChatMessage m;
    m.id = id;
    m.room = S("lobby");
    m.senderId = sender;
    m.senderName = sender.toUpper();
    m.text = text;
    m.sentAt = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    m.replyTo = replyTo;
    return m;
}

Event clientEvent(const QJsonObject &payload, const QString &userId)
{
    Event e;
    e.event = ChatWire::messageEvent();
    e.channel = S("presence-lobby");
    e.data = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    e.dataKind = Event::DataKind::String;
    e.userId = userId;
    return e;
}

QVariant role(const MessageListModel &model, const QString &id, int role)
{
    return model.data(model.index(model.rowOf(id)), role);
}

} // namespace

class TestReplies : public QObject
{
    Q_OBJECT
private slots:
    void wireCarriesReplyTo()
    {
        const ChatMessage reply = msg(S("r1"), S("bob"), S("yes"), S("orig-1"));
        const QJsonObject o
            = QJsonDocument::fromJson(ChatWire::encodeMessage(reply).toUtf8()).object();
        QCOMPARE(o.value(S("reply_to")).toString(), S("orig-1"));
        // Not a reply: no key at all (older clients see exactly what they saw before).
        const QJsonObject plain
            = QJsonDocument::fromJson(
                  ChatWire::encodeMessage(msg(S("p"), S("bob"), S("x"))).toUtf8())
                  .object();
        QVERIFY(!plain.contains(S("reply_to")));

        QString why;
        const auto decoded = ChatWire::decodeMessage(clientEvent(o, S("bob")), &why);
        QVERIFY2(decoded, qPrintable(why));
        QCOMPARE(decoded->replyTo, S("orig-1"));
        QCOMPARE(decoded->text, S("yes"));
    }

    void wireRefusesOddReplyTo()
    {
        QString why;
        QJsonObject o{{S("id"), S("r2")}, {S("text"), S("t")}, {S("reply_to"), QString(101, u'x')}};
        auto m = ChatWire::decodeMessage(clientEvent(o, S("bob")), &why);
        QVERIFY(m);
        QVERIFY(m->replyTo.isEmpty()); // too long for an id: no reply, still a message
        o.insert(S("reply_to"), 42);
        m = ChatWire::decodeMessage(clientEvent(o, S("bob")), &why);
        QVERIFY(m && m->replyTo.isEmpty());
        o.insert(S("reply_to"), S("r2")); // itself
        m = ChatWire::decodeMessage(clientEvent(o, S("bob")), &why);
        QVERIFY(m && m->replyTo.isEmpty());
    }

    void serverMessageAndJournalCarryReplyTo()
    {
        const QJsonObject stored{
            {S("id"), 7},
            {S("room"), S("lobby")},
            {S("client_id"), S("c7")},
            {S("text"), S("sure")},
            {S("sent_at"), S("2026-11-30T15:00:00.123Z")},
            {S("user"), QJsonObject{{S("id"), S("u_b")}, {S("name"), S("bob")}}},
            {S("reply_to"), S("c3")}};
        const auto m = NatterServerApi::parseMessage(stored);
        QVERIFY(m);
        QCOMPARE(m->replyTo, S("c3"));

        const ChatMessage reply = msg(S("r3"), S("me"), S("ok"), S("orig-3"));
        const auto back = OutboxJournal::fromJson(OutboxJournal::toJson(reply));
        QVERIFY(back);
        QCOMPARE(back->replyTo, S("orig-3"));
        QVERIFY(!OutboxJournal::toJson(msg(S("p"), S("me"), S("x"))).contains(S("replyTo")));
    }

    void firstLine()
    {
        QCOMPARE(ReplyIndex::firstLine(S("\n  \n  hello world  \nsecond")), S("hello world"));
        QCOMPARE(ReplyIndex::firstLine(S("   ")), QString());
        const QString longLine = ReplyIndex::firstLine(QString(300, u'a'));
        QCOMPARE(longLine.size(), 201);
        QVERIFY(longLine.endsWith(QChar(0x2026)));
    }

    void quoteComesFromTheLoadedOriginal()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.append(msg(S("o1"), S("alice"), S("first line\nsecond line"))));
        QVERIFY(model.append(msg(S("r1"), S("bob"), S("agreed"), S("o1"))));
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyToRole).toString(), S("o1"));
        QVERIFY(role(model, S("r1"), MessageListModel::ReplyLoadedRole).toBool());
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyAuthorRole).toString(), S("ALICE"));
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyAuthorIdRole).toString(), S("alice"));
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyTextRole).toString(), S("first line"));
        QVERIFY(role(model, S("r1"), Qt::AccessibleTextRole)
                    .toString()
                    .contains(S("reply to ALICE: first line")));
        // Not a reply: nothing.
        QVERIFY(role(model, S("o1"), MessageListModel::ReplyToRole).toString().isEmpty());
        QVERIFY(!role(model, S("o1"), MessageListModel::ReplyLoadedRole).toBool());
        // An original that is not loaded: no author, no text.
        QVERIFY(model.append(msg(S("r2"), S("bob"), S("what?"), S("missing"))));
        QVERIFY(!role(model, S("r2"), MessageListModel::ReplyLoadedRole).toBool());
        QVERIFY(role(model, S("r2"), MessageListModel::ReplyAuthorRole).toString().isEmpty());
        QVERIFY(role(model, S("r2"), Qt::AccessibleTextRole)
                    .toString()
                    .contains(S("reply to a message not loaded")));
    }

    // An older page brings the original after its reply: the reply's quote changes in place.
    void originalArrivingLaterUpdatesTheQuote()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ChatMessage reply = msg(S("r1"), S("bob"), S("yes"), S("o1"));
        reply.serverId = 20;
        model.merge({reply});
        QVERIFY(!role(model, S("r1"), MessageListModel::ReplyLoadedRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ChatMessage original = msg(S("o1"), S("alice"), S("question?"));
        original.serverId = 10;
        model.merge({original});
        QCOMPARE(model.rowOf(S("o1")), 0);
        bool replyRefreshed = false;
        for (const auto &args : changed) {
            if (args.at(0).toModelIndex().row() == model.rowOf(S("r1"))
                && args.at(2).value<QList<int>>().contains(MessageListModel::ReplyAuthorRole))
                replyRefreshed = true;
        }
        QVERIFY(replyRefreshed);
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyAuthorRole).toString(), S("ALICE"));
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyTextRole).toString(), S("question?"));

        // Removed again: back to "not loaded".
        changed.clear();
        QVERIFY(model.remove(S("o1")));
        QVERIFY(!role(model, S("r1"), MessageListModel::ReplyLoadedRole).toBool());
        QVERIFY(!changed.isEmpty());
    }

    void droppedOriginalIsNotLoaded()
    {
        MessageListModel model(3);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(msg(S("o1"), S("alice"), S("old")));
        model.append(msg(S("r1"), S("bob"), S("re"), S("o1")));
        model.appendLater(msg(S("x1"), S("carol"), S("x")));
        model.appendLater(msg(S("x2"), S("carol"), S("y")));
        model.flushPending(); // o1 drops off the top
        QCOMPARE(model.rowOf(S("o1")), -1);
        QVERIFY(!role(model, S("r1"), MessageListModel::ReplyLoadedRole).toBool());
        QVERIFY(role(model, S("r1"), MessageListModel::ReplyTextRole).toString().isEmpty());
    }

    // Security: a reply's payload may claim any author and quote; the quote shown is the
    // original's real (verified) sender and text, and a claim never fills in a missing original.
    void replyPayloadCannotForgeTheQuote()
    {
        MessageListModel model;
        QString why;
        auto original = ChatWire::decodeMessage(
            clientEvent(QJsonObject{{S("id"), S("o1")},
                                    {S("text"), S("the real text")},
                                    {S("user"),
                                     QJsonObject{{S("id"), S("alice")}, {S("name"), S("Alice")}}}},
                        S("alice")),
            &why);
        QVERIFY(original);
        model.append(*original);
        const QJsonObject forged{
            {S("id"), S("r1")},
            {S("text"), S("see above")},
            {S("reply_to"), S("o1")},
            {S("quote"), QJsonObject{{S("user"), S("Bob the admin")}, {S("text"), S("I resign")}}},
            {S("reply_author"), S("Bob the admin")},
            {S("reply_text"), S("I resign")},
            {S("user"), QJsonObject{{S("id"), S("mallory")}, {S("name"), S("Mallory")}}}};
        auto reply = ChatWire::decodeMessage(clientEvent(forged, S("mallory")), &why);
        QVERIFY(reply);
        model.append(*reply);
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyAuthorRole).toString(), S("Alice"));
        QCOMPARE(role(model, S("r1"), MessageListModel::ReplyTextRole).toString(),
                 S("the real text"));
        const QString spoken = role(model, S("r1"), Qt::AccessibleTextRole).toString();
        QVERIFY(!spoken.contains(S("resign")));
        QVERIFY(!spoken.contains(S("Bob the admin")));

        // Pointing at a message we do not have: "not loaded", never the claimed quote.
        QJsonObject dangling = forged;
        dangling.insert(S("id"), S("r2"));
        dangling.insert(S("reply_to"), S("nowhere"));
        reply = ChatWire::decodeMessage(clientEvent(dangling, S("mallory")), &why);
        QVERIFY(reply);
        model.append(*reply);
        QVERIFY(!role(model, S("r2"), MessageListModel::ReplyLoadedRole).toBool());
        QVERIFY(role(model, S("r2"), MessageListModel::ReplyAuthorRole).toString().isEmpty());
        QVERIFY(!role(model, S("r2"), Qt::AccessibleTextRole).toString().contains(S("resign")));

        // A sender the server does not vouch for is marked in the quote too.
        auto unverified = ChatWire::decodeMessage(
            clientEvent(
                QJsonObject{{S("id"), S("o2")},
                            {S("text"), S("hi")},
                            {S("user"), QJsonObject{{S("id"), S("eve")}, {S("name"), S("Eve")}}}},
                QString()),
            &why);
        QVERIFY(unverified && !unverified->senderVerified);
        model.append(*unverified);
        model.append(msg(S("r3"), S("bob"), S("hello"), S("o2")));
        QCOMPARE(role(model, S("r3"), MessageListModel::ReplyAuthorRole).toString(),
                 role(model, S("o2"), MessageListModel::SenderNameRole).toString());
        QVERIFY(role(model, S("r3"), MessageListModel::ReplyAuthorRole).toString() != S("Eve"));
    }
};

QTEST_GUILESS_MAIN(TestReplies)
#include "tst_replies.moc"
