// The rig shared by tst_httpauthorizerbatch and tst_httpauthorizerbatchfailures: HttpAuthorizer
// with batching on against an in-process HTTP server that answers like BatchAuthEndpoint, and
// what each request emitted.
#pragma once

#include "BatchAuthEndpoint.h"
#include "FakeHttpServer.h"

#include "pusher/AuthRequest.h"
#include "pusher/HttpAuthorizer.h"
#include "pusher/Signer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace natter::pusher;

Q_DECLARE_METATYPE(FakeHttpServer::Response)
Q_DECLARE_METATYPE(natter::pusher::AuthError::Kind)

namespace httpauthorizerbatchrig {

inline const QString &Key = BatchAuthEndpoint::Key;
inline const QByteArray &Secret = BatchAuthEndpoint::Secret;
inline const QString &ChannelData = BatchAuthEndpoint::ChannelData;
inline const QString Socket = QStringLiteral("1234.1234");

inline QStringList batchedChannels(const FakeHttpServer::Request &request)
{
    return BatchAuthEndpoint::batchedChannels(request);
}

inline QJsonObject signedAnswer(const QString &socketId, const QString &channel)
{
    return BatchAuthEndpoint::signedAnswer(socketId, channel);
}

inline FakeHttpServer::Response signingHandler(const FakeHttpServer::Request &request)
{
    return BatchAuthEndpoint::handle(request);
}

struct Outcome
{
    int count = 0;
    bool succeeded = false;
    AuthResponse response;
    AuthError error;
};

// Records what a request emits; read it after the event loop has run.
inline std::shared_ptr<Outcome> watch(AuthRequest *request)
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
    return outcome;
}

inline bool allDone(const QList<std::shared_ptr<Outcome>> &outcomes, int timeoutMs = 5000)
{
    const bool done = QTest::qWaitFor(
        [&] {
            return std::all_of(outcomes.begin(), outcomes.end(),
                               [](const auto &o) { return o->count > 0; });
        },
        timeoutMs);
    QTest::qWait(20); // a second emission would show up here
    return done;
}

inline QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The network and server of one test function (the test's init() makes them). Not a QObject:
// QtTest would run a QObject base's private slots as tests of every class that derives from it.
class BatchRig
{
protected:
    QNetworkAccessManager *m_network = nullptr;
    FakeHttpServer *m_server = nullptr;

    HttpAuthorizerOptions options() const
    {
        HttpAuthorizerOptions o;
        o.channelEndpoint = m_server->url(QStringLiteral("/pusher/auth"));
        o.userEndpoint = m_server->url(QStringLiteral("/pusher/user-auth"));
        o.batching = true;
        return o;
    }

    // Asks for `channels` in one event-loop turn.
    QList<std::shared_ptr<Outcome>> ask(HttpAuthorizer &authorizer, const QStringList &channels,
                                        QObject *parent, const QString &socketId = Socket,
                                        QList<AuthRequest *> *requests = nullptr)
    {
        QList<std::shared_ptr<Outcome>> outcomes;
        for (const QString &channel : channels) {
            AuthRequest *request = authorizer.authorizeChannel(socketId, channel, parent);
            if (requests)
                requests->append(request);
            outcomes.append(watch(request));
        }
        return outcomes;
    }

    static QStringList names(const QString &prefix, int count)
    {
        QStringList list;
        for (int i = 0; i < count; ++i)
            list.append(prefix + QString::number(i));
        return list;
    }
};

} // namespace httpauthorizerbatchrig

using namespace httpauthorizerbatchrig;
