#pragma once

#include "FakeHttpServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// An auth endpoint for FakeHttpServer that answers single requests (channel_name) and batched
// ones (channel_name[0..n-1], the npm pusher-js-auth 4.0.1 format) the way natter-server does,
// signing with Key/Secret. Channels whose name ends in "-forbidden" are refused (403).
struct BatchAuthEndpoint
{
    static inline const QString Key = QStringLiteral("app-key");
    static inline const QByteArray Secret = "app-secret";
    // every presence member's channel_data
    static inline const QString ChannelData = QStringLiteral(
        R"({"user_id":"u1","user_info":{"name":"alice"}})");

    static FakeHttpServer::Response handle(const FakeHttpServer::Request &request);
    // The channel_name[i] fields of a batched form in index order; empty for a single request.
    static QStringList batchedChannels(const FakeHttpServer::Request &request);
    // What pusher-http-node's authorizeChannel answers for one channel.
    static QJsonObject signedAnswer(const QString &socketId, const QString &channel);
};
