// NatterServerApi: the author's edits and deletes of stored messages.
#include "NatterServerApi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace natter::chat {

namespace {

QString messagePath(const QString &room, qint64 serverId)
{
    return QStringLiteral("/rooms/%1/messages/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(room)))
        .arg(serverId);
}

} // namespace

void NatterServerApi::editMessage(
    const QString &room, qint64 serverId, const QString &text, const QString &socketId,
    std::function<void(const Failure &, const std::optional<ChatMessage> &)> done)
{
    QJsonObject body{{QStringLiteral("text"), text}};
    if (!socketId.isEmpty())
        body.insert(QStringLiteral("socket_id"), socketId);
    request("PATCH", messagePath(room, serverId),
            QJsonDocument(body).toJson(QJsonDocument::Compact), true,
            [done](const Failure &failure, int status, const QJsonObject &json) {
                if (!failure.ok()) {
                    done(failure, std::nullopt);
                    return;
                }
                std::optional<ChatMessage> m = parseMessage(json);
                if (!m) {
                    Failure f;
                    f.error = Error::BadResponse;
                    f.status = status;
                    f.message = tr("The server's answer is not a message.");
                    done(f, std::nullopt);
                    return;
                }
                done(failure, m);
            });
}

void NatterServerApi::deleteMessage(
    const QString &room, qint64 serverId, const QString &socketId,
    std::function<void(const Failure &, const std::optional<ChatMessage> &)> done)
{
    QJsonObject body;
    if (!socketId.isEmpty())
        body.insert(QStringLiteral("socket_id"), socketId);
    request("DELETE", messagePath(room, serverId),
            QJsonDocument(body).toJson(QJsonDocument::Compact), true,
            [done](const Failure &failure, int status, const QJsonObject &json) {
                if (!failure.ok()) {
                    done(failure, std::nullopt);
                    return;
                }
                std::optional<ChatMessage> m = parseMessage(json);
                if (!m) {
                    Failure f;
                    f.error = Error::BadResponse;
                    f.status = status;
                    f.message = tr("The server's answer is not a message.");
                    done(f, std::nullopt);
                    return;
                }
                done(failure, m);
            });
}

} // namespace natter::chat
