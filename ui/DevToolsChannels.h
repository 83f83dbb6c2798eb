#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace natter::pusher {
class Client;
}

namespace natter::devtools {
class EventSender;
}

namespace natter::ui {

// The channel inspector: what this connection has subscribed (state, subscription count where
// the server sends it, presence members), and, with the app secret, the server's own view
// through the REST API (channel list, channel info, presence users), fetched on demand.
class DevToolsChannels : public QWidget
{
    Q_OBJECT
public:
    // `sender` (not owned) carries the REST client when there is one.
    explicit DevToolsChannels(natter::devtools::EventSender *sender, QWidget *parent = nullptr);

    void setClient(natter::pusher::Client *client);
    void setRestAvailable(bool available);
    QTreeWidget *channels() const { return m_tree; }
    QPlainTextEdit *restAnswer() const { return m_restAnswer; }
    // Rebuilds the list now (it also follows the channels' signals, coalesced).
    void refresh();

signals:
    void subscribedChannelsChanged(const QStringList &names);

private:
    void scheduleRefresh();
    QString selectedChannel() const;
    void restCall(int which);

    natter::devtools::EventSender *m_sender;
    QPointer<natter::pusher::Client> m_client;
    QTreeWidget *m_tree;
    QPushButton *m_list;
    QPushButton *m_info;
    QPushButton *m_users;
    QLabel *m_restNote;
    QPlainTextEdit *m_restAnswer;
    QTimer *m_refreshTimer;
    QList<QMetaObject::Connection> m_signals;
};

} // namespace natter::ui
