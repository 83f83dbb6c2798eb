// The RestClient test rig shared by tst_restclient and tst_restclienterrors: a RestClient with a
// pinned timestamp against an in-process HTTP server, and a signature check as a server does it.
#pragma once

#include "FakeHttpServer.h"

#include "pusher/RestClient.h"
#include "pusher/RestReply.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace natter::pusher;

namespace restclientrig {

inline const QString Key = QStringLiteral("278d425bdf160c739803");
inline const QByteArray Secret = "7ad3773142a6692b25b8";
inline constexpr qint64 Timestamp = 1353088179;

// Checks a request the way soketi and Pusher do, independently of Signer: decode the query,
// drop auth_signature, sort by key, sign "METHOD\nPATH\nk=v&..." and compare; check body_md5.
inline QString serverVerdict(const FakeHttpServer::Request &request)
{
    QList<QPair<QString, QString>> items = request.queryItems();
    QString signature;
    for (qsizetype i = items.size() - 1; i >= 0; --i) {
        if (items.at(i).first == QLatin1String("auth_signature"))
            signature = items.takeAt(i).second;
    }
    std::sort(items.begin(), items.end());
    QStringList pairs;
    QString bodyMd5;
    for (const auto &[key, value] : items) {
        pairs.append(key + QLatin1Char('=') + value);
        if (key == QLatin1String("body_md5"))
            bodyMd5 = value;
    }
    if (!request.body.isEmpty()
        && bodyMd5.toLatin1()
            != QCryptographicHash::hash(request.body, QCryptographicHash::Md5).toHex())
        return QStringLiteral("body_md5 mismatch");
    const QByteArray toSign = request.method + '\n' + request.path + '\n'
        + pairs.join(QLatin1Char('&')).toUtf8();
    const QByteArray expected
        = QMessageAuthenticationCode::hash(toSign, Secret, QCryptographicHash::Sha256).toHex();
    return signature.toLatin1() == expected
        ? QStringLiteral("ok")
        : QStringLiteral("bad signature for ") + QString::fromUtf8(toSign);
}

inline bool waitFinished(RestReply *reply, int timeoutMs = 5000)
{
    QSignalSpy spy(reply, &RestReply::finished);
    if (reply->isFinished())
        return false; // finished must never be emitted synchronously
    if (!spy.wait(timeoutMs))
        return false;
    QTest::qWait(5);
    return spy.count() == 1 && reply->isFinished();
}

// The network, server and client of one test function (the test's init() makes them). Not a
// QObject: QtTest would run a QObject base's private slots as tests of every class deriving it.
class RestRig
{
protected:
    QNetworkAccessManager *m_network = nullptr;
    FakeHttpServer *m_server = nullptr;
    RestClient *m_client = nullptr;

    RestConfig config() const
    {
        RestConfig c;
        c.baseUrl = m_server->url();
        c.appId = QStringLiteral("3");
        c.key = Key;
        c.secret = Secret;
        return c;
    }

    const FakeHttpServer::Request &onlyRequest()
    {
        static const FakeHttpServer::Request none;
        if (m_server->requests().size() != 1) {
            qWarning("expected exactly one request, got %d", int(m_server->requests().size()));
            return none; // the comparisons that follow fail
        }
        return m_server->requests().first();
    }
};

} // namespace restclientrig

using namespace restclientrig;
