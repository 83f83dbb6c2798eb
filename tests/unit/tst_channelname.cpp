// ChannelName: type by prefix, cache variants, validation and where client events are allowed.
#include "pusher/ChannelName.h"

#include <QTest>

using namespace natter::pusher;

namespace {
QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

class TestChannelName : public QObject
{
    Q_OBJECT
private slots:
    void types_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("cache");
        QTest::addColumn<bool>("clientEvents");
        using T = ChannelName::Type;
        QTest::newRow("public") << S("news") << int(T::Public) << false << false;
        QTest::newRow("private") << S("private-chat") << int(T::Private) << false << true;
        QTest::newRow("presence") << S("presence-room") << int(T::Presence) << false << true;
        QTest::newRow("encrypted")
            << S("private-encrypted-x") << int(T::PrivateEncrypted) << false << false;
        QTest::newRow("cache") << S("cache-x") << int(T::Public) << true << false;
        QTest::newRow("private cache") << S("private-cache-x") << int(T::Private) << true << true;
        QTest::newRow("encrypted cache")
            << S("private-encrypted-cache-x") << int(T::PrivateEncrypted) << true << false;
        QTest::newRow("presence cache")
            << S("presence-cache-x") << int(T::Presence) << true << true;
        // Prefixes count only at the start (unlike soketi's unanchored regexes).
        QTest::newRow("private in the middle")
            << S("chat-private-1") << int(T::Public) << false << false;
        QTest::newRow("cache in the middle")
            << S("news-cache-x") << int(T::Public) << false << false;
        QTest::newRow("case matters") << S("Private-x") << int(T::Public) << false << false;
        QTest::newRow("no dash") << S("privatechat") << int(T::Public) << false << false;
        QTest::newRow("server to user")
            << S("#server-to-user-1") << int(T::Public) << false << false;
    }

    void types()
    {
        QFETCH(QString, name);
        QFETCH(int, type);
        QFETCH(bool, cache);
        QFETCH(bool, clientEvents);
        QCOMPARE(int(ChannelName::type(name)), type);
        QCOMPARE(ChannelName::isCache(name), cache);
        QCOMPARE(ChannelName::allowsClientEvents(name), clientEvents);
        QCOMPARE(ChannelName::needsAuth(name), type != int(ChannelName::Type::Public));
    }

    void valid_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("simple") << S("news");
        QTest::newRow("all allowed characters") << S("aZ09_-=@,.;");
        QTest::newRow("single char") << S("x");
        QTest::newRow("longest") << QString(ChannelName::MaxLength, u'a');
        QTest::newRow("longest private")
            << S("private-") + QString(ChannelName::MaxLength - 8, u'a');
        QTest::newRow("prefix plus one") << S("private-x");
        QTest::newRow("dash only") << S("-");
        QTest::newRow("presence numeric") << S("presence-123");
    }

    void valid()
    {
        QFETCH(QString, name);
        QCOMPARE(ChannelName::validate(name), QString());
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << S("empty");
        QTest::newRow("too long") << QString(ChannelName::MaxLength + 1, u'a') << S("165");
        QTest::newRow("too long private")
            << S("private-") + QString(ChannelName::MaxLength - 7, u'a') << S("164");
        QTest::newRow("space") << S("a b") << S("' '");
        QTest::newRow("slash") << S("a/b") << S("'/'");
        QTest::newRow("colon") << S("a:b") << S("':'");
        QTest::newRow("quote") << S("a\"b") << S("'\"'");
        QTest::newRow("non-ascii") << S("caf\xc3\xa9") << S("'\xc3\xa9'");
        QTest::newRow("emoji") << S("x\xf0\x9f\x98\x80") << S("allowed");
        QTest::newRow("newline") << S("a\nb") << S("allowed");
        QTest::newRow("nul") << QString(QChar(0)) << S("allowed");
        QTest::newRow("hash prefix") << S("#server-to-user-1") << S("'#'");
        QTest::newRow("hash inside") << S("a#b") << S("'#'");
        QTest::newRow("bare private") << S("private-") << S("prefix");
        QTest::newRow("bare presence") << S("presence-") << S("prefix");
        QTest::newRow("bare encrypted") << S("private-encrypted-") << S("prefix");
        QTest::newRow("bare cache") << S("cache-") << S("prefix");
        QTest::newRow("bare private cache") << S("private-cache-") << S("prefix");
        QTest::newRow("bare presence cache") << S("presence-cache-") << S("prefix");
        QTest::newRow("bare encrypted cache") << S("private-encrypted-cache-") << S("prefix");
    }

    void invalid()
    {
        QFETCH(QString, name);
        QFETCH(QString, mentions);
        const QString message = ChannelName::validate(name);
        QVERIFY2(!message.isEmpty(), qPrintable(name));
        QVERIFY2(message.contains(mentions), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestChannelName)
#include "tst_channelname.moc"
