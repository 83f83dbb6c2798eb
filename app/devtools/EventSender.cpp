#include "EventSender.h"

#include "LogDevtools.h"

#include <chat/NatterServerApi.h>
#include <pusher/Channel.h>
#include <pusher/Client.h>
#include <pusher/ClientEventQueue.h>
#include <pusher/Connection.h>
#include <pusher/RestReply.h>

namespace natter::devtools {

using natter::pusher::ClientEventQueue;

EventSender::EventSender(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

EventSender::~EventSender() = default;

void EventSender::setClient(natter::pusher::Client *client)
{
    for (const QMetaObject::Connection &c : std::as_const(m_clientSignals))
        disconnect(c);
    m_clientSignals.clear();
    m_client = client;
    if (!client)
        return;
    ClientEventQueue *queue = client->clientEvents();
    // The chat's own messages go through the same queue: only our tags are ours.
    m_clientSignals << connect(
        queue, &ClientEventQueue::confirmed, this,
        [this](const QString &channel, const QString &, const QString &tag) {
            const int id = m_clientEventTags.take(tag);
            if (id)
                emit finished(
                    id, true,
                    tr("Confirmed: the server read it (pong after the event on %1).").arg(channel));
        });
    m_clientSignals << connect(
        queue, &ClientEventQueue::rejected, this,
        [this](const QString &, const QString &, const QString &tag, const QString &reason) {
            const int id = m_clientEventTags.take(tag);
            if (id)
                emit finished(id, false, tr("Refused: %1").arg(reason));
        });
}

void EventSender::setRestConfig(const std::optional<natter::pusher::RestConfig> &config)
{
    m_rest.reset();
    if (config)
        m_rest = std::make_unique<natter::pusher::RestClient>(m_network, *config);
}

void EventSender::setServerApi(natter::chat::NatterServerApi *api)
{
    m_serverApi = api;
}

natter::chat::NatterServerApi *EventSender::serverApi() const
{
    return m_serverApi;
}

void EventSender::finishLater(int id, bool ok, const QString &answer)
{
    QMetaObject::invokeMethod(
        this, [this, id, ok, answer] { emit finished(id, ok, answer); }, Qt::QueuedConnection);
}

int EventSender::send(const EventDraft &draft, bool excludeOwnConnection)
{
    const int id = m_nextId++;
    const EventDraft::Check check = draft.check();
    if (!check.ok()) {
        finishLater(id, false, check.firstError());
        return id;
    }
    if (draft.sendAs == EventDraft::SendAs::NatterServer) {
        sendThroughServer(id, draft, excludeOwnConnection);
        return id;
    }
    if (draft.sendAs == EventDraft::SendAs::RestApi) {
        if (!m_rest) {
            finishLater(id, false,
                        tr("The REST API needs the app ID and the app secret of this profile."));
            return id;
        }
        QString socketId;
        if (excludeOwnConnection && m_client)
            socketId = m_client->connection()->socketId();
        natter::pusher::RestReply *reply = m_rest->trigger({draft.channel}, draft.event, draft.data,
                                                           socketId);
        connect(reply, &natter::pusher::RestReply::finished, this, [this, id, reply] {
            reply->deleteLater();
            if (reply->ok())
                emit finished(id, true,
                              tr("HTTP %1: %2")
                                  .arg(reply->httpStatus())
                                  .arg(QString::fromUtf8(reply->body()).left(2000)));
            else
                emit finished(id, false, reply->errorString());
        });
        return id;
    }
    natter::pusher::Channel *channel = m_client ? m_client->channel(draft.channel) : nullptr;
    if (!channel || !channel->isWanted()) {
        finishLater(id, false,
                    tr("This connection is not subscribed to %1: client events go out on a "
                       "channel it has joined.")
                        .arg(draft.channel));
        return id;
    }
    const QString tag = QStringLiteral("devtools-%1").arg(id);
    if (const auto error = channel->trigger(draft.event, draft.data, tag)) {
        finishLater(id, false, error->message);
        return id;
    }
    m_clientEventTags.insert(tag, id);
    return id;
}

void EventSender::sendThroughServer(int id, const EventDraft &draft, bool excludeOwnConnection)
{
    if (!m_serverApi) {
        finishLater(id, false,
                    tr("Sending as natter-server needs a natter-server profile whose user is one "
                       "of the server's debug users."));
        return;
    }
    QString socketId;
    if (excludeOwnConnection && m_client)
        socketId = m_client->connection()->socketId();
    m_serverApi->triggerDebugEvent(
        draft.channel, draft.event, draft.data, socketId,
        [self = QPointer<EventSender>(this), id](const natter::chat::NatterServerApi::Failure &f) {
            if (!self)
                return;
            if (f.ok())
                emit self->finished(id, true, tr("natter-server triggered it."));
            else if (f.status > 0)
                emit self->finished(id, false,
                                    tr("natter-server refused it (HTTP %1 %2): %3")
                                        .arg(f.status)
                                        .arg(f.code, f.message));
            else
                emit self->finished(id, false, f.message);
        });
}

} // namespace natter::devtools
