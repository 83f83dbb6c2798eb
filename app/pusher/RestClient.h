#pragma once

#include "CaBundle.h"
#include "Signer.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace natter::pusher {

class RestReply;

struct RestConfig
{
    QUrl baseUrl; // e.g. http://127.0.0.1:6001 (soketi) or RestClient::hostedBaseUrl("mt1")
    QString appId;
    QString key;
    QByteArray secret;
    int timeoutMs = 10000; // whole request; <= 0 disables
    QString caBundlePath; // extra trusted CAs (PEM); verification stays on
};

struct BatchEvent
{
    QString channel;
    QString name;
    QString data;
    QString socketId; // optional: the connection to exclude
};

// Publisher side of the Channels HTTP API, signed with the app secret: for the backend, the CLI
// and tests, never for a shipped client. Calls that break the documented limits (10 KB data,
// 100 channels, 10 batch events, 200-char event names, channel name rules, socket id format)
// fail locally without sending anything, so a limit bug shows up as a clear message rather than
// a 413 or 400.
class RestClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxChannelsPerTrigger = 100;
    static constexpr int MaxBatchEvents = 10;
    static constexpr int MaxEventNameLength = 200;
    static constexpr int MaxChannelNameLength = 200;
    static constexpr int MaxDataBytes = 10240;

    // The manager is not owned; it carries the proxy and connection reuse.
    RestClient(QNetworkAccessManager *network, RestConfig config, QObject *parent = nullptr);

    // https://api-<cluster>.pusher.com (mt1 if cluster is empty).
    static QUrl hostedBaseUrl(const QString &cluster);

    // Unix seconds for auth_timestamp; the default reads the wall clock. Tests pin it to
    // reproduce the documented signatures.
    void setTimestampProvider(std::function<qint64()> provider);

    const RestConfig &config() const { return m_config; }

    // Each call returns a reply parented to this client; see RestReply for ownership.
    RestReply *trigger(const QStringList &channels, const QString &event, const QString &data,
                       const QString &socketId = {});
    RestReply *triggerBatch(const QList<BatchEvent> &events);
    RestReply *channels(const QString &prefix = {}, const QStringList &info = {});
    RestReply *channelInfo(const QString &channel, const QStringList &info = {});
    RestReply *presenceUsers(const QString &channel);
    // Server-to-user event: a trigger on #server-to-user-<userId>.
    RestReply *sendToUser(const QString &userId, const QString &event, const QString &data);
    RestReply *terminateUserConnections(const QString &userId);

    // Signed requests to any path under /apps/<app_id> (path starts with '/', already
    // percent-encoded where needed) for endpoints without a dedicated method.
    RestReply *get(const QString &appPath, const Signer::QueryParams &params = {});
    RestReply *post(const QString &appPath, const QByteArray &jsonBody);

    // The pieces of a request, exposed so tests and tools can check them without a server.
    static QByteArray triggerBody(const QStringList &channels, const QString &event,
                                  const QString &data, const QString &socketId = {});
    static QByteArray batchBody(const QList<BatchEvent> &events);
    // The absolute path of an app endpoint, e.g. /apps/3/events.
    QString appPath(const QString &suffix) const;

private:
    RestReply *send(const QByteArray &method, const QString &appPath,
                    const Signer::QueryParams &params, const QByteArray &body);
    RestReply *rejected(const QString &error);
    QString validateEvent(const QString &channel, const QString &name, const QString &data,
                          const QString &socketId) const;

    QNetworkAccessManager *m_network;
    RestConfig m_config;
    Signer m_signer;
    CaBundle m_caBundle;
    std::function<qint64()> m_timestamp;
};

} // namespace natter::pusher
