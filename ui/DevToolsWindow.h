#pragma once

#include <QPointer>
#include <QWidget>

class QNetworkAccessManager;
class QSettings;
class QTabWidget;

namespace natter::devtools {
class EventSender;
class FrameLogModel;
class FrameRecorder;
class SentEventModel;
class ServerFeed;
} // namespace natter::devtools

namespace natter::ui {

class ChatSession;
class DevToolsChannels;
class DevToolsConsole;
class DevToolsEventCreator;
class DevToolsRates;

// "Developer tools": the Debug console, the Event creator, the channel inspector and the rates
// for the current session's connection. Frames are recorded only while the window is shown, so
// a closed window costs the chat nothing. On a natter-server profile whose user is one of the
// server's debug users (GET /debug), the console also shows the server-wide view (the webhooks
// natter-server republishes) and the Event creator can send through natter-server; for anyone
// else neither is shown.
class DevToolsWindow : public QWidget
{
    Q_OBJECT
public:
    // `uiSettings` (not owned, may be null) remembers the app id per profile.
    explicit DevToolsWindow(QSettings *uiSettings, QWidget *parent = nullptr);
    ~DevToolsWindow() override;

    void setSession(ChatSession *session);
    ChatSession *session() const { return m_session; }

    natter::devtools::FrameLogModel *log() const { return m_log; }
    natter::devtools::FrameRecorder *recorder() const { return m_recorder; }
    natter::devtools::EventSender *sender() const { return m_sender; }
    QTabWidget *tabs() const { return m_tabs; }
    DevToolsConsole *console() const { return m_console; }
    DevToolsEventCreator *eventCreator() const { return m_creator; }
    DevToolsChannels *channels() const { return m_channels; }
    DevToolsRates *rates() const { return m_rates; }
    natter::devtools::ServerFeed *serverFeed() const { return m_feed; }
    // The debug channel natter-server offered this user; empty: no server-wide view.
    QString debugChannel() const { return m_debugChannel; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void attach();
    void updateRest();
    void askForServerView();

    QSettings *m_uiSettings;
    QPointer<ChatSession> m_session;
    QMetaObject::Connection m_connectionChanged;
    QNetworkAccessManager *m_network;
    natter::devtools::FrameLogModel *m_log;
    natter::devtools::FrameRecorder *m_recorder;
    natter::devtools::EventSender *m_sender;
    natter::devtools::SentEventModel *m_history;
    natter::devtools::ServerFeed *m_feed;
    QString m_debugChannel;
    QTabWidget *m_tabs;
    DevToolsConsole *m_console;
    DevToolsEventCreator *m_creator;
    DevToolsChannels *m_channels;
    DevToolsRates *m_rates;
    int m_hadSecret = -1; // unknown until the first updateRest()
};

} // namespace natter::ui
