#include "DevToolsWindow.h"

#include "ChatSession.h"
#include "DevToolsChannels.h"
#include "DevToolsConsole.h"
#include "DevToolsEventCreator.h"
#include "DevToolsRates.h"

#include <chat/ChatController.h>
#include <devtools/EventSender.h>
#include <devtools/FrameLogModel.h>
#include <devtools/FrameRecorder.h>
#include <devtools/SentEventModel.h>
#include <devtools/ServerFeed.h>
#include <pusher/Client.h>
#include <pusher/RestClient.h>

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::ServerProfile;

DevToolsWindow::DevToolsWindow(QSettings *uiSettings, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_uiSettings(uiSettings)
{
    setObjectName(QStringLiteral("devToolsWindow"));
    setWindowTitle(tr("Developer tools"));
    setAccessibleName(tr("Developer tools"));
    m_network = new QNetworkAccessManager(this);
    m_log = new natter::devtools::FrameLogModel(this);
    m_recorder = new natter::devtools::FrameRecorder(m_log, this);
    m_sender = new natter::devtools::EventSender(m_network, this);
    m_history = new natter::devtools::SentEventModel(this);
    m_feed = new natter::devtools::ServerFeed(m_recorder, this);

    m_console = new DevToolsConsole(m_log, m_recorder, this);
    m_creator = new DevToolsEventCreator(m_sender, m_history, this);
    m_channels = new DevToolsChannels(m_sender, this);
    m_rates = new DevToolsRates(m_recorder, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Developer tools sections"));
    m_tabs->addTab(m_console, tr("Debug console"));
    m_tabs->addTab(m_creator, tr("Event creator"));
    m_tabs->addTab(m_channels, tr("Channels"));
    m_tabs->addTab(m_rates, tr("Rates"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);

    connect(m_channels, &DevToolsChannels::subscribedChannelsChanged, m_creator,
            &DevToolsEventCreator::setSubscribedChannels);
    connect(m_creator, &DevToolsEventCreator::appIdChanged, this, [this](const QString &appId) {
        if (m_uiSettings && m_session)
            m_uiSettings->setValue(
                QStringLiteral("devtools/%1/appId").arg(m_session->profile().name), appId);
        updateRest();
    });
    resize(900, 640);
}

DevToolsWindow::~DevToolsWindow()
{
    m_feed->stop();
    m_recorder->attach(nullptr);
}

void DevToolsWindow::setSession(ChatSession *session)
{
    if (session == m_session)
        return;
    disconnect(m_connectionChanged);
    m_feed->stop();
    m_debugChannel.clear();
    m_sender->setServerApi(nullptr);
    m_creator->setServerAvailable(false);
    m_session = session;
    m_log->clear();
    m_recorder->clearRates();
    if (session) {
        // Whatever the session knows that must never show: the app secret or the bearer token.
        m_recorder->setSecrets({session->secret()});
        m_connectionChanged = connect(session->controller(),
                                      &natter::chat::ChatController::connectionChanged, this,
                                      &DevToolsWindow::attach);
        if (m_uiSettings)
            m_creator->setAppId(
                m_uiSettings->value(QStringLiteral("devtools/%1/appId").arg(session->profile().name))
                    .toString());
    } else {
        m_recorder->setSecrets({});
    }
    updateRest();
    attach();
    askForServerView();
}

void DevToolsWindow::askForServerView()
{
    natter::chat::NatterServerApi *api = m_session ? m_session->serverApi() : nullptr;
    if (!api)
        return;
    api->fetchDebugChannel(
        [self = QPointer<DevToolsWindow>(this), session = m_session,
         api = QPointer<natter::chat::NatterServerApi>(api)](
            const natter::chat::NatterServerApi::Failure &failure, const QString &channel) {
            if (!self || !api || self->m_session != session)
                return;
            if (!failure.ok())
                return; // not a debug user (403), or a server without the view: nothing to show
            self->m_debugChannel = channel;
            self->m_sender->setServerApi(api);
            self->m_creator->setServerAvailable(true);
            self->attach();
        });
}

void DevToolsWindow::attach()
{
    natter::pusher::Client *client = m_session ? m_session->controller()->client() : nullptr;
    m_sender->setClient(client);
    m_channels->setClient(client);
    m_recorder->attach(isVisible() && client ? client->connection() : nullptr);
    if (isVisible() && client && !m_debugChannel.isEmpty())
        m_feed->start(client, m_debugChannel);
    else
        m_feed->stop();
}

void DevToolsWindow::updateRest()
{
    const bool hasSecret = m_session
        && m_session->profile().authMode == ServerProfile::AuthMode::LocalSigning
        && !m_session->secret().isEmpty();
    const QString appId = m_creator->appId();
    if (hasSecret && !appId.isEmpty()) {
        const ServerProfile &p = m_session->profile();
        natter::pusher::RestConfig config;
        if (p.kind == ServerProfile::Kind::Hosted) {
            config.baseUrl = natter::pusher::RestClient::hostedBaseUrl(p.cluster);
        } else {
            config.baseUrl.setScheme(p.tls ? QStringLiteral("https") : QStringLiteral("http"));
            config.baseUrl.setHost(p.host);
            config.baseUrl.setPort(p.port);
        }
        config.appId = appId;
        config.key = p.key;
        config.secret = m_session->secret().toUtf8();
        config.caBundlePath = p.caFile;
        m_sender->setRestConfig(config);
    } else {
        m_sender->setRestConfig(std::nullopt);
    }
    // Typing the app id must not flip the user's "Send as" choice: only a change of secret does.
    if (int(hasSecret) != m_hadSecret) {
        m_hadSecret = int(hasSecret);
        m_creator->setRestAvailable(hasSecret);
    }
    m_channels->setRestAvailable(m_sender->rest() != nullptr);
}

void DevToolsWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    attach();
}

void DevToolsWindow::hideEvent(QHideEvent *event)
{
    // Closed tools cost the chat nothing: the connection's observer goes back to null.
    m_recorder->attach(nullptr);
    m_feed->stop();
    m_recorder->flush();
    QWidget::hideEvent(event);
}

} // namespace natter::ui
