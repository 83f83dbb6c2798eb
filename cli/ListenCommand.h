#pragma once

#include <pusher/ChannelError.h>
#include <pusher/ConnectionOptions.h>
#include <pusher/Event.h>

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
namespace natter::pusher {
class Authorizer;
class Channel;
class Client;
} // namespace natter::pusher

// `natter-cli listen`: subscribe, print what happens as JSON lines, optionally stop after N
// events and print throughput and resource figures (the benchmark's client).
class ListenCommand : public QObject
{
    Q_OBJECT
public:
    static int run(const QStringList &arguments);

private:
    struct Settings
    {
        natter::pusher::ConnectionOptions connection;
        QStringList channels;
        qint64 count = -1;
        int timeoutSec = 0;
        bool quiet = false;
        bool stats = false;
        bool signin = false;
        QList<QPair<QString, QString>> emits; // event, raw JSON
    };

    ListenCommand(Settings settings, std::unique_ptr<natter::pusher::Authorizer> authorizer,
                  QNetworkAccessManager *network);
    ~ListenCommand() override;
    void start();
    void finish(int code);
    void watch(natter::pusher::Channel *channel);
    void onEvent(const natter::pusher::Event &event);
    void printStats();

    Settings m_settings;
    QNetworkAccessManager *m_network;
    std::unique_ptr<natter::pusher::Authorizer> m_authorizer;
    natter::pusher::Client *m_client = nullptr;
    qint64 m_events = 0;
    QElapsedTimer m_sinceFirst;
    qint64 m_lastEventNs = 0;
    bool m_finished = false;
};
