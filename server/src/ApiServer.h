#pragma once

#include "ChannelAuthRoutes.h"
#include "DebugRoutes.h"
#include "MessageEditRoutes.h"
#include "MessageRoutes.h"
#include "RoomRoutes.h"
#include "SearchRoutes.h"
#include "SessionRoutes.h"

#include <QAbstractHttpServer>

struct ServerContext;

// The HTTP front: routes each request to its handler as an HttpExchange that may be answered
// later, counts the requests in flight, and stops cleanly: drain() stops accepting and emits
// drained() once every accepted request has been answered.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // Far above any valid request (a 2000-character message, a 100-channel auth batch).
    static constexpr qsizetype MaxBodyBytes = 256 * 1024;

    explicit ApiServer(ServerContext &context, QObject *parent = nullptr);

    int inFlight() const { return m_inFlight; }
    void drain();

signals:
    void drained();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void dispatch(const ExchangePtr &exchange);
    void finished();

    SessionRoutes m_sessions;
    ChannelAuthRoutes m_channelAuth;
    MessageRoutes m_messages;
    DebugRoutes m_debug; // before m_rooms, which republishes webhooks through it
    RoomRoutes m_rooms;
    SearchRoutes m_search;
    MessageEditRoutes m_messageEdits;
    int m_inFlight = 0;
    bool m_draining = false;
};
