#include "BatchAuthEndpoint.h"

#include "pusher/Signer.h"

#include <QJsonDocument>

#include <algorithm>

using natter::pusher::Signer;

namespace {

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QStringList BatchAuthEndpoint::batchedChannels(const FakeHttpServer::Request &request)
{
    const auto fields = request.formFields();
    QStringList channels;
    for (int i = 0;; ++i) {
        const QString name = QStringLiteral("channel_name[%1]").arg(i);
        const auto found = std::find_if(fields.begin(), fields.end(),
                                        [&name](const auto &field) { return field.first == name; });
        if (found == fields.end())
            return channels;
        channels.append(found->second);
    }
}

QJsonObject BatchAuthEndpoint::signedAnswer(const QString &socketId, const QString &channel)
{
    const Signer signer(Key, Secret);
    if (channel.startsWith(QLatin1String("presence-")))
        return {{QStringLiteral("auth"), signer.presenceAuth(socketId, channel, ChannelData)},
                {QStringLiteral("channel_data"), ChannelData}};
    return {{QStringLiteral("auth"), signer.channelAuth(socketId, channel)}};
}

FakeHttpServer::Response BatchAuthEndpoint::handle(const FakeHttpServer::Request &request)
{
    const QString socketId = request.formValue(QStringLiteral("socket_id"));
    const QStringList channels = batchedChannels(request);
    if (channels.isEmpty()) {
        const QString channel = request.formValue(QStringLiteral("channel_name"));
        if (channel.endsWith(QLatin1String("-forbidden")))
            return FakeHttpServer::Response::json(R"({"error":"not yours"})", 403);
        return FakeHttpServer::Response::json(jsonBody(signedAnswer(socketId, channel)));
    }
    QJsonObject answer;
    for (const QString &channel : channels) {
        if (channel.endsWith(QLatin1String("-forbidden"))) {
            const QJsonObject error{{QStringLiteral("error"), QStringLiteral("not yours")}};
            answer.insert(
                channel,
                QJsonObject{{QStringLiteral("status"), 403}, {QStringLiteral("data"), error}});
        } else {
            answer.insert(channel,
                          QJsonObject{{QStringLiteral("status"), 200},
                                      {QStringLiteral("data"), signedAnswer(socketId, channel)}});
        }
    }
    return FakeHttpServer::Response::json(jsonBody(answer));
}
