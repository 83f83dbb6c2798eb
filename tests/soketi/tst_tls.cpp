// TLS against a real soketi serving a certificate made at test time (openssl): self-signed and
// not in any trust store → the login fails as a TLS failure (not "unreachable"), with the TLS
// hint on the login page; the same certificate as the profile's CA file → logged in; a
// certificate for another host name, even from a trusted CA file → refused.
#include "SelfSignedCertificate.h"
#include "SoketiServer.h"

#include "LoginPage.h"
#include "chat/ChatController.h"
#include "chat/ConnectionStatus.h"
#include "chat/Outbox.h"
#include "chat/Room.h"

#include <pusher/Connection.h>
#include <pusher/LocalSigner.h>

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter::chat;
using natter::pusher::LocalSigner;
using LoginError = ChatController::LoginError;

namespace {

constexpr int kWait = 20000;

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// A soketi that speaks only TLS, with this certificate.
struct TlsSoketi
{
    explicit TlsSoketi(const QString &subjectAltName = S("IP:127.0.0.1,DNS:localhost"))
        : certificate(subjectAltName)
    {
    }

    bool start()
    {
        if (!certificate.isValid()) {
            error = certificate.error();
            return false;
        }
        soketi.setEnv(S("SOKETI_SSL_CERT"), certificate.certificatePath());
        soketi.setEnv(S("SOKETI_SSL_KEY"), certificate.keyPath());
        if (!soketi.start(0, 30000)) {
            error = soketi.error();
            return false;
        }
        return true;
    }

    natter::pusher::ConnectionOptions options() const
    {
        auto o = soketi.connectionOptions();
        o.tls = true;
        return o;
    }

    SelfSignedCertificate certificate;
    SoketiServer soketi;
    QString error;
};

struct Attempt
{
    Attempt()
        : signer(QString::fromLatin1(SoketiServer::Key), QByteArray(SoketiServer::Secret),
                 S("alice"), QJsonObject{{S("name"), S("Alice")}})
        , outbox(dir.filePath(S("outbox-tls-alice.json")))
        , chat(&outbox)
        , loggedIn(&chat, &ChatController::loggedIn)
        , failed(&chat, &ChatController::loginFailed)
        , retrying(&chat, &ChatController::loginRetrying)
    {
    }

    // Logs in to lobby; true once loggedIn() or loginFailed() came.
    bool run(const natter::pusher::ConnectionOptions &options)
    {
        chat.joinRoom(S("lobby"));
        chat.start(options, &signer, S("alice"), S("Alice"));
        return QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, kWait);
    }

    LoginError failure() const { return failed.at(0).at(0).value<LoginError>(); }
    QString message() const { return failed.at(0).at(1).toString(); }

    QTemporaryDir dir;
    LocalSigner signer;
    Outbox outbox;
    ChatController chat;
    QSignalSpy loggedIn;
    QSignalSpy failed;
    QSignalSpy retrying;
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private slots:
    void selfSignedCertificateIsRefusedAsTls()
    {
        TlsSoketi server;
        if (!server.start())
            QSKIP(qPrintable(server.error));
        Attempt a;
        QVERIFY(a.run(server.options()));
        QCOMPARE(a.loggedIn.size(), 0);
        QCOMPARE(a.failure(), LoginError::Tls);
        // Never reported as unreachable on the way (the retry path shows the network hint).
        for (const auto &r : std::as_const(a.retrying))
            QVERIFY2(r.at(0).value<LoginError>() != LoginError::Unreachable,
                     qPrintable(r.at(1).toString()));
        QVERIFY(!a.chat.isStarted());
        QVERIFY2(a.message().contains(S("not trusted")), qPrintable(a.message()));

        // What the window shows for it: the TLS title and hint, not the network ones.
        natter::ui::LoginPage page;
        page.showError(a.failure(), a.message());
        QCOMPARE(page.errorTitle()->text(), natter::ui::LoginPage::titleFor(LoginError::Tls));
        QCOMPARE(page.errorHint()->text(), natter::ui::LoginPage::hintFor(LoginError::Tls));
        QVERIFY(page.errorHint()->text() != natter::ui::LoginPage::hintFor(LoginError::Unreachable));
        QVERIFY2(page.errorHint()->text().contains(S("CA file")),
                 qPrintable(page.errorHint()->text()));
    }

    void theProfilesCaFileMakesItTrusted()
    {
        TlsSoketi server;
        if (!server.start())
            QSKIP(qPrintable(server.error));
        Attempt a;
        auto options = server.options();
        options.caBundlePath = server.certificate.certificatePath();
        QVERIFY(a.run(options));
        QVERIFY2(a.failed.isEmpty(), a.failed.isEmpty() ? "" : qPrintable(a.message()));
        QCOMPARE(a.loggedIn.size(), 1);
        QVERIFY(a.chat.connection()->options().url().toString().startsWith(S("wss://")));
        QCOMPARE(a.chat.status()->kind(), ConnectionStatus::Kind::Connected);
    }

    void aCertificateForAnotherHostIsRefused()
    {
        // Trusted (it is the CA file) but issued for another name than 127.0.0.1.
        TlsSoketi server(S("DNS:chat.example.org"));
        if (!server.start())
            QSKIP(qPrintable(server.error));
        Attempt a;
        auto options = server.options();
        options.caBundlePath = server.certificate.certificatePath();
        QVERIFY(a.run(options));
        QCOMPARE(a.loggedIn.size(), 0);
        QCOMPARE(a.failure(), LoginError::Tls);
        QVERIFY2(a.message().contains(S("another host")), qPrintable(a.message()));
    }
};

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
