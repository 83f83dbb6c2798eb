#include "DevToolsChannels.h"

#include <devtools/EventSender.h>
#include <devtools/FrameExport.h>
#include <pusher/Channel.h>
#include <pusher/Client.h>
#include <pusher/ClientEventQueue.h>
#include <pusher/Connection.h>
#include <pusher/Members.h>
#include <pusher/PresenceChannel.h>
#include <pusher/RestReply.h>

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMetaEnum>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace natter::ui {

using natter::pusher::Channel;

namespace {
enum RestCall { ListChannels, ChannelInfo, Users };
}

DevToolsChannels::DevToolsChannels(natter::devtools::EventSender *sender, QWidget *parent)
    : QWidget(parent)
    , m_sender(sender)
{
    setAccessibleName(tr("Channels"));
    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Subscribed channels"));
    m_tree->setHeaderLabels({tr("Channel"), tr("State"), tr("Subscribers"), tr("Members")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setAccessibleName(tr("Refresh"));
    m_list = new QPushButton(tr("List channels (REST)"), this);
    m_list->setAccessibleName(tr("List channels"));
    m_info = new QPushButton(tr("Channel info (REST)"), this);
    m_info->setAccessibleName(tr("Channel info"));
    m_users = new QPushButton(tr("Users (REST)"), this);
    m_users->setAccessibleName(tr("Users"));
    m_restNote = new QLabel(this);
    m_restNote->setTextFormat(Qt::PlainText);
    m_restNote->setWordWrap(true);
    m_restAnswer = new QPlainTextEdit(this);
    m_restAnswer->setAccessibleName(tr("REST answer"));
    m_restAnswer->setReadOnly(true);
    m_restAnswer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_list);
    buttons->addWidget(m_info);
    buttons->addWidget(m_users);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 3);
    layout->addLayout(buttons);
    layout->addWidget(m_restNote);
    layout->addWidget(m_restAnswer, 2);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(200);
    connect(m_refreshTimer, &QTimer::timeout, this, &DevToolsChannels::refresh);
    connect(refresh, &QPushButton::clicked, this, &DevToolsChannels::refresh);
    connect(m_list, &QPushButton::clicked, this, [this] { restCall(ListChannels); });
    connect(m_info, &QPushButton::clicked, this, [this] { restCall(ChannelInfo); });
    connect(m_users, &QPushButton::clicked, this, [this] { restCall(Users); });
    setRestAvailable(false);
}

void DevToolsChannels::setRestAvailable(bool available)
{
    for (QPushButton *b : {m_list, m_info, m_users})
        b->setEnabled(available);
    m_restNote->setText(available ? tr("The server's view, through the REST API:")
                                  : tr("The server's view needs the app ID and the app secret "
                                       "(Event creator tab)."));
}

void DevToolsChannels::setClient(natter::pusher::Client *client)
{
    for (const QMetaObject::Connection &c : std::as_const(m_signals))
        disconnect(c);
    m_signals.clear();
    m_client = client;
    refresh();
}

void DevToolsChannels::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void DevToolsChannels::refresh()
{
    for (const QMetaObject::Connection &c : std::as_const(m_signals))
        disconnect(c);
    m_signals.clear();
    const QString selected = selectedChannel();
    m_tree->clear();
    QStringList names;
    if (m_client) {
        QList<Channel *> list = m_client->channels();
        std::sort(list.begin(), list.end(),
                  [](Channel *a, Channel *b) { return a->name() < b->name(); });
        const QMetaEnum states = QMetaEnum::fromType<Channel::State>();
        for (Channel *c : std::as_const(list)) {
            m_signals << connect(c, &Channel::stateChanged, this,
                                 &DevToolsChannels::scheduleRefresh);
            m_signals << connect(c, &Channel::subscriptionCountChanged, this,
                                 &DevToolsChannels::scheduleRefresh);
            auto *item = new QTreeWidgetItem(m_tree);
            item->setText(0, c->name());
            item->setText(1, QString::fromLatin1(states.valueToKey(int(c->state()))));
            item->setText(2,
                          c->subscriptionCount() >= 0 ? QString::number(c->subscriptionCount())
                                                      : QStringLiteral("–"));
            if (c->lastError())
                item->setToolTip(1, c->lastError()->message);
            if (auto *presence = qobject_cast<natter::pusher::PresenceChannel *>(c)) {
                const natter::pusher::Members *members = presence->members();
                m_signals << connect(members, &natter::pusher::Members::memberAdded, this,
                                     &DevToolsChannels::scheduleRefresh);
                m_signals << connect(members, &natter::pusher::Members::memberRemoved, this,
                                     &DevToolsChannels::scheduleRefresh);
                m_signals << connect(members, &natter::pusher::Members::wasReset, this,
                                     &DevToolsChannels::scheduleRefresh);
                item->setText(3, QString::number(members->count()));
                for (const natter::pusher::Member &m : members->all()) {
                    auto *child = new QTreeWidgetItem(item);
                    const QString name = m.info.value(QLatin1String("name")).toString();
                    child->setText(0, name.isEmpty() ? m.id : tr("%1 (%2)").arg(m.id, name));
                    if (m.id == members->myId())
                        child->setText(1, tr("me"));
                }
            }
            if (c->isWanted())
                names.append(c->name());
            if (c->name() == selected)
                m_tree->setCurrentItem(item);
        }
        m_tree->expandAll();
    }
    emit subscribedChannelsChanged(names);
}

QString DevToolsChannels::selectedChannel() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    return item ? item->text(0) : QString();
}

void DevToolsChannels::restCall(int which)
{
    natter::pusher::RestClient *rest = m_sender->rest();
    if (!rest) {
        m_restAnswer->setPlainText(tr("No REST client: enter the app ID (Event creator tab)."));
        return;
    }
    const QString channel = selectedChannel();
    natter::pusher::RestReply *reply = nullptr;
    switch (which) {
    case ListChannels:
        reply = rest->channels();
        break;
    case ChannelInfo:
        if (channel.isEmpty()) {
            m_restAnswer->setPlainText(tr("Select a channel first."));
            return;
        }
        reply = rest->channelInfo(
            channel,
            channel.startsWith(QLatin1String("presence-"))
                ? QStringList{QStringLiteral("user_count"), QStringLiteral("subscription_count")}
                : QStringList{QStringLiteral("subscription_count")});
        break;
    case Users:
        if (!channel.startsWith(QLatin1String("presence-"))) {
            m_restAnswer->setPlainText(tr("Select a presence channel first."));
            return;
        }
        reply = rest->presenceUsers(channel);
        break;
    }
    m_restAnswer->setPlainText(tr("Asking the server…"));
    connect(reply, &natter::pusher::RestReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_restAnswer->setPlainText(reply->ok() ? natter::devtools::FrameExport::prettyJson(
                                       QString::fromUtf8(reply->body()))
                                               : tr("Failed: %1").arg(reply->errorString()));
    });
}

} // namespace natter::ui
