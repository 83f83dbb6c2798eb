// UserName::validate: letters, digits, _ and -, 1-32 characters after trimming, clear messages
// otherwise.
#include "chat/UserName.h"

#include <QTest>

using natter::chat::UserName;

class TestUserName : public QObject
{
    Q_OBJECT
private slots:
    void validate_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem"); // empty: valid; else a word of the message
        QTest::newRow("plain") << QStringLiteral("alice") << QString();
        QTest::newRow("digits") << QStringLiteral("alice42") << QString();
        QTest::newRow("one") << QStringLiteral("a") << QString();
        QTest::newRow("32") << QString(32, u'x') << QString();
        QTest::newRow("unicode letters") << QString::fromUtf8("J\u00fcrgen") << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("Enter");
        QTest::newRow("33") << QString(33, u'x') << QStringLiteral("32");
        QTest::newRow("space") << QStringLiteral("alice smith")
                               << QStringLiteral("only letters, digits, _ and -");
        QTest::newRow("dash") << QStringLiteral("alice-1") << QString();
        QTest::newRow("underscore") << QStringLiteral("alice_smith") << QString();
        QTest::newRow("only punctuation") << QStringLiteral("_-") << QString();
        QTest::newRow("trimmed") << QStringLiteral("  alice_smith \t") << QString();
        QTest::newRow("32 trimmed") << (u' ' + QString(32, u'x') + u' ') << QString();
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("Enter");
        QTest::newRow("dot") << QStringLiteral("a.b")
                             << QStringLiteral("only letters, digits, _ and -");
        QTest::newRow("quote") << QStringLiteral("a\"b")
                               << QStringLiteral("only letters, digits, _ and -");
        QTest::newRow("slash") << QStringLiteral("a/b")
                               << QStringLiteral("only letters, digits, _ and -");
        QTest::newRow("emoji") << QString::fromUtf8("a\U0001F600")
                               << QStringLiteral("only letters, digits, _ and -");
        QTest::newRow("superscript")
            << QString::fromUtf8("a\u00b2") << QStringLiteral("only letters, digits, _ and -");
    }

    void normalized()
    {
        QCOMPARE(UserName::normalized(QStringLiteral(" alice_smith\n")),
                 QStringLiteral("alice_smith"));
    }

    void validate()
    {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QString message = UserName::validate(name);
        if (problem.isEmpty()) {
            QVERIFY2(message.isEmpty(), qPrintable(message));
            QVERIFY(UserName::isValid(name));
        } else {
            QVERIFY2(message.contains(problem, Qt::CaseInsensitive), qPrintable(message));
            QVERIFY(!UserName::isValid(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestUserName)
#include "tst_username.moc"
