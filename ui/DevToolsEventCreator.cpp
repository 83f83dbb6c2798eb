#include "DevToolsEventCreator.h"

#include <devtools/EventSender.h>
#include <devtools/SentEventModel.h>

#include <QCheckBox>
#include <QCompleter>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace natter::ui {

using natter::devtools::EventDraft;
using natter::devtools::SentEventModel;

namespace {
QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

DevToolsEventCreator::DevToolsEventCreator(natter::devtools::EventSender *sender,
                                           natter::devtools::SentEventModel *history,
                                           QWidget *parent)
    : QWidget(parent)
    , m_sender(sender)
    , m_history(history)
{
    setAccessibleName(tr("Event creator"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_sendAs = new QGroupBox(tr("Send as"), this);
    m_sendAs->setAccessibleName(tr("Send as"));
    m_rest = new QRadioButton(tr("RE&ST API"), m_sendAs);
    m_rest->setAccessibleName(tr("REST API"));
    m_clientEvent = new QRadioButton(tr("c&lient event"), m_sendAs);
    m_clientEvent->setAccessibleName(tr("client event"));
    m_natterServer = new QRadioButton(tr("&natter-server"), m_sendAs);
    m_natterServer->setAccessibleName(tr("natter-server"));
    m_natterServer->setToolTip(tr("Ask natter-server to trigger it (the server's debug users)"));
    m_rest->setChecked(true);
    auto *sendAsLayout = new QHBoxLayout(m_sendAs);
    sendAsLayout->addWidget(m_rest);
    sendAsLayout->addWidget(m_clientEvent);
    sendAsLayout->addWidget(m_natterServer);
    sendAsLayout->addStretch(1);
    m_appId = new QLineEdit(this);
    m_appId->setAccessibleName(tr("App ID"));
    m_appId->setPlaceholderText(tr("the app's id on the server, e.g. app-id"));
    m_exclude = new QCheckBox(tr("Exclude this connection"), this);
    m_exclude->setAccessibleName(tr("Exclude this connection"));
    m_exclude->setToolTip(tr("Pass this connection's socket id, so only the others receive it"));
    m_channel = new QLineEdit(this);
    m_channel->setAccessibleName(tr("Channel"));
    m_channel->setCompleter(new QCompleter(new QStringListModel(this), this));
    m_event = new QLineEdit(this);
    m_event->setAccessibleName(tr("Event name"));
    m_data = new QPlainTextEdit(this);
    m_data->setAccessibleName(tr("Event data"));
    m_data->setFont(mono);
    m_data->setTabChangesFocus(true); // keyboard users leave the field with Tab
    m_data->setPlainText(QStringLiteral("{}"));
    m_validation = plainLabel({}, this);
    m_validation->setAccessibleName(tr("Validation"));
    m_validation->setWordWrap(true);
    m_send = new QPushButton(tr("Send event"), this);
    m_send->setAccessibleName(tr("Send event"));
    m_send->setDefault(true);
    m_answer = new QPlainTextEdit(this);
    m_answer->setAccessibleName(tr("Answer"));
    m_answer->setReadOnly(true);
    m_answer->setFont(mono);
    m_answer->setMaximumHeight(90);
    m_historyView = new QListView(this);
    m_historyView->setAccessibleName(tr("Sent events"));
    m_historyView->setModel(history);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resend = new QPushButton(tr("Resend"), this);
    m_resend->setAccessibleName(tr("Resend"));
    m_resend->setToolTip(tr("Send the selected event again (double-click loads it into the form)"));

    auto *form = new QFormLayout;
    form->addRow(m_sendAs);
    m_appIdLabel = plainLabel(tr("App &ID:"), this);
    form->addRow(m_appIdLabel, m_appId);
    form->addRow(QString(), m_exclude);
    form->addRow(plainLabel(tr("&Channel:"), this), m_channel);
    form->addRow(plainLabel(tr("&Event name:"), this), m_event);
    form->addRow(plainLabel(tr("Event &data:"), this), m_data);
    for (int row = 0; row < form->rowCount(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(
                form->itemAt(row, QFormLayout::LabelRole)
                    ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                    : nullptr))
            label->setBuddy(form->itemAt(row, QFormLayout::FieldRole)->widget());
    }
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_validation, 1);
    sendRow->addWidget(m_send);
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(plainLabel(tr("Sent events:"), this));
    historyRow->addStretch(1);
    historyRow->addWidget(m_resend);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(sendRow);
    layout->addWidget(m_answer);
    layout->addLayout(historyRow);
    layout->addWidget(m_historyView, 1);

    connect(m_rest, &QRadioButton::toggled, this, &DevToolsEventCreator::validate);
    connect(m_natterServer, &QRadioButton::toggled, this, &DevToolsEventCreator::validate);
    connect(m_appId, &QLineEdit::textChanged, this, [this](const QString &id) {
        validate();
        emit appIdChanged(id.trimmed());
    });
    connect(m_channel, &QLineEdit::textChanged, this, &DevToolsEventCreator::validate);
    connect(m_event, &QLineEdit::textChanged, this, &DevToolsEventCreator::validate);
    connect(m_data, &QPlainTextEdit::textChanged, this, &DevToolsEventCreator::validate);
    connect(m_send, &QPushButton::clicked, this, &DevToolsEventCreator::send);
    connect(m_resend, &QPushButton::clicked, this, &DevToolsEventCreator::resendSelected);
    connect(m_historyView, &QListView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            setDraft(m_history->at(index.row()).draft);
    });
    connect(sender, &natter::devtools::EventSender::finished, this,
            &DevToolsEventCreator::onFinished);
    setServerAvailable(false);
    setRestAvailable(false);
}

QString DevToolsEventCreator::appId() const
{
    return m_appId->text().trimmed();
}

void DevToolsEventCreator::setAppId(const QString &appId)
{
    m_appId->setText(appId);
}

void DevToolsEventCreator::setRestAvailable(bool available)
{
    m_restAvailable = available;
    // Without the app secret there is nothing to sign REST calls with.
    (available ? m_rest : m_serverAvailable ? m_natterServer : m_clientEvent)->setChecked(true);
    validate();
}

void DevToolsEventCreator::setServerAvailable(bool available)
{
    m_serverAvailable = available;
    m_natterServer->setVisible(available);
    if (available && !m_restAvailable)
        m_natterServer->setChecked(true);
    else if (!available && m_natterServer->isChecked())
        (m_restAvailable ? m_rest : m_clientEvent)->setChecked(true);
    validate();
}

void DevToolsEventCreator::setSubscribedChannels(const QStringList &channels)
{
    if (auto *model = qobject_cast<QStringListModel *>(m_channel->completer()->model()))
        model->setStringList(channels);
    if (m_channel->text().isEmpty() && !channels.isEmpty())
        m_channel->setText(channels.constFirst());
}

EventDraft DevToolsEventCreator::draft() const
{
    const EventDraft::SendAs sendAs = m_rest->isChecked() ? EventDraft::SendAs::RestApi
        : m_natterServer->isChecked()                     ? EventDraft::SendAs::NatterServer
                                                          : EventDraft::SendAs::ClientEvent;
    return {m_channel->text().trimmed(), m_event->text().trimmed(), m_data->toPlainText(), sendAs};
}

void DevToolsEventCreator::setDraft(const EventDraft &draft)
{
    switch (draft.sendAs) {
    case EventDraft::SendAs::RestApi:
        m_rest->setChecked(true);
        break;
    case EventDraft::SendAs::NatterServer:
        m_natterServer->setChecked(true);
        break;
    case EventDraft::SendAs::ClientEvent:
        m_clientEvent->setChecked(true);
        break;
    }
    m_channel->setText(draft.channel);
    m_event->setText(draft.event);
    m_data->setPlainText(draft.data);
}

void DevToolsEventCreator::validate()
{
    const EventDraft d = draft();
    const bool rest = d.sendAs == EventDraft::SendAs::RestApi;
    m_appId->setVisible(rest);
    m_appIdLabel->setVisible(rest);
    const bool server = d.sendAs == EventDraft::SendAs::NatterServer;
    m_exclude->setVisible(rest || server);
    const EventDraft::Check check = d.check();
    QStringList problems;
    for (const QString &p : {check.channelError, check.eventError, check.dataError}) {
        if (!p.isEmpty())
            problems.append(p);
    }
    if (rest && !m_restAvailable)
        problems.append(tr("The REST API needs the app secret: this profile does not have one."));
    else if (rest && appId().isEmpty())
        problems.append(tr("Enter the app ID for the REST API."));
    else if (server && !m_serverAvailable)
        problems.append(tr("Only natter-server's debug users can send through it."));
    const QString size = tr("%L1 / %L2 bytes").arg(check.dataBytes).arg(EventDraft::MaxDataBytes);
    m_validation->setText(problems.isEmpty() ? tr("Ready to send. %1").arg(size)
                                             : problems.join(u'\n') + u'\n' + size);
    m_validation->setAccessibleDescription(m_validation->text());
    m_send->setEnabled(problems.isEmpty());
}

bool DevToolsEventCreator::send()
{
    validate();
    if (!m_send->isEnabled()) {
        m_answer->setPlainText(tr("Not sent: %1").arg(m_validation->text()));
        return false;
    }
    const EventDraft d = draft();
    const int id = m_sender->send(d, m_exclude->isChecked());
    m_history->add(id, QDateTime::currentMSecsSinceEpoch(), d);
    m_historyView->scrollToBottom();
    m_answer->setPlainText(tr("Sending %1 to %2…").arg(d.event, d.channel));
    return true;
}

void DevToolsEventCreator::resendSelected()
{
    const QModelIndex index = m_historyView->currentIndex();
    if (!index.isValid())
        return;
    setDraft(m_history->at(index.row()).draft);
    send();
}

void DevToolsEventCreator::onFinished(int id, bool ok, const QString &answer)
{
    m_history->setResult(id, ok, answer);
    m_answer->setPlainText((ok ? tr("Sent. ") : tr("Failed: ")) + answer);
}

} // namespace natter::ui
