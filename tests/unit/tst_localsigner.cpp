// LocalSigner gives the same answers as Signer would, always asynchronously.
#include "pusher/AuthRequest.h"
#include "pusher/LocalSigner.h"
#include "pusher/Signer.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace natter::pusher;

namespace {

const QString Key = QStringLiteral("278d425bdf160c739803");
const QByteArray Secret = "7ad3773142a6692b25b8";
const QString Socket = QStringLiteral("1234.1234");

QByteArray masterKey()
{
    return QByteArray::fromBase64("zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
}

struct Outcome
{
    int count = 0; // outcomes emitted; exactly one is expected
    bool succeeded = false;
    bool failed = false;
    AuthResponse response;
    AuthError error;
};

// Asserts that nothing is emitted synchronously, then waits for the one outcome.
Outcome waitFor(AuthRequest *request, bool *emittedSynchronously)
{
    Outcome outcome;
    int signals_ = 0;
    QObject::connect(request, &AuthRequest::succeeded, request, [&](const AuthResponse &r) {
        outcome.succeeded = true;
        outcome.response = r;
        ++signals_;
    });
    QObject::connect(request, &AuthRequest::failed, request, [&](const AuthError &e) {
        outcome.failed = true;
        outcome.error = e;
        ++signals_;
    });
    *emittedSynchronously = signals_ != 0;
    if (QTest::qWaitFor([&] { return signals_ > 0; }, 2000))
        QTest::qWait(10); // a second emission would show up here
    outcome.count = signals_;
    return outcome;
}

} // namespace

class TestLocalSigner : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        // The constructor warns on purpose that the secret lives in the client.
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("LocalSigner holds the app secret")));
    }

    void privateChannel()
    {
        LocalSigner signer(Key, Secret, QStringLiteral("10"));
        QObject parent;
        AuthRequest *request = signer.authorizeChannel(Socket, QStringLiteral("private-foobar"),
                                                       &parent);
        QCOMPARE(request->parent(), &parent);
        bool sync = true;
        const Outcome outcome = waitFor(request, &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(!sync);
        QVERIFY(outcome.succeeded);
        QCOMPARE(
            outcome.response.auth,
            QStringLiteral("278d425bdf160c739803:"
                           "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"));
        QVERIFY(outcome.response.channelData.isEmpty());
        QVERIFY(outcome.response.sharedSecret.isEmpty());
    }

    void presenceChannel()
    {
        const QJsonObject info{{QStringLiteral("name"), QStringLiteral("Mr. Channels")}};
        LocalSigner signer(Key, Secret, QStringLiteral("10"), info);
        QCOMPARE(signer.presenceChannelData(),
                 QStringLiteral(R"({"user_id":"10","user_info":{"name":"Mr. Channels"}})"));
        QObject parent;
        bool sync = true;
        const Outcome outcome = waitFor(
            signer.authorizeChannel(Socket, QStringLiteral("presence-foobar"), &parent), &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(!sync);
        QVERIFY(outcome.succeeded);
        QCOMPARE(outcome.response.channelData, signer.presenceChannelData());
        // That channel data is exactly V4's input.
        QCOMPARE(
            outcome.response.auth,
            QStringLiteral("278d425bdf160c739803:"
                           "4c6d8fc42a207ba96a0779844171b0bb819d96ffceef9609f5cce596ab17a800"));
        QCOMPARE(outcome.response.auth,
                 Signer(Key, Secret)
                     .presenceAuth(Socket, QStringLiteral("presence-foobar"),
                                   outcome.response.channelData));
    }

    void presenceWithoutUserInfo()
    {
        LocalSigner signer(Key, Secret, QStringLiteral("alice"));
        QCOMPARE(signer.presenceChannelData(), QStringLiteral(R"({"user_id":"alice"})"));
        QCOMPARE(signer.userData(), QStringLiteral(R"({"id":"alice"})"));
    }

    void encryptedChannel()
    {
        LocalSigner signer(Key, Secret, QStringLiteral("10"), {}, masterKey());
        QObject parent;
        bool sync = true;
        const QString channel = QStringLiteral("private-encrypted-bla");
        const Outcome outcome = waitFor(signer.authorizeChannel(Socket, channel, &parent), &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(!sync);
        QVERIFY(outcome.succeeded);
        QCOMPARE(outcome.response.auth, Signer(Key, Secret).channelAuth(Socket, channel));
        QCOMPARE(outcome.response.sharedSecret.toBase64(),
                 QByteArray("nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=")); // V7
    }

    void encryptedChannelWithoutMasterKey()
    {
        LocalSigner signer(Key, Secret, QStringLiteral("10"));
        QObject parent;
        bool sync = true;
        const Outcome outcome = waitFor(
            signer.authorizeChannel(Socket, QStringLiteral("private-encrypted-bla"), &parent),
            &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(!sync);
        QVERIFY(outcome.failed);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
        QVERIFY2(outcome.error.message.contains(QLatin1String("master key")),
                 qPrintable(outcome.error.message));
    }

    void encryptedChannelWithShortMasterKey()
    {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("master key must be 32")));
        LocalSigner signer(Key, Secret, QStringLiteral("10"), {}, masterKey().left(16));
        QObject parent;
        bool sync = true;
        const Outcome outcome = waitFor(
            signer.authorizeChannel(Socket, QStringLiteral("private-encrypted-bla"), &parent),
            &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.failed);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
    }

    void userAuthentication()
    {
        const QJsonObject info{{QStringLiteral("name"), QStringLiteral("Zoë")}};
        LocalSigner signer(Key, Secret, QStringLiteral("12345"), info);
        QCOMPARE(signer.userData(),
                 QString::fromUtf8(R"({"id":"12345","user_info":{"name":"Zoë"}})"));
        QObject parent;
        bool sync = true;
        const Outcome outcome = waitFor(signer.authenticateUser(Socket, &parent), &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(!sync);
        QVERIFY(outcome.succeeded);
        QCOMPARE(outcome.response.userData, signer.userData());
        QCOMPARE(outcome.response.auth,
                 Signer(Key, Secret).userAuth(Socket, outcome.response.userData));
    }

    void userAuthenticationV2()
    {
        LocalSigner signer(Key, Secret, QStringLiteral("12345"));
        QObject parent;
        bool sync = true;
        const Outcome outcome = waitFor(signer.authenticateUser(Socket, &parent), &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(outcome.succeeded);
        QCOMPARE(outcome.response.userData, QStringLiteral(R"({"id":"12345"})"));
        QCOMPARE(
            outcome.response.auth,
            QStringLiteral("278d425bdf160c739803:"
                           "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba"));
    }

    void publicChannelRejected_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::newRow("plain") << QStringLiteral("my-channel");
        QTest::newRow("cache") << QStringLiteral("cache-news");
        QTest::newRow("prefix not at start") << QStringLiteral("x-private-foo");
    }

    void publicChannelRejected()
    {
        QFETCH(QString, channel);
        LocalSigner signer(Key, Secret, QStringLiteral("10"));
        QObject parent;
        bool sync = true;
        const Outcome outcome = waitFor(signer.authorizeChannel(Socket, channel, &parent), &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(!sync);
        QVERIFY(outcome.failed);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.kind, AuthError::Kind::BadResponse);
        QCOMPARE(outcome.error.message, QStringLiteral("public channels need no authorization"));
    }

    void invalidSocketIdRejected()
    {
        LocalSigner signer(Key, Secret, QStringLiteral("10"));
        QObject parent;
        bool sync = true;
        const Outcome outcome = waitFor(
            signer.authorizeChannel(QStringLiteral("1234.1234:private-other"),
                                    QStringLiteral("private-foobar"), &parent),
            &sync);
        QCOMPARE(outcome.count, 1);
        QVERIFY(!sync);
        QVERIFY(outcome.failed);
    }

    void deletingCancels()
    {
        LocalSigner signer(Key, Secret, QStringLiteral("10"));
        QObject parent;
        AuthRequest *request = signer.authorizeChannel(Socket, QStringLiteral("private-foobar"),
                                                       &parent);
        int signals_ = 0;
        connect(request, &AuthRequest::succeeded, &parent, [&] { ++signals_; });
        connect(request, &AuthRequest::failed, &parent, [&] { ++signals_; });
        delete request;
        QTest::qWait(20);
        QCOMPARE(signals_, 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalSigner)
#include "tst_localsigner.moc"
