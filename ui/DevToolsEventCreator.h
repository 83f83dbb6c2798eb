#pragma once

#include <devtools/EventDraft.h>

#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace natter::devtools {
class EventSender;
class SentEventModel;
} // namespace natter::devtools

namespace natter::ui {

// The Event creator: channel, event name and JSON data checked as they are typed (channel
// rules, JSON syntax, the 10 KB limit), sent through the REST API, through natter-server or as
// a client event; the
// answer shown, and a history to resend from.
class DevToolsEventCreator : public QWidget
{
    Q_OBJECT
public:
    // Neither is owned.
    DevToolsEventCreator(natter::devtools::EventSender *sender,
                         natter::devtools::SentEventModel *history, QWidget *parent = nullptr);

    // The app id the REST API needs (profiles do not carry one).
    QString appId() const;
    void setAppId(const QString &appId);
    // REST API is offered (and chosen) only when the app secret is known.
    void setRestAvailable(bool available);
    // natter-server is offered only to the server's debug users (and then chosen, when there is
    // no app secret).
    void setServerAvailable(bool available);
    void setSubscribedChannels(const QStringList &channels);

    natter::devtools::EventDraft draft() const;
    void setDraft(const natter::devtools::EventDraft &draft);

    // "Send as": radio buttons in a group, since a combo box's accessible name on Linux is its
    // current text, and the group's name is relied on.
    QGroupBox *sendAs() const { return m_sendAs; }
    QRadioButton *restButton() const { return m_rest; }
    QRadioButton *clientEventButton() const { return m_clientEvent; }
    QRadioButton *natterServerButton() const { return m_natterServer; }
    QLineEdit *channelField() const { return m_channel; }
    QLineEdit *eventField() const { return m_event; }
    QPlainTextEdit *dataField() const { return m_data; }
    QLineEdit *appIdField() const { return m_appId; }
    QLabel *validation() const { return m_validation; }
    QPushButton *sendButton() const { return m_send; }
    QPlainTextEdit *answer() const { return m_answer; }
    QListView *historyView() const { return m_historyView; }

    // Sends what the form holds (also the "Send event" button); false if it was refused.
    bool send();
    void resendSelected();

signals:
    void appIdChanged(const QString &appId);

private:
    void validate();
    void onFinished(int id, bool ok, const QString &answer);

    natter::devtools::EventSender *m_sender;
    natter::devtools::SentEventModel *m_history;
    QGroupBox *m_sendAs;
    QRadioButton *m_rest;
    QRadioButton *m_clientEvent;
    QRadioButton *m_natterServer;
    QLineEdit *m_appId;
    QLabel *m_appIdLabel;
    QCheckBox *m_exclude;
    QLineEdit *m_channel;
    QLineEdit *m_event;
    QPlainTextEdit *m_data;
    QLabel *m_validation;
    QPushButton *m_send;
    QPlainTextEdit *m_answer;
    QListView *m_historyView;
    QPushButton *m_resend;
    bool m_restAvailable = false;
    bool m_serverAvailable = false;
};

} // namespace natter::ui
