#pragma once

#include "pusher/AuthRequest.h"
#include "pusher/AuthResponse.h"
#include "pusher/Authorizer.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <variant>

// An Authorizer the test answers by hand: every request is recorded and stays pending until
// respond(i, ...) / reject(i, ...) (or an auto-answer). Answers go through AuthRequest's real,
// queued resolve()/reject(); respond()/reject() deliver them before returning.
class FakeAuthorizer : public natter::pusher::Authorizer
{
public:
    enum class Kind { Channel, User };
    struct Request
    {
        Kind kind = Kind::Channel;
        QString socketId;
        QString channel; // empty for user requests
        QPointer<natter::pusher::AuthRequest> request; // null once the requester cancelled it
        bool answered = false;
    };
    using Answer = std::variant<natter::pusher::AuthResponse, natter::pusher::AuthError>;
    using AutoAnswer = std::function<std::optional<Answer>(const Request &)>;

    natter::pusher::AuthRequest *authorizeChannel(const QString &socketId,
                                                  const QString &channelName,
                                                  QObject *parent) override;
    natter::pusher::AuthRequest *authenticateUser(const QString &socketId, QObject *parent) override;

    QList<Request> requests;
    int count() const { return int(requests.size()); }
    const Request &at(int i) const { return requests.at(i); }
    const Request &last() const { return requests.last(); }
    // Requests still waiting for an answer (not answered, not cancelled).
    QList<int> pendingIndexes() const;
    bool isPending(int i) const;
    bool isCancelled(int i) const { return !requests.at(i).request; }
    int countFor(const QString &channel) const;
    int lastIndexFor(const QString &channel) const; // -1 if none

    // Answer request i; false when it was cancelled (nothing is delivered then).
    bool respond(int i, const natter::pusher::AuthResponse &response);
    bool reject(int i, const natter::pusher::AuthError &error);
    // respond(i, defaultResponse(request i)).
    bool respondDefault(int i);
    bool respondLast() { return respondDefault(count() - 1); }

    // When set, each new request is answered at once (still asynchronously, as AuthRequest does)
    // with what this returns; nullopt leaves the request pending.
    AutoAnswer autoAnswer;
    // Auto-answer every request with defaultResponse().
    void setAutoAnswerDefault();

    // A plausible answer for a request: "key:<sig>" auth; presence: channelData for `userId`
    // (with user_info {"name": userName}); encrypted: sharedSecret = `sharedSecret`;
    // user: userData {"id": userId, "user_info": {...}}.
    natter::pusher::AuthResponse defaultResponse(const Request &request) const;
    QString userId = QStringLiteral("me");
    QString userName = QStringLiteral("Me");
    QByteArray sharedSecret = QByteArray(32, 'k');
    QString presenceChannelData() const;
    QString userData() const;

    static natter::pusher::AuthError error(natter::pusher::AuthError::Kind kind, int status,
                                           const QString &message = QStringLiteral("auth failed"));

private:
    natter::pusher::AuthRequest *record(Kind kind, const QString &socketId, const QString &channel,
                                        QObject *parent);
};
