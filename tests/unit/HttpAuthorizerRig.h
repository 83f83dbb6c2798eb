// The HttpAuthorizer test rig shared by tst_httpauthorizer and tst_httpauthorizernetwork: an
// in-process HTTP server that signs like pusher-http-node, and the outcome of one request.
#pragma once

#include "FakeHttpServer.h"

#include "pusher/AuthRequest.h"
#include "pusher/HttpAuthorizer.h"
#include "pusher/Signer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace natter::pusher;

Q_DECLARE_METATYPE(FakeHttpServer::Response)

namespace httpauthorizerrig {

inline const QString Key = QStringLiteral("278d425bdf160c739803");
inline const QByteArray Secret = "7ad3773142a6692b25b8";
inline const QString Socket = QStringLiteral("1234.1234");
inline const QByteArray V1Auth
    = "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";

struct Outcome
{
    int count = 0;
    bool succeeded = false;
    AuthResponse response;
    AuthError error;
};

inline Outcome waitFor(AuthRequest *request, int timeoutMs = 5000)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(request, &AuthRequest::succeeded, [outcome](const AuthResponse &r) {
        ++outcome->count;
        outcome->succeeded = true;
        outcome->response = r;
    });
    QObject::connect(request, &AuthRequest::failed, [outcome](const AuthError &e) {
        ++outcome->count;
        outcome->error = e;
    });
    if (QTest::qWaitFor([&] { return outcome->count > 0; }, timeoutMs))
        QTest::qWait(10); // a second emission would show up here
    return *outcome;
}

inline QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The network and server of one test function (the test's init() makes them). Not a QObject:
// QtTest would run a QObject base's private slots as tests of every class that derives from it.
class AuthorizerRig
{
protected:
    QNetworkAccessManager *m_network = nullptr;
    FakeHttpServer *m_server = nullptr;

    HttpAuthorizerOptions options() const
    {
        HttpAuthorizerOptions o;
        o.channelEndpoint = m_server->url(QStringLiteral("/pusher/auth"));
        o.userEndpoint = m_server->url(QStringLiteral("/pusher/user-auth"));
        return o;
    }

    // The server signs like pusher-http-node's authorizeChannel would.
    static FakeHttpServer::Response signingHandler(const FakeHttpServer::Request &request)
    {
        const Signer signer(Key, Secret);
        const QString socketId = request.formValue(QStringLiteral("socket_id"));
        const QString channel = request.formValue(QStringLiteral("channel_name"));
        QJsonObject answer;
        if (request.path == "/pusher/user-auth") {
            const QString userData = QStringLiteral(R"({"id":"12345"})");
            answer.insert(QStringLiteral("auth"), signer.userAuth(socketId, userData));
            answer.insert(QStringLiteral("user_data"), userData);
        } else if (channel.startsWith(QLatin1String("presence-"))) {
            const QString channelData = QStringLiteral(
                R"({"user_id":"10","user_info":{"name":"Mr. Channels"}})");
            answer.insert(QStringLiteral("auth"),
                          signer.presenceAuth(socketId, channel, channelData));
            answer.insert(QStringLiteral("channel_data"), channelData);
        } else {
            answer.insert(QStringLiteral("auth"), signer.channelAuth(socketId, channel));
            if (channel.startsWith(QLatin1String("private-encrypted-"))) {
                const QByteArray master = QByteArray::fromBase64(
                    "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
                answer.insert(QStringLiteral("shared_secret"),
                              QString::fromLatin1(Signer::sharedSecret(channel, master).toBase64()));
            }
        }
        return FakeHttpServer::Response::json(jsonBody(answer));
    }
};

} // namespace httpauthorizerrig

using namespace httpauthorizerrig;
