#include "FakeAuthorizer.h"

#include "FakeClock.h"

#include <QTest>

using namespace natter::pusher;

AuthRequest *FakeAuthorizer::authorizeChannel(const QString &socketId, const QString &channelName,
                                              QObject *parent)
{
    return record(Kind::Channel, socketId, channelName, parent);
}

AuthRequest *FakeAuthorizer::authenticateUser(const QString &socketId, QObject *parent)
{
    return record(Kind::User, socketId, QString(), parent);
}

AuthRequest *FakeAuthorizer::record(Kind kind, const QString &socketId, const QString &channel,
                                    QObject *parent)
{
    auto *request = new AuthRequest(parent);
    requests.append({kind, socketId, channel, request, false});
    if (autoAnswer) {
        if (const std::optional<Answer> answer = autoAnswer(requests.last())) {
            requests.last().answered = true;
            if (const auto *response = std::get_if<AuthResponse>(&*answer))
                request->resolve(*response);
            else
                request->reject(std::get<AuthError>(*answer));
        }
    }
    return request;
}

QList<int> FakeAuthorizer::pendingIndexes() const
{
    QList<int> out;
    for (int i = 0; i < requests.size(); ++i) {
        if (isPending(i))
            out.append(i);
    }
    return out;
}

bool FakeAuthorizer::isPending(int i) const
{
    const Request &r = requests.at(i);
    return r.request && !r.answered;
}

int FakeAuthorizer::countFor(const QString &channel) const
{
    int n = 0;
    for (const Request &r : requests)
        n += r.channel == channel ? 1 : 0;
    return n;
}

int FakeAuthorizer::lastIndexFor(const QString &channel) const
{
    for (int i = int(requests.size()) - 1; i >= 0; --i) {
        if (requests.at(i).channel == channel)
            return i;
    }
    return -1;
}

bool FakeAuthorizer::respond(int i, const AuthResponse &response)
{
    if (i < 0 || i >= requests.size()) {
        QTest::qFail(qPrintable(QStringLiteral("FakeAuthorizer: no request #%1 (%2 recorded)")
                                    .arg(i)
                                    .arg(requests.size())),
                     __FILE__, __LINE__);
        return false;
    }
    Request &r = requests[i];
    r.answered = true;
    if (!r.request)
        return false;
    r.request->resolve(response);
    FakeClock::pumpEvents();
    return true;
}

bool FakeAuthorizer::reject(int i, const AuthError &error)
{
    if (i < 0 || i >= requests.size()) {
        QTest::qFail(qPrintable(QStringLiteral("FakeAuthorizer: no request #%1 (%2 recorded)")
                                    .arg(i)
                                    .arg(requests.size())),
                     __FILE__, __LINE__);
        return false;
    }
    Request &r = requests[i];
    r.answered = true;
    if (!r.request)
        return false;
    r.request->reject(error);
    FakeClock::pumpEvents();
    return true;
}

bool FakeAuthorizer::respondDefault(int i)
{
    if (i < 0 || i >= requests.size()) {
        QTest::qFail(qPrintable(QStringLiteral("FakeAuthorizer: no request #%1 (%2 recorded)")
                                    .arg(i)
                                    .arg(requests.size())),
                     __FILE__, __LINE__);
        return false;
    }
    return respond(i, defaultResponse(requests.at(i)));
}

void FakeAuthorizer::setAutoAnswerDefault()
{
    autoAnswer = [this](const Request &r) -> std::optional<Answer> { return defaultResponse(r); };
}

QString FakeAuthorizer::presenceChannelData() const
{
    return QStringLiteral("{\"user_id\":\"%1\",\"user_info\":{\"name\":\"%2\"}}")
        .arg(userId, userName);
}

QString FakeAuthorizer::userData() const
{
    return QStringLiteral("{\"id\":\"%1\",\"user_info\":{\"name\":\"%2\"}}").arg(userId, userName);
}

AuthResponse FakeAuthorizer::defaultResponse(const Request &request) const
{
    AuthResponse response;
    if (request.kind == Kind::User) {
        response.auth = QStringLiteral("key:user-sig-%1").arg(request.socketId);
        response.userData = userData();
        return response;
    }
    response.auth = QStringLiteral("key:sig-%1-%2").arg(request.socketId, request.channel);
    if (request.channel.startsWith(QLatin1String("presence-")))
        response.channelData = presenceChannelData();
    if (request.channel.startsWith(QLatin1String("private-encrypted-")))
        response.sharedSecret = sharedSecret;
    return response;
}

AuthError FakeAuthorizer::error(AuthError::Kind kind, int status, const QString &message)
{
    AuthError e;
    e.kind = kind;
    e.httpStatus = status;
    e.message = message;
    return e;
}
