// MentionRule: "@name" as a whole word, case-insensitive; what the composer's completion takes as
// the mention being typed; and the notification policy's "Mentions only" deciding by the same
// rule (one table for both).
#include "FakeClock.h"

#include <chat/ChatMessage.h>
#include <chat/MentionRule.h>
#include <notify/NotificationPolicy.h>

#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::MentionRule;
using natter::notify::NotificationPolicy;
using natter::notify::RoomMode;

namespace {
QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

class TestMentionRule : public QObject
{
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("mentioned");
        QTest::newRow("plain") << S("alice") << S("@alice hi") << true;
        QTest::newRow("at the end") << S("alice") << S("hi @alice") << true;
        QTest::newRow("alone") << S("alice") << S("@alice") << true;
        QTest::newRow("punctuation after") << S("alice") << S("hi @alice, look!") << true;
        QTest::newRow("colon") << S("alice") << S("@alice: hi") << true;
        QTest::newRow("in brackets") << S("alice") << S("(@alice)") << true;
        QTest::newRow("after a line break") << S("alice") << S("hi\n@alice") << true;
        QTest::newRow("case in text") << S("alice") << S("hey @ALICE") << true;
        QTest::newRow("case in name") << S("Alice") << S("hey @alice") << true;
        QTest::newRow("prefix only") << S("alice") << S("@al hi") << false;
        QTest::newRow("longer name") << S("al") << S("@alice hi") << false;
        QTest::newRow("bare name") << S("alice") << S("hi alice") << false;
        QTest::newRow("email") << S("alice") << S("mail email@alice.com") << false;
        QTest::newRow("email, name first") << S("alice") << S("alice@alice.com") << false;
        QTest::newRow("dotted address") << S("alice") << S("a.b.@alice") << false;
        QTest::newRow("double at") << S("alice") << S("@@alice") << false;
        QTest::newRow("underscore name") << S("alice_smith") << S("hi @alice_smith!") << true;
        QTest::newRow("underscore continues") << S("alice") << S("hi @alice_smith") << false;
        QTest::newRow("dash name") << S("bob-2") << S("@Bob-2 ok") << true;
        QTest::newRow("dash continues") << S("bob") << S("@bob-2 ok") << false;
        QTest::newRow("second occurrence") << S("alice") << S("@alicex and @alice") << true;
        QTest::newRow("non-ascii") << S("jürgen") << S("hallo @JÜRGEN.") << true;
        QTest::newRow("empty name") << S("") << S("@ hi") << false;
        QTest::newRow("name with space") << S("Ann Lee") << S("@ann lee hi") << true;
    }

    void cases()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(bool, mentioned);
        QCOMPARE(MentionRule(name).matches(text), mentioned);
        QCOMPARE(MentionRule::mentions(text, name), mentioned);
        QCOMPARE(MentionRule(name).find(text).isEmpty(), !mentioned);
    }

    // The notification policy's "Mentions only" asks the same rule: the same table.
    void notificationPolicyUsesTheRule_data() { cases_data(); }
    void notificationPolicyUsesTheRule()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(bool, mentioned);
        FakeClock clock;
        NotificationPolicy policy(&clock);
        ChatMessage m;
        m.id = S("m1");
        m.room = S("lobby");
        m.text = text;
        const auto verdict = policy.screen(m, RoomMode::Mentions, {}, name);
        QCOMPARE(verdict.reason,
                 mentioned ? NotificationPolicy::Reason::Notify
                           : NotificationPolicy::Reason::NotMentioned);
        QCOMPARE(NotificationPolicy::mentions(text, name), mentioned);
    }

    void spans()
    {
        const MentionRule rule(S("bob"));
        const auto found = rule.find(S("@bob and @BOB, not @bobby or x@bob"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).start, 0);
        QCOMPARE(found.at(0).length, 4);
        QCOMPARE(found.at(1).start, 9);
        QCOMPARE(found.at(1).length, 4);
    }

    void typedMention()
    {
        QCOMPARE(MentionRule::typedMentionStart(S("@"), 1), 0);
        QCOMPARE(MentionRule::typedMentionStart(S("hi @al"), 6), 3);
        QCOMPARE(MentionRule::typedMentionStart(S("hi @al"), 5), 3);
        QCOMPARE(MentionRule::typedMentionStart(S("hi @al"), 3), -1); // before the '@'
        QCOMPARE(MentionRule::typedMentionStart(S("hi @al "), 7), -1); // finished
        QCOMPARE(MentionRule::typedMentionStart(S("mail x@al"), 9), -1); // an address
        QCOMPARE(MentionRule::typedMentionStart(S("@alice_s"), 8), 0);
        QCOMPARE(MentionRule::typedMentionStart(S("plain"), 5), -1);
        QCOMPARE(MentionRule::typedMentionStart(S(""), 0), -1);
        QCOMPARE(MentionRule::typedMentionStart(S("abc"), 9), -1);
    }
};

QTEST_GUILESS_MAIN(TestMentionRule)
#include "tst_mentionrule.moc"
