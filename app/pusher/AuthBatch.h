#pragma once

#include "AuthResponse.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace natter::pusher {

class AuthRequest;

// Channel authorizations for one socket id that go to the endpoint as one POST, in the format of
// the npm pusher-js-auth plugin (4.0.1): the form carries socket_id and channel_name[0..n-1],
// the answer is {CHANNEL: {"status": 200, "data": {auth, channel_data?, shared_secret?}},
// OTHER: {"status": 403, "data": {"error": ..}}}, a missing status meaning 200.
//
// The requests are held weakly: a caller cancels by deleting its request, and a batch whose
// requests are all gone is not worth an answer.
class AuthBatch
{
public:
    struct Entry
    {
        QString channelName;
        QPointer<AuthRequest> request;
    };

    explicit AuthBatch(QString socketId)
        : m_socketId(std::move(socketId))
    {
    }

    const QString &socketId() const { return m_socketId; }
    void add(const QString &channelName, AuthRequest *request);

    // Entries whose request still exists, in the order they were added.
    QList<Entry> liveEntries() const;
    bool hasLiveRequests() const;
    // Distinct channel names of the live entries, in the order they were added.
    QStringList channelNames() const;

    // Resolves or rejects every live request from a 200 answer's body. Returns false, touching
    // no request, when the body is not a batch answer at all (not a JSON object, a single
    // answer's {"auth": ..}, or none of the requested channels in it): the endpoint did not
    // understand the batch.
    bool distribute(const QByteArray &body);

    void rejectAll(const AuthError &error);

private:
    QString m_socketId;
    QList<Entry> m_entries;
};

} // namespace natter::pusher
