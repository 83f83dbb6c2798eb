#include "AuthBatch.h"

#include "AuthRequest.h"
#include "AuthResponseReader.h"
#include "LogAuth.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <variant>

namespace natter::pusher {

namespace {

// One channel's part of a batch answer, mapped the way a single request's whole answer is.
std::variant<AuthResponse, AuthError> readEntry(const QJsonValue &value, const QString &channel)
{
    const auto bad = [](const QString &reason) {
        return AuthError{AuthError::Kind::BadResponse, 200,
                         QStringLiteral("HTTP 200 with an unusable batch entry: %1").arg(reason)};
    };
    if (value.isUndefined())
        return bad(QStringLiteral("no answer for this channel"));
    if (!value.isObject())
        return bad(QStringLiteral("not a JSON object"));
    const QJsonObject entry = value.toObject();
    const QJsonValue statusValue = entry.value(QLatin1String("status"));
    int status = 200; // pusher-js-auth: no status means success
    if (!statusValue.isUndefined() && !statusValue.isNull()) {
        if (!statusValue.isDouble())
            return bad(QStringLiteral("\"status\" is not a number"));
        status = statusValue.toInt();
    }
    const QJsonValue data = entry.value(QLatin1String("data"));
    if (status != 200) {
        QString message = QStringLiteral("HTTP %1").arg(status);
        const QString fromServer = data.isObject()
            ? AuthResponseReader::errorText(data.toObject())
            : (data.isString() ? AuthResponseReader::shortened(data.toString()) : QString());
        if (!fromServer.isEmpty())
            message += QStringLiteral(": ") + fromServer;
        return AuthError{AuthResponseReader::kindForStatus(status), status, message};
    }
    if (!data.isObject())
        return bad(QStringLiteral("no \"data\" object"));
    QString reason;
    const auto response = AuthResponseReader::read(data.toObject(),
                                                   AuthResponseReader::purposeOf(channel), &reason);
    if (!response)
        return bad(reason);
    return *response;
}

} // namespace

void AuthBatch::add(const QString &channelName, AuthRequest *request)
{
    m_entries.append({channelName, request});
}

QList<AuthBatch::Entry> AuthBatch::liveEntries() const
{
    QList<Entry> live;
    for (const Entry &entry : m_entries) {
        if (entry.request)
            live.append(entry);
    }
    return live;
}

bool AuthBatch::hasLiveRequests() const
{
    for (const Entry &entry : m_entries) {
        if (entry.request)
            return true;
    }
    return false;
}

QStringList AuthBatch::channelNames() const
{
    QStringList names;
    for (const Entry &entry : m_entries) {
        if (entry.request && !names.contains(entry.channelName))
            names.append(entry.channelName);
    }
    return names;
}

bool AuthBatch::distribute(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return false;
    const QJsonObject object = document.object();
    if (object.contains(QLatin1String("auth")))
        return false; // a single answer: the endpoint read one channel_name, or none
    const QStringList names = channelNames();
    bool anyAnswered = false;
    for (const QString &name : names)
        anyAnswered = anyAnswered || object.value(name).isObject();
    if (!anyAnswered)
        return false;

    for (const Entry &entry : m_entries) {
        if (!entry.request)
            continue;
        const auto outcome = readEntry(object.value(entry.channelName), entry.channelName);
        if (const auto *response = std::get_if<AuthResponse>(&outcome)) {
            qCDebug(lcPusherAuth) << "authorized" << entry.channelName << "(batched)";
            entry.request->resolve(*response);
        } else {
            const AuthError &error = std::get<AuthError>(outcome);
            qCInfo(lcPusherAuth) << "authorization for" << entry.channelName
                                 << "failed:" << error.message;
            entry.request->reject(error);
        }
    }
    return true;
}

void AuthBatch::rejectAll(const AuthError &error)
{
    for (const Entry &entry : m_entries) {
        if (entry.request) {
            qCInfo(lcPusherAuth) << "authorization for" << entry.channelName
                                 << "failed:" << error.message;
            entry.request->reject(error);
        }
    }
}

} // namespace natter::pusher
