#include "FreePort.h"

#include <QHostAddress>
#include <QTcpServer>

quint16 FreePort::pick()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool FreePort::isFree(quint16 port)
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, port);
}
