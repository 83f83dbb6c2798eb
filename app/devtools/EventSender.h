#pragma once

#include "EventDraft.h"

#include <pusher/Client.h>
#include <pusher/RestClient.h>

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace natter::chat {
class NatterServerApi;
}

namespace natter::devtools {

// Sends what the Event creator composed: through the REST API (needs the app id and secret;
// optionally excluding our own connection), through natter-server's POST /debug/events (a
// natter-server profile whose user is one of the server's debug users), or as a client event on
// a channel this connection has subscribed. Every send ends with exactly one finished(), always
// asynchronously: the server's answer, or why nothing was sent.
class EventSender : public QObject
{
    Q_OBJECT
public:
    // The manager is not owned.
    explicit EventSender(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EventSender() override;

    void setClient(natter::pusher::Client *client);
    natter::pusher::Client *client() const { return m_client; }
    // Without a config (no app secret) only client events can be sent.
    void setRestConfig(const std::optional<natter::pusher::RestConfig> &config);
    natter::pusher::RestClient *rest() const { return m_rest.get(); }
    // The logged-in natter-server API (not owned; null: no natter-server sending).
    void setServerApi(natter::chat::NatterServerApi *api);
    natter::chat::NatterServerApi *serverApi() const;

    // Returns the send's id, which finished() carries.
    int send(const EventDraft &draft, bool excludeOwnConnection = false);

signals:
    void finished(int id, bool ok, const QString &answer);

private:
    void finishLater(int id, bool ok, const QString &answer);
    void sendThroughServer(int id, const EventDraft &draft, bool excludeOwnConnection);

    QNetworkAccessManager *m_network;
    std::unique_ptr<natter::pusher::RestClient> m_rest;
    QPointer<natter::pusher::Client> m_client;
    QPointer<natter::chat::NatterServerApi> m_serverApi;
    QList<QMetaObject::Connection> m_clientSignals;
    QHash<QString, int> m_clientEventTags; // tag -> id, until confirmed or rejected
    int m_nextId = 1;
};

} // namespace natter::devtools
